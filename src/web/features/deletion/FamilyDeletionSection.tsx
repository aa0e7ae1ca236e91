import type { FamilyDeletionResponse } from '../../../contracts/deletion.js';
import type { SessionResponse } from '../../../contracts/accounts.js';
import { useCan } from '../../app/session.js';
import { Notice } from '../../components/Notice.js';
import { messageOf } from '../../lib/api.js';
import { listWords, momentPhrase } from '../../lib/format.js';
import { ConfirmDeletionForm } from './ConfirmDeletionForm.js';
import { useDeleteFamily, useFamilyDeletion, useKeepFamily } from './mutations.js';

/** What deleting the family takes with it, said before anyone asks for it. */
const EVERYTHING =
  'loved ones and their keepsakes, trips and their checks, days and reminders, journals and letters, photos, drawings and voice notes, tributes and their share links, and memorial books';

/**
 * Deleting the family (Settings): an owner asks with their password and a question first; it happens
 * seven days later, and until then the whole family sees that it is coming and any owner can cancel.
 */
export function FamilyDeletionSection({ session }: { session: SessionResponse }) {
  const owner = useCan('family.manage');
  const state = useFamilyDeletion();
  const deletion = state.data?.deletion ?? null;
  // Only an owner may ask; everyone sees a deletion once it is asked for.
  if (!state.data || (!owner && !deletion)) return null;
  return (
    <section aria-labelledby="delete-family-heading" className="card stack">
      <h2 id="delete-family-heading">Delete this family</h2>
      {deletion ? (
        <Waiting session={session} deletion={deletion} owner={owner} />
      ) : (
        <Ask session={session} state={state.data} />
      )}
    </section>
  );
}

function Waiting({
  session,
  deletion,
  owner,
}: {
  session: SessionResponse;
  deletion: NonNullable<FamilyDeletionResponse['deletion']>;
  owner: boolean;
}) {
  const keep = useKeepFamily();
  const when = momentPhrase(deletion.dueAt, new Date(), session.family.homeZone);
  return (
    <>
      <Notice tone="warm" title={`${session.family.name} is set to be deleted ${when}.`}>
        <p>
          {deletion.askedBy} asked for this. Until then everything stays as it is, and
          {owner ? ' you or another owner can' : ' an owner can'} cancel it here.
          {!owner && ` If this is not what you want, please talk with ${deletion.askedBy}.`}
        </p>
      </Notice>
      {keep.isError && (
        <Notice tone="warm" alert>
          {messageOf(keep.error)}
        </Notice>
      )}
      {owner && (
        <div className="form-actions">
          <button type="button" className="button" disabled={keep.isPending} onClick={() => keep.mutate()}>
            Keep our family
          </button>
        </div>
      )}
    </>
  );
}

function Ask({ session, state }: { session: SessionResponse; state: FamilyDeletionResponse }) {
  const remove = useDeleteFamily();
  const closing = state.accountsClosing.map((m) => (m.isYou ? 'yours' : m.displayName));
  return (
    <>
      <p>Deleting the family removes everything it keeps here: {EVERYTHING}.</p>
      <p>
        It happens seven days after you ask. Until then everything stays as it is, any owner can cancel, and
        the other adults are told in the app and by e-mail.
      </p>
      {closing.length > 0 && (
        <p>
          For some, this is their only family here, so these accounts are deleted with it:{' '}
          {listWords(closing)}.
        </p>
      )}
      <ConfirmDeletionForm
        question={{
          title: `Delete ${session.family.name}?`,
          body: (
            <>
              <p>Everything the family keeps here will be deleted in seven days: {EVERYTHING}.</p>
              <p>
                It cannot be brought back afterwards. Until then, any owner can cancel it, and the other
                adults are told now.
              </p>
            </>
          ),
          confirmLabel: 'Delete in seven days',
          cancelLabel: 'Keep our family',
        }}
        submitLabel="Delete this family…"
        send={(body) => remove.mutateAsync(body)}
      />
    </>
  );
}
