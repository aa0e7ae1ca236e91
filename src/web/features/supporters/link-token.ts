import { useEffect, useState } from 'react';

/**
 * The token of a supporter's link, read from the address's fragment (never sent to a server or in
 * a Referer), then taken out of the address bar once the page is on screen.
 */
export function useSupporterToken(): string | null {
  const [token] = useState(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    return found && /^[A-Za-z0-9_.-]{43,130}$/.test(found) ? found : null;
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
