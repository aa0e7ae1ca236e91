import { Link, useNavigate } from 'react-router';
import { password } from '../../../contracts/accounts.js';
import { z } from 'zod';
import { TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { useLinkToken } from './link-token.js';
import { useConfirmPasswordReset } from './mutations.js';

const newPasswordForm = z.object({ newPassword: password });

/** Chooses a new password with the link from the e-mail (its token is in the address's fragment). */
export function ResetPasswordPage() {
  const token = useLinkToken();
  const confirm = useConfirmPasswordReset();
  const navigate = useNavigate();
  const form = useForm({
    initial: { newPassword: '' },
    schema: newPasswordForm,
    toBody: (v) => v,
    onSubmit: async ({ newPassword }) => {
      if (!token) return;
      const answer = await confirm.mutateAsync({ token, newPassword });
      await navigate('/sign-in', { replace: true, state: { notice: answer.message } });
    },
  });

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

  const spent = confirm.isError && !form.errors.newPassword;
  return (
    <Page title="Choose a new password">
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={form.values.newPassword}
          onChange={form.set('newPassword')}
          error={form.errors.newPassword}
          hint="At least 10 characters; a short sentence works well. Every device signed in to your account will be signed out."
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Saving…' : 'Save my new password'}
          </button>
        </div>
      </form>
      {spent && (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </Page>
  );
}
