import { Link } from 'react-router';
import type { SessionResponse } from '../../../contracts/accounts.js';
import { FORMER_MEMBER, type AccountDeletionResponse } from '../../../contracts/deletion.js';
import { Notice } from '../../components/Notice.js';
import { messageOf } from '../../lib/api.js';
import { momentPhrase } from '../../lib/format.js';
import { ConfirmDeletionForm } from './ConfirmDeletionForm.js';
import { useAccountDeletion, useDeleteAccount, useKeepAccount } from './mutations.js';

const entries = (n: number) => (n === 1 ? '1 entry or letter' : `${n} entries and letters`);

/**
 * Deleting one's own account (Settings): says first what happens to what the person wrote and did,
 * refuses while a family would be left without an owner (saying what to do instead), and happens
 * seven days after asking, until when it can be cancelled here.
 */
export function AccountDeletionSection({ session }: { session: SessionResponse }) {
  const state = useAccountDeletion();
  if (!state.data) return null;
  const { deletion } = state.data;
  return (
    <section aria-labelledby="delete-account-heading" className="card stack">
      <h2 id="delete-account-heading">Delete my account</h2>
      {deletion ? (
        <Waiting session={session} state={state.data} dueAt={deletion.dueAt} />
      ) : (
        <Ask state={state.data} />
      )}
    </section>
  );
}

/** Why the account cannot go yet, and what to do about it. */
function Held({ heldBy }: { heldBy: AccountDeletionResponse['heldBy'] }) {
  if (heldBy.length === 0) return null;
  return (
    <Notice tone="warm" title="A family needs you as its owner first">
      <ul>
        {heldBy.map((hold) => (
          <li key={hold.familyId}>
            {hold.reason === 'only_owner' ? (
              <>
                You are the only owner of {hold.familyName}. Please{' '}
                <Link to="/family">make another adult an owner</Link> first, or delete the family.
              </>
            ) : (
              <>
                You are the only one left in {hold.familyName}. Please delete the family instead: if it is
                your only family here, your account is deleted with it.
              </>
            )}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function Waiting({
  session,
  state,
  dueAt,
}: {
  session: SessionResponse;
  state: AccountDeletionResponse;
  dueAt: string;
}) {
  const keep = useKeepAccount();
  const when = momentPhrase(dueAt, new Date(), session.family.homeZone);
  return (
    <>
      <Notice tone="warm" title={`Your account is set to be deleted ${when}.`}>
        <p>Until then you can change your mind here. The other adults in your family have been told.</p>
      </Notice>
      <Held heldBy={state.heldBy} />
      {keep.isError && (
        <Notice tone="warm" alert>
          {messageOf(keep.error)}
        </Notice>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={keep.isPending} onClick={() => keep.mutate()}>
          Keep my account
        </button>
      </div>
    </>
  );
}

function Ask({ state }: { state: AccountDeletionResponse }) {
  const remove = useDeleteAccount();
  return (
    <>
      <p>Before you decide, this is what happens to what you wrote and did here:</p>
      <ul>
        <li>
          {state.privateEntries === 0
            ? 'You have no private journal entries or letters.'
            : `Your ${entries(state.privateEntries)} kept to yourself are deleted.`}
        </li>
        {state.sharedEntries > 0 && (
          <li>
            The {entries(state.sharedEntries)} you shared with the family stay, shown as written by “
            {FORMER_MEMBER}”. If you would rather one went too, stop sharing it first.
          </li>
        )}
        <li>
          What you did for the family, such as confirming keepsakes, ticking lists and marking rituals, stays,
          shown as done by “{FORMER_MEMBER}”.
        </li>
        <li>Your e-mail address, name, password and every place you are signed in are deleted.</li>
      </ul>
      <p>
        It happens seven days after you ask, and you can change your mind until then. The other adults in your
        family are told.
      </p>
      <Held heldBy={state.heldBy} />
      {state.heldBy.length === 0 && (
        <ConfirmDeletionForm
          question={{
            title: 'Delete your account?',
            body: (
              <p>
                In seven days your e-mail address, name, password and private entries are deleted. What you
                did for the family stays, shown as done by “{FORMER_MEMBER}”. Until then you can change your
                mind here.
              </p>
            ),
            confirmLabel: 'Delete in seven days',
            cancelLabel: 'Keep my account',
          }}
          submitLabel="Delete my account…"
          send={(body) => remove.mutateAsync(body)}
        />
      )}
    </>
  );
}
