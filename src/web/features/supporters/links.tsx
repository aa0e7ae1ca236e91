import { lazy, type ComponentType } from 'react';
import { Route } from 'react-router';
import { RouteBoundary } from '../../app/ErrorBoundary.js';

// The pages a supporter opens from an e-mail, with no account: saying yes, sending a few words
// back, and stopping the e-mails. App.tsx places `supporterLinkRoutes` among both its signed-out
// and signed-in routes (a parent may try the link on their own phone).

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
