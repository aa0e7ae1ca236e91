import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { signUpBody } from '../../../contracts/accounts.js';
import { Combobox } from '../../components/Combobox.js';
import { TextField } from '../../components/fields.js';
import { NewPersonFields } from '../../components/PersonFields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { deviceZone, withZone, zoneChoices } from '../../lib/places.js';
import { useSignUp } from './mutations.js';

export function SignUpPage() {
  const save = useSignUp();
  const navigate = useNavigate();
  const zones = useMemo(() => withZone(zoneChoices(), deviceZone()), []);
  const form = useForm({
    initial: { displayName: '', email: '', password: '', familyName: '', homeZone: deviceZone() },
    schema: signUpBody,
    toBody: (v) => v,
    onSubmit: async (body) => {
      const answer = await save.mutateAsync(body);
      if (answer.status === 'signed-in') await navigate('/', { replace: true });
    },
  });
  const { values, set, errors } = form;
  const sent = save.data?.status === 'check-email' ? save.data : null;

  // Where e-mail is on, the family is made when the link e-mailed to the address is opened; the
  // answer is the same whether or not the address has an account, so it never tells anyone that.
  if (sent)
    return (
      <Page title="Please check your e-mail">
        <div role="status">
          <Notice tone="done" title="Thank you, nearly there">
            <p>{sent.message}</p>
          </Notice>
        </div>
        <p>You can close this page; the link in the e-mail brings you back.</p>
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </Page>
    );

  return (
    <Page
      title="Create your family"
      lead={
        <p>
          This makes a private space for your family. You will be its owner, and once you are in you can
          invite the rest of the family from Settings.
        </p>
      }
    >
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <NewPersonFields
          values={values}
          set={set}
          errors={errors}
          nameHint="How the family will see you, for example Anna or Mum."
        />
        <TextField
          label="Family name"
          name="familyName"
          value={values.familyName}
          onChange={set('familyName')}
          error={errors.familyName}
          hint="For example: The Carters, or Anna & Tom."
        />
        <Combobox
          label="Home time zone"
          name="homeZone"
          value={values.homeZone}
          onChange={set('homeZone')}
          choices={zones}
          error={errors.homeZone}
          hint="Used for departure times and reminders. Type a city to search."
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Creating your family…' : 'Create our family'}
          </button>
        </div>
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
        <p>
          Has someone invited you? <Link to="/join">Join their family</Link> instead.
        </p>
      </form>
    </Page>
  );
}
