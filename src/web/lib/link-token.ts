import { useEffect, useState } from 'react';

/**
 * The token of a link we made (an e-mailed link, a supporter's link, a family invite), read from the
 * address's fragment (`#token=…`), which browsers never send to a server nor pass on in a Referer
 * header. Once the page is on screen, it is taken out of the address bar, so it is not left in the
 * history or shown over someone's shoulder.
 *
 * Read without side effects and taken out in an effect: React may render a page and throw that
 * render away (a newer update arriving first, such as the service worker taking charge of a phone's
 * first page), and a render that had already emptied the address bar left the page it kept with no
 * token. Seen twice: a link opened in a signed-in browser (e2e/change-email.e2e.ts), and Gran's
 * invite opened on her new phone, which showed "Join a family" instead of her invite
 * (e2e/family-together.e2e.ts). Only this file changes the address bar (link-token.test.ts).
 */
export function useTokenFromAddress(shape: RegExp): string | null {
  const [token] = useState(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    return found && shape.test(found) ? found : null;
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
