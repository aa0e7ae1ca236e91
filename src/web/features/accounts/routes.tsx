import { lazy, type ComponentType } from 'react';
import { Route } from 'react-router';
import { RouteBoundary } from '../../app/ErrorBoundary.js';

// The pages reached from a link or from signing in, whether or not this browser is signed in: a
// forgotten password, the link to choose a new one, the link that confirms a new e-mail address,
// the link that finishes a sign-up.
// App.tsx places `accountLinkRoutes` among both its signed-out and signed-in routes.

const page = (load: () => Promise<ComponentType>) => {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function AccountLinkPage() {
    return (
      <RouteBoundary>
        <Lazy />
      </RouteBoundary>
    );
  };
};

const ForgotPassword = page(async () => (await import('./ForgotPasswordPage.js')).ForgotPasswordPage);
const ResetPassword = page(async () => (await import('./ResetPasswordPage.js')).ResetPasswordPage);
const ConfirmEmail = page(async () => (await import('./ConfirmEmailPage.js')).ConfirmEmailPage);
const FinishSignUp = page(async () => (await import('./FinishSignUpPage.js')).FinishSignUpPage);

export const accountLinkRoutes = (
  <>
    <Route path="/forgot-password" element={<ForgotPassword />} />
    <Route path="/reset-password" element={<ResetPassword />} />
    <Route path="/confirm-email" element={<ConfirmEmail />} />
    <Route path="/finish-sign-up" element={<FinishSignUp />} />
  </>
);
