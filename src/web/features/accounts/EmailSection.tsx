import { useState } from 'react';
import { changeEmailBody, type SessionResponse } from '../../../contracts/accounts.js';
import { TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { useChangeEmail } from './mutations.js';

/**
 * Changing one's e-mail address, after the current password. With e-mail on, a link goes to the
 * new address and nothing changes until it is opened; with e-mail off, it changes at once.
 */
export function EmailSection({ session }: { session: SessionResponse }) {
  const change = useChangeEmail();
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { newEmail: '', currentPassword: '' },
    schema: changeEmailBody,
    toBody: (v) => v,
    onSubmit: async (body, { setValues }) => {
      setDone('');
      const answer = await change.mutateAsync(body);
      setValues({ newEmail: '', currentPassword: '' });
      setDone(answer.message);
    },
  });
  const edit = (key: 'newEmail' | 'currentPassword') => (value: string) => {
    setDone('');
    form.set(key)(value);
  };
  return (
    <section aria-labelledby="email-heading" className="card">
      <h2 id="email-heading">Change e-mail</h2>
      <p>You sign in with {session.user.email}.</p>
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="New e-mail address"
          name="newEmail"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={form.values.newEmail}
          onChange={edit('newEmail')}
          error={form.errors.newEmail}
        />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={form.values.currentPassword}
          onChange={edit('currentPassword')}
          error={form.errors.currentPassword}
          hint="So that no one else can change it on a phone you left signed in."
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Changing…' : 'Change e-mail'}
          </button>
        </div>
        <p role="status" className="meta">
          {done}
        </p>
      </form>
    </section>
  );
}
