import { Link, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { signInBody } from '../../../contracts/accounts.js';
import { ExistingPersonFields } from '../../components/PersonFields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { useSignIn } from './mutations.js';
import { returnPathOf } from './return-to.js';

/** A sentence another page left to show here (a new password was just set). */
const noticeState = z.object({ notice: z.string().max(500) });

export function SignInPage() {
  const save = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const from = returnPathOf(location.state);
  const notice = noticeState.safeParse(location.state).data?.notice;
  const form = useForm({
    initial: { email: '', password: '' },
    schema: signInBody,
    toBody: (v) => v,
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      await navigate(from ?? '/', { replace: true });
    },
  });
  const { values, set, errors } = form;

  return (
    <Page title="Sign in">
      {notice && !form.message && (
        <Notice tone="done">
          <p>{notice}</p>
        </Notice>
      )}
      {from && !form.message && (
        <Notice>
          <p>Please sign in to carry on. You will come back to where you were.</p>
        </Notice>
      )}
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <ExistingPersonFields values={values} set={set} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
        <p>
          <Link to="/forgot-password">Forgotten your password?</Link>
        </p>
        <p>
          New here? <Link to="/sign-up">Create your family</Link>
        </p>
      </form>
    </Page>
  );
}
