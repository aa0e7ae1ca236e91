import { useId, useState } from 'react';
import type { ChildRitual } from '../../../contracts/rituals.js';
import { FormNotice } from '../../components/Notice.js';
import { formatMoment } from '../../lib/format.js';
import { messageOf } from '../../lib/api.js';
import { useChildRitualDone, useChildRituals } from './mutations.js';

// Rituals in child mode: the card due now, the children's part, "We did it" and "Not today". A
// child's "Not today" stays on this phone (the card stays for the rest of the family), and nothing
// here counts, praises or asks why.

export function ChildRituals() {
  const rituals = useChildRituals();
  const cards = rituals.data?.due ?? [];
  if (cards.length === 0) return null;
  return (
    <>
      {cards.map((card) => (
        <ChildRitualCard key={`${card.ritualId} ${card.occurrenceKey}`} card={card} />
      ))}
    </>
  );
}

function ChildRitualCard({ card }: { card: ChildRitual }) {
  const done = useChildRitualDone();
  const [notToday, setNotToday] = useState(false);
  const headingId = useId();
  const finished = done.isSuccess;
  return (
    <section className="card stack child-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{card.title}</h2>
      <p className="child-words">{card.childrenPart ?? card.whatToDo}</p>
      <p className="meta">
        For {card.lovedOneName}
        {card.tripName && `, on ${card.tripName}`} ·{' '}
        <time dateTime={card.dueAt}>{formatMoment(card.dueAt)}</time>
      </p>
      <div role="status" className="child-words">
        {finished && <p>Thank you. The grown-ups will see that you took part.</p>}
        {notToday && !finished && <p>That’s fine. You can come back to this whenever you like.</p>}
      </div>
      {!finished && !notToday && (
        <>
          {done.isError && <FormNotice message={messageOf(done.error)} />}
          <div className="child-buttons">
            <button
              type="button"
              className="button child-button"
              disabled={done.isPending}
              onClick={() => done.mutate({ ritualId: card.ritualId, occurrenceKey: card.occurrenceKey })}
            >
              We did it
            </button>
            <button type="button" className="button secondary child-button" onClick={() => setNotToday(true)}>
              Not today
            </button>
          </div>
        </>
      )}
    </section>
  );
}
