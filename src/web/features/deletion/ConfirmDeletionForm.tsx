import { confirmDeletionBody, type ConfirmDeletionBody } from '../../../contracts/deletion.js';
import { useConfirm, type Question } from '../../components/ConfirmDialog.js';
import { PasswordForm } from '../../components/PasswordForm.js';

/**
 * Asking for a deletion (the family's or one's own account): the person's password, so no one else
 * can do it on a phone left signed in, then one question saying what happens; only a yes sends it.
 */
export function ConfirmDeletionForm({
  question,
  submitLabel,
  send,
}: {
  question: Question;
  submitLabel: string;
  send: (body: ConfirmDeletionBody) => Promise<unknown>;
}) {
  const [dialog, ask] = useConfirm();
  return (
    <>
      {dialog}
      <PasswordForm
        name="currentPassword"
        schema={confirmDeletionBody}
        label="Your password"
        autoComplete="current-password"
        hint="So that no one else can do this on a phone you left signed in."
        submitLabel={submitLabel}
        secondary
        onSubmit={async (body, { clear }) => {
          if (!(await ask(question))) return;
          await send(body);
          clear();
        }}
      />
    </>
  );
}
