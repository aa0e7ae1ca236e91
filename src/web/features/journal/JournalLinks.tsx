import { Link } from 'react-router';
import { possessive } from '../../lib/words.js';
import { useAcrossYearsDays } from './mutations.js';

/**
 * The loved one's page's way into the journal and the days across the years. The days link is left
 * out for a member who hid it; they can show it again from the journal.
 */
export function JournalLinks({ lovedOneId, name }: { lovedOneId: string; name: string }) {
  const days = useAcrossYearsDays(lovedOneId);
  return (
    <section aria-labelledby="journal-heading">
      <h2 id="journal-heading">Journal and letters</h2>
      <p>
        <Link to={`/loved-ones/${lovedOneId}/journal`}>Write to {name}, or read what you wrote</Link>
      </p>
      {days.data && !days.data.hidden && days.data.days.length > 0 && (
        <p>
          <Link to={`/loved-ones/${lovedOneId}/across-years`}>{possessive(name)} days across the years</Link>
        </p>
      )}
    </section>
  );
}
