import { Link } from 'react-router';
import { passwordResetBody } from '../../../contracts/accounts.js';
import { TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { useRequestPasswordReset } from './mutations.js';

/** Asks for a link to choose a new password. The answer never says whether an account exists. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const form = useForm({
    initial: { email: '' },
    schema: passwordResetBody,
    toBody: (v) => v,
    onSubmit: async (body) => {
      await request.mutateAsync(body);
    },
  });
  const answer = request.data;

  return (
    <Page
      title="Forgotten your password?"
      lead={<p>It happens to everyone. Tell us the e-mail address you sign in with.</p>}
    >
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={form.values.email}
          onChange={(v) => {
            request.reset();
            form.set('email')(v);
          }}
          error={form.errors.email}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Sending…' : 'Send me a link'}
          </button>
        </div>
      </form>
      <div role="status">
        {answer && (
          <Notice
            tone={answer.emailOn ? 'done' : 'calm'}
            title={answer.emailOn ? 'Thank you' : 'E-mail is not set up here'}
          >
            <p>{answer.message}</p>
          </Notice>
        )}
      </div>
      <p>
        <Link to="/sign-in">Back to signing in</Link>
      </p>
    </Page>
  );
}
