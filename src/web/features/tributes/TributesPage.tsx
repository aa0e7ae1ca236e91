import { Link, useParams } from 'react-router';
import { useCan } from '../../app/session.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { formatDate } from '../../lib/format.js';
import { useLovedOne } from '../../lib/queries.js';
import { useTributes } from './mutations.js';
import { TributeComposer } from './TributeComposer.js';

/** A loved one's tributes, and (for those who may) the composer. */
export function TributesPage() {
  const { lovedOneId = '' } = useParams();
  const lovedOne = useLovedOne(lovedOneId);
  const tributes = useTributes();
  const write = useCan('tributes.write');

  if (lovedOne.isPending || tributes.isPending)
    return (
      <Page title="Tributes" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (lovedOne.isError || tributes.isError)
    return (
      <Page title="Tributes" heading="Tributes">
        <LoadError
          error={lovedOne.error ?? tributes.error}
          what="these tributes"
          onRetry={() => void Promise.all([lovedOne.refetch(), tributes.refetch()])}
          back={{ to: `/loved-ones/${lovedOneId}`, label: 'Back to the loved one' }}
        />
      </Page>
    );

  const { name } = lovedOne.data.lovedOne;
  const theirs = tributes.data.tributes.filter((t) => t.lovedOneId === lovedOneId);
  return (
    <Page
      title={`Tributes for ${name}`}
      lead={
        <p>
          A picture and a few words for a day that matters, ready to share where you choose. Nothing is posted
          for you.
        </p>
      }
    >
      <p>
        <Link to={`/loved-ones/${lovedOneId}`}>Back to {name}</Link>
      </p>
      {theirs.length > 0 && (
        <section aria-labelledby="made-heading">
          <h2 id="made-heading">Tributes you have made</h2>
          <ul className="card-list">
            {theirs.map((tribute) => (
              <li key={tribute.id} className="card">
                <Link to={`/tributes/${tribute.id}`}>For {formatDate(tribute.forDate)}</Link>
                {tribute.datesLine && <p className="meta">{tribute.datesLine}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {write && <TributeComposer lovedOneId={lovedOneId} name={name} />}
    </Page>
  );
}
