import { Link, useNavigate } from 'react-router';
import { password } from '../../../contracts/accounts.js';
import { z } from 'zod';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { PasswordForm } from '../../components/PasswordForm.js';
import { failureOf } from '../../lib/forms.js';
import { useLinkToken } from './link-token.js';
import { useConfirmPasswordReset } from './mutations.js';

const newPasswordForm = z.object({ newPassword: password });

/** Chooses a new password with the link from the e-mail (its token is in the address's fragment). */
export function ResetPasswordPage() {
  const token = useLinkToken();
  const confirm = useConfirmPasswordReset();
  const navigate = useNavigate();

  if (!token) {
    return (
      <Page title="Choose a new password">
        <Notice tone="warm" title="This page needs the link from your e-mail">
          <p>Please open the link in the e-mail again, or ask for a new one.</p>
        </Notice>
        <p>
          <Link className="button secondary" to="/forgot-password">
            Ask for a new link
          </Link>
        </p>
      </Page>
    );
  }

  // The link was refused (used, or too old), not the password chosen.
  const spent = confirm.isError && !failureOf(confirm.error).fields.newPassword;
  return (
    <Page title="Choose a new password">
      <PasswordForm
        name="newPassword"
        schema={newPasswordForm}
        label="New password"
        autoComplete="new-password"
        hint="At least 10 characters; a short sentence works well. Every device signed in to your account will be signed out."
        submitLabel="Save my new password"
        submittingLabel="Saving…"
        onSubmit={async ({ newPassword }) => {
          const answer = await confirm.mutateAsync({ token, newPassword });
          await navigate('/sign-in', { replace: true, state: { notice: answer.message } });
        }}
      />
      {spent && (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </Page>
  );
}
