import { Link, useParams } from 'react-router';
import type { Entry } from '../../../contracts/journal.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { formatDate } from '../../lib/format.js';
import { useProblem } from '../../lib/problems.js';
import { possessive } from '../../lib/words.js';
import { EntryPhotos } from './EntryPhotos.js';
import {
  journalKeys,
  useJournal,
  useJournalSettings,
  useRemoveEntry,
  useRestPrompt,
  useShareEntry,
} from './mutations.js';

/**
 * A loved one's journal, as the reader may read it: their own entries and letters, and those others
 * shared with the family's adults. At most one gentle prompt, always with "Not today"; no counts.
 */
export function JournalPage() {
  const { lovedOneId = '' } = useParams();
  const query = useJournal(lovedOneId);
  const share = useShareEntry();
  const remove = useRemoveEntry();
  const rest = useRestPrompt();
  const settings = useJournalSettings();
  const [dialog, ask] = useConfirm();
  const { problem, clear } = useProblem(journalKeys.all);

  if (query.isPending)
    return (
      <Page title="Journal" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title="Journal" heading="Journal">
        <LoadError
          error={query.error}
          what="this journal"
          onRetry={() => void query.refetch()}
          back={{ to: `/loved-ones/${lovedOneId}`, label: 'Back' }}
        />
      </Page>
    );

  const { lovedOneName: name, entries, prompt } = query.data;
  const writeLink = `/loved-ones/${lovedOneId}/journal/new`;

  const removeEntry = async (entry: Entry) => {
    clear();
    const yes = await ask({
      title: `Delete “${entry.title ?? `your ${entry.kind} of ${formatDate(entry.writtenFor)}`}”?`,
      body: <p>This takes it out of Alongside for good, for you and for anyone you shared it with.</p>,
      confirmLabel: 'Delete it',
      cancelLabel: 'Keep it',
    });
    if (yes) remove.mutate(entry.id);
  };

  return (
    <Page
      title={`${possessive(name)} journal`}
      lead={
        <p>
          Entries and letters to {name}. What you write is yours alone unless you share it with the family’s
          adults.
        </p>
      }
      actions={
        <Link className="button" to={writeLink}>
          Write
        </Link>
      }
    >
      {dialog}
      {problem && (
        <Notice tone="warm" alert>
          <p>{problem}</p>
        </Notice>
      )}
      {prompt && (
        <section aria-labelledby="prompt-heading" className="card">
          <h2 id="prompt-heading">If it helps</h2>
          <p>{prompt.text}</p>
          <div className="button-row">
            <Link
              className="button secondary small"
              to={`${writeLink}?prompt=${encodeURIComponent(prompt.text)}`}
            >
              Write about this
            </Link>
            <button type="button" className="button quiet small" onClick={() => rest.mutate()}>
              Not today
            </button>
            <button
              type="button"
              className="button quiet small"
              onClick={() => settings.mutate({ prompts: false })}
            >
              No prompts for now
            </button>
          </div>
        </section>
      )}
      {!prompt && query.data.settings.prompts === false && (
        <p className="meta">
          Prompts are resting.{' '}
          <button
            type="button"
            className="button quiet small"
            onClick={() => settings.mutate({ prompts: true })}
          >
            Offer one now and then
          </button>
        </p>
      )}
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Written for {name}</h2>
        {entries.length === 0 ? (
          <EmptyState title="Nothing here yet, and that is fine">
            <p>When you would like to, you can write to {name} or about a day. Only you will see it.</p>
          </EmptyState>
        ) : (
          <ul className="card-list">
            {entries.map((entry) => (
              <li key={entry.id} className="card">
                <article aria-labelledby={`entry-${entry.id}`}>
                  <h3 className="card-title" id={`entry-${entry.id}`}>
                    {entry.title ?? (entry.kind === 'letter' ? `A letter to ${name}` : 'An entry')}
                  </h3>
                  <p className="meta">
                    {formatDate(entry.writtenFor, { weekday: true })}
                    {' · '}
                    {entry.mine
                      ? entry.sharedAt
                        ? 'Shared with the family’s adults'
                        : 'Only you can see this'
                      : `Shared by ${entry.authorName}`}
                  </p>
                  <p style={{ whiteSpace: 'pre-line' }}>{entry.text}</p>
                  <EntryPhotos photos={entry.photos} />
                  {entry.mine && (
                    <div className="button-row">
                      <Link
                        className="button secondary small"
                        to={`/loved-ones/${lovedOneId}/journal/${entry.id}/edit`}
                      >
                        Edit{' '}
                        <span className="visually-hidden">{entry.title ?? formatDate(entry.writtenFor)}</span>
                      </Link>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => share.mutate({ entryId: entry.id, shared: !entry.sharedAt })}
                      >
                        {entry.sharedAt ? 'Make it private again' : 'Share with the family’s adults'}
                      </button>
                      <button
                        type="button"
                        className="button quiet small"
                        onClick={() => void removeEntry(entry)}
                      >
                        Delete{' '}
                        <span className="visually-hidden">{entry.title ?? formatDate(entry.writtenFor)}</span>
                      </button>
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      {query.data.settings.acrossYearsHidden && (
        <p className="meta">
          You have hidden {possessive(name)} days across the years for yourself.{' '}
          <button
            type="button"
            className="button quiet small"
            onClick={() => settings.mutate({ acrossYearsHidden: false })}
          >
            Show them again
          </button>
        </p>
      )}
      <p>
        <Link to={`/loved-ones/${lovedOneId}`}>Back to {possessive(name)} page</Link>
      </p>
    </Page>
  );
}
