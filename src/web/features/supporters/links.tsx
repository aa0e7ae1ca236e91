import { lazy, useEffect, useState, type ComponentType } from 'react';
import { Route } from 'react-router';
import { RouteBoundary } from '../../app/ErrorBoundary.js';

// The pages a supporter opens from an e-mail, with no account: saying yes, sending a few words
// back, and stopping the e-mails. App.tsx places `supporterLinkRoutes` among both its signed-out
// and signed-in routes (a parent may try the link on their own phone).

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

const page = (load: () => Promise<ComponentType>) => {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function SupporterLinkPage() {
    return (
      <RouteBoundary>
        <Lazy />
      </RouteBoundary>
    );
  };
};

const Confirm = page(async () => (await import('./LinkPages.js')).SupporterConfirmPage);
const Reply = page(async () => (await import('./LinkPages.js')).SupporterReplyPage);
const Stop = page(async () => (await import('./LinkPages.js')).SupporterStopPage);

export const supporterLinkRoutes = (
  <>
    <Route path="/supporter/confirm" element={<Confirm />} />
    <Route path="/supporter/reply" element={<Reply />} />
    <Route path="/supporter/stop" element={<Stop />} />
  </>
);
