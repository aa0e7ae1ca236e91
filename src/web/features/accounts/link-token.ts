import { useEffect, useState } from 'react';

/**
 * The token of a link we e-mailed, read from the address's fragment (`#token=…`), which browsers
 * never send to a server nor pass on in a Referer header. Once the page is on screen, it is taken
 * out of the address bar, so it is not left in the history or shown over someone's shoulder.
 *
 * Read without side effects and taken out in an effect: React may render a page and throw that
 * render away, and a render that had already emptied the address bar left the page it kept with no
 * token (seen when the link was opened in a signed-in browser: e2e/change-email.e2e.ts).
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    return found && /^[A-Za-z0-9_-]{43}$/.test(found) ? found : null;
  });
  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
  }, []);
  return token;
}
