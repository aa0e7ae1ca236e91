import type { z } from 'zod';
import { TextField } from './fields.js';
import { FormNotice } from './Notice.js';
import { useForm } from './useForm.js';

/**
 * A form of one password field and its button, checked with the contract's schema before sending:
 * choosing a new password, or confirming something that cannot be taken back with one's own.
 * `name` is the body's field (and where the server's message for it is shown); `onSubmit` may
 * `clear` the field once the password has done its work.
 */
export function PasswordForm<S extends z.ZodType>({
  name,
  schema,
  label,
  autoComplete,
  hint,
  submitLabel,
  submittingLabel = submitLabel,
  secondary = false,
  onSubmit,
}: {
  name: string;
  schema: S;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  hint: string;
  submitLabel: string;
  submittingLabel?: string;
  /** The button of something to be careful with (deleting), not the page's main step. */
  secondary?: boolean;
  onSubmit: (body: z.output<S>, tools: { clear: () => void }) => Promise<void>;
}) {
  const form = useForm({
    initial: { password: '' },
    schema,
    toBody: (v) => ({ [name]: v.password }),
    onSubmit: (body, { setValues }) => onSubmit(body, { clear: () => setValues({ password: '' }) }),
  });
  return (
    <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
      <FormNotice message={form.message} />
      <TextField
        label={label}
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={form.values.password}
        onChange={form.set('password')}
        error={form.errors[name]}
        hint={hint}
      />
      <div className="form-actions">
        <button
          type="submit"
          className={secondary ? 'button secondary' : 'button'}
          disabled={form.submitting}
        >
          {form.submitting ? submittingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
