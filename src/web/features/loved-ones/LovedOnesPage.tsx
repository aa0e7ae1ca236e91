import { Link } from 'react-router';
import { useCan } from '../../app/session.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { useLovedOnes } from '../../lib/queries.js';
import { lovedOneKindWords } from '../../lib/words.js';
import { datesThatMatter } from './describe.js';

export function LovedOnesPage() {
  const lovedOnes = useLovedOnes();
  const write = useCan('lovedOnes.write');
  const add = write && (
    <Link className="button" to="/loved-ones/new">
      Add a loved one
    </Link>
  );

  return (
    <Page title="Loved ones" lead={<p>The people and companions you carry with you, and their keepsakes.</p>}>
      {lovedOnes.isPending ? (
        <Loading label="Loading your loved ones…" />
      ) : lovedOnes.isError ? (
        <LoadError error={lovedOnes.error} what="your loved ones" onRetry={() => void lovedOnes.refetch()} />
      ) : lovedOnes.data.lovedOnes.length === 0 ? (
        <EmptyState title="Add the person you carry with you" action={add}>
          <p>
            Start with their name. You can add the dates that matter and their keepsakes, such as a box of
            ashes, whenever you are ready.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="card-list">
            {lovedOnes.data.lovedOnes.map((person) => {
              const dates = datesThatMatter(person);
              return (
                <li key={person.id} className="card linked">
                  <h2 className="card-title">
                    <Link className="stretch" to={`/loved-ones/${person.id}`}>
                      {person.name}
                    </Link>
                  </h2>
                  <p className="meta">
                    {person.relationship ?? lovedOneKindWords[person.kind].label}
                    {dates[0] && ` · ${dates[0][0]}: ${dates[0][1]}`}
                  </p>
                  <p className="meta">
                    {person.keepsakeCount === 0
                      ? 'No keepsakes added yet'
                      : person.keepsakeCount === 1
                        ? '1 keepsake'
                        : `${person.keepsakeCount} keepsakes`}
                  </p>
                </li>
              );
            })}
          </ul>
          {add && <div className="button-row">{add}</div>}
        </>
      )}
    </Page>
  );
}
