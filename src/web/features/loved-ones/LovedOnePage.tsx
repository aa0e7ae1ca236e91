import { useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Keepsake } from '../../../contracts/loved-ones.js';
import { useCan } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { PinIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { useProblem } from '../../lib/problems.js';
import { useLovedOne } from '../../lib/queries.js';
import { keepsakeKindWords, lovedOneKindWords, materialWords, possessive } from '../../lib/words.js';
import { JournalLinks } from '../journal/JournalLinks.js';
import { BooksSection } from '../memorial-book/BooksSection.js';
import { RitualsSection } from '../rituals/RitualsSection.js';
import { datesThatMatter, removalWords } from './describe.js';
import { changeKeys, fetchRemoval, useRemoveKeepsake, useRemoveLovedOne } from './mutations.js';

export function LovedOnePage() {
  const { lovedOneId = '' } = useParams();
  const query = useLovedOne(lovedOneId);
  const write = useCan('lovedOnes.write');
  const can = {
    trips: useCan('trips.read'),
    journal: useCan('journal.write'),
    tributes: useCan('tributes.read'),
    books: useCan('books.make'),
  };
  const memoryBox = useCan('memoryBox.read');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [dialog, ask] = useConfirm();
  const takeOutKeepsake = useRemoveKeepsake(lovedOneId);
  const takeOutLovedOne = useRemoveLovedOne(lovedOneId);
  // One notice for this page's changes: the latest one's problem, if it failed.
  const { problem, clear } = useProblem(changeKeys.lovedOne(lovedOneId));

  if (query.isPending)
    return (
      <Page title="Loved one" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title="Loved one" heading="Loved one">
        <LoadError
          error={query.error}
          what="this loved one"
          onRetry={() => void query.refetch()}
          back={{ to: '/loved-ones', label: 'Back to loved ones' }}
        />
      </Page>
    );

  const { lovedOne, keepsakes, tripsByKeepsake } = query.data;
  // A keepsake on a trip is taken off it first: said beside it, before anyone is asked anything.
  const travelling = Object.values(tripsByKeepsake).flat();
  const dates = datesThatMatter(lovedOne);

  const removeKeepsake = async (keepsake: Keepsake) => {
    clear();
    const yes = await ask({
      title: `Remove ${keepsake.name}?`,
      body: <p>This takes it out of Alongside. The keepsake itself is, of course, untouched.</p>,
      confirmLabel: 'Remove it',
      cancelLabel: 'Keep it',
    });
    if (!yes) return;
    takeOutKeepsake.mutate(keepsake);
  };

  const removeLovedOne = async () => {
    clear();
    // What else goes (their memory box, the photos only they used) is said before the question; if
    // it cannot be read now, the question says so rather than promising less than will go.
    const also = await fetchRemoval(client, lovedOne.id).then(
      ({ removal }) => removalWords(lovedOne.name, removal),
      () =>
        `It also removes everything kept for ${lovedOne.name}: ${possessive(lovedOne.name)} memory box, rituals, tributes and the photos only they used.`,
    );
    const yes = await ask({
      title: `Delete ${possessive(lovedOne.name)} profile and everything in it?`,
      body: (
        <>
          <p>
            This deletes what is written here about {lovedOne.name}, and {possessive(lovedOne.name)}{' '}
            keepsakes, from Alongside for everyone in your family. It cannot be undone. The keepsakes
            themselves are untouched.
          </p>
          {also && <p>{also}</p>}
        </>
      ),
      confirmLabel: `Delete ${possessive(lovedOne.name)} profile`,
      cancelLabel: `Keep ${possessive(lovedOne.name)} profile`,
    });
    if (!yes) return;
    takeOutLovedOne.mutate(undefined, { onSuccess: () => void navigate('/loved-ones') });
  };

  return (
    <Page
      title={lovedOne.name}
      lead={<p>{lovedOne.relationship ?? lovedOneKindWords[lovedOne.kind].label}</p>}
      actions={
        write && (
          <Link className="button secondary small" to={`/loved-ones/${lovedOne.id}/edit`}>
            Edit {possessive(lovedOne.name)} details
          </Link>
        )
      }
    >
      {dialog}
      {problem && (
        <Notice tone="warm" alert>
          <p>{problem}</p>
        </Notice>
      )}
      {dates.length > 0 && (
        <section aria-labelledby="dates-heading">
          <h2 id="dates-heading">The dates that matter</h2>
          <dl className="meta-list">
            {dates.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
      {lovedOne.story && (
        <section aria-labelledby="story-heading">
          <h2 id="story-heading">About {lovedOne.name}</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{lovedOne.story}</p>
        </section>
      )}
      {/* What the family carries comes first, and nothing above it waits for another answer: the
          sections below fill in as their own answers arrive (the book's form grows a good deal once
          it has found what the days hold), and a section moving under a finger sends the tap to
          whatever slid there. */}
      <section aria-labelledby="keepsakes-heading">
        <div className="section-head">
          <h2 id="keepsakes-heading">Keepsakes</h2>
        </div>
        {keepsakes.length === 0 ? (
          <EmptyState
            title={`Add ${possessive(lovedOne.name)} keepsake`}
            action={
              write && (
                <Link className="button" to={`/loved-ones/${lovedOne.id}/keepsakes/new`}>
                  Add a keepsake
                </Link>
              )
            }
          >
            <p>
              A box or urn of ashes, a piece of jewellery, a memory box or a blanket: the things that hold the
              memory.
            </p>
          </EmptyState>
        ) : (
          <>
            <ul className="card-list">
              {keepsakes.map((keepsake) => (
                <li key={keepsake.id} className="card">
                  <h3 className="card-title">{keepsake.name}</h3>
                  <p className="meta">
                    {keepsakeKindWords[keepsake.kind]} · {materialWords[keepsake.container].label}
                    {keepsake.sizeNote && ` · ${keepsake.sizeNote}`}
                    {keepsake.weightGrams && ` · ${keepsake.weightGrams} g`}
                  </p>
                  <p className="meta">{materialWords[keepsake.container].xray}</p>
                  {keepsake.travelsWithUs ? (
                    <p>
                      <span className="tag">
                        <PinIcon /> Travels with us
                      </span>
                    </p>
                  ) : (
                    <p className="meta">Stays at home unless you add it to a trip.</p>
                  )}
                  {write && tripsByKeepsake[keepsake.id] && (
                    <p className="meta">
                      Part of {tripWords(tripsByKeepsake[keepsake.id]!)}. To remove it from Alongside, take it
                      off that trip first.
                    </p>
                  )}
                  {write && (
                    <div className="button-row">
                      <Link
                        className="button secondary small"
                        to={`/loved-ones/${lovedOne.id}/keepsakes/${keepsake.id}/edit`}
                      >
                        Edit <span className="visually-hidden">{keepsake.name}</span>
                      </Link>
                      {!tripsByKeepsake[keepsake.id] && (
                        <button
                          type="button"
                          className="button quiet small"
                          onClick={() => void removeKeepsake(keepsake)}
                        >
                          Remove <span className="visually-hidden">{keepsake.name}</span>
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {write && (
              <Link className="button" to={`/loved-ones/${lovedOne.id}/keepsakes/new`}>
                Add another keepsake
              </Link>
            )}
          </>
        )}
      </section>
      <RitualsSection lovedOneId={lovedOne.id} lovedOneName={lovedOne.name} />
      {can.trips && (
        <section aria-labelledby="places-heading">
          <h2 id="places-heading">Places {lovedOne.name} has been</h2>
          <p>
            <Link to={`/loved-ones/${lovedOne.id}/places`}>
              See the map of places {possessive(lovedOne.name)} keepsakes have travelled
            </Link>
          </p>
        </section>
      )}
      {memoryBox && (
        <section aria-labelledby="memory-box-heading">
          <h2 id="memory-box-heading">{possessive(lovedOne.name)} memory box</h2>
          <p>
            <Link to={`/loved-ones/${lovedOne.id}/memory-box`}>
              See the children’s drawings and letters for {lovedOne.name}
            </Link>
          </p>
        </section>
      )}
      {can.tributes && (
        <section aria-labelledby="tributes-heading">
          <h2 id="tributes-heading">Tributes</h2>
          <p>
            <Link to={`/loved-ones/${lovedOne.id}/tributes`}>
              A picture and a few words for {possessive(lovedOne.name)} days
            </Link>
          </p>
        </section>
      )}
      {can.journal && <JournalLinks lovedOneId={lovedOne.id} name={lovedOne.name} />}
      {can.books && <BooksSection lovedOneId={lovedOne.id} name={lovedOne.name} />}
      {write && (
        <section aria-labelledby="remove-heading">
          <h2 id="remove-heading" className="visually-hidden">
            Delete this profile
          </h2>
          {travelling.length > 0 ? (
            <p className="meta">
              {possessive(lovedOne.name)} keepsakes are part of {tripWords([...new Set(travelling)])}. To
              delete {possessive(lovedOne.name)} profile, take them off that trip first.
            </p>
          ) : (
            <button type="button" className="button quiet" onClick={() => void removeLovedOne()}>
              Delete {possessive(lovedOne.name)} profile
            </button>
          )}
        </section>
      )}
    </Page>
  );
}

/** "the trip “Summer in Spain”", or "the trips “A” and “B”". */
function tripWords(trips: readonly string[]): string {
  const quoted = trips.map((name) => `“${name}”`);
  return quoted.length === 1
    ? `the trip ${quoted[0]}`
    : `the trips ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
