/**
 * The token of a link we e-mailed, read from the address's fragment (`#token=…`), which browsers
 * never send to a server nor pass on in a Referer header. Once read, it is taken out of the
 * address bar, so it is not left in the history or shown over someone's shoulder.
 */
export function takeLinkToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (window.location.hash)
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
