import { useId, useState } from 'react';
import type { DueRitual } from '../../../contracts/rituals.js';
import { useCan, useSignedIn } from '../../app/session.js';
import { TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { PhotoPicker } from '../../components/PhotoPicker.js';
import { formatMoment } from '../../lib/format.js';
import { failureOf } from '../../lib/forms.js';
import { ritualMarkKey, waitingAbout } from '../../lib/outbox.js';
import { useOutbox } from '../../lib/outbox-sync.js';
import { photoProblem } from '../../lib/uploads.js';
import { KeptPhotos } from './KeptPhotos.js';
import { useDueRituals, useMarkRitual } from './mutations.js';

/**
 * The ritual cards due now (for the family, or one trip). Nothing shows when none is due. "Not
 * today" is always there and is never counted; "Done" is not celebrated.
 */
export function RitualCards({ tripId }: { tripId?: string }) {
  const due = useDueRituals(tripId);
  const cards = due.data?.due ?? [];
  if (cards.length === 0) return <KeptPhotos />;
  return (
    <section aria-labelledby="ritual-cards-heading">
      <KeptPhotos />
      <h2 id="ritual-cards-heading">A ritual for today</h2>
      <ul className="card-list">
        {cards.map((card) => (
          <li key={`${card.ritualId} ${card.occurrenceKey}`}>
            <RitualCard card={card} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RitualCard({ card }: { card: DueRitual }) {
  const canMark = useCan('rituals.mark');
  const { member } = useSignedIn();
  const mark = useMarkRitual();
  const headingId = useId();
  const [marking, setMarking] = useState(false);
  const [tookPart, setTookPart] = useState('');
  const [line, setLine] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const kept = waitingAbout(useOutbox(member.id).waiting, ritualMarkKey(card.ritualId, card.occurrenceKey));
  const send = (outcome: 'done' | 'not_today') => mark.mutate({ card, outcome, tookPart, line, photo });
  const problem = mark.error ? failureOf(mark.error) : null;

  return (
    <article aria-labelledby={headingId} className="card">
      <h3 id={headingId} className="card-title">
        {card.title}
      </h3>
      <p>{card.whatToDo}</p>
      <p className="meta">
        For {card.lovedOneName}
        {card.tripName && ` · ${card.tripName}`} ·{' '}
        <time dateTime={card.dueAt}>{formatMoment(card.dueAt)}</time>
      </p>
      {card.whoUsually && <p className="meta">Usually: {card.whoUsually}</p>}
      {card.childrenPart && <p className="meta">For the children: {card.childrenPart}</p>}
      {kept ? (
        <p className="meta" role="status">
          {kept.change.kind === 'ritualMark' && kept.change.outcome === 'not_today'
            ? 'Kept as “not today” on this phone. It will be sent when you’re back online.'
            : 'Kept on this phone. It will be sent when you’re back online.'}
        </p>
      ) : (
        canMark && (
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send('done');
            }}
          >
            <FormNotice message={problem?.message ?? null} />
            {marking && (
              <>
                <TextField
                  label="Who took part"
                  name="tookPart"
                  optional
                  value={tookPart}
                  onChange={setTookPart}
                  error={problem?.fields.tookPart}
                  maxLength={120}
                  hint="For example: The children set out the water."
                />
                <TextField
                  label="A line to keep"
                  name="line"
                  optional
                  value={line}
                  onChange={setLine}
                  error={problem?.fields.line}
                  maxLength={500}
                />
                <PhotoPicker
                  label="Add a photo"
                  optional
                  value={photo}
                  onChange={setPhoto}
                  check={photoProblem}
                  error={problem?.fields.photo ?? problem?.fields.mediaId}
                  hint="Take one now, or choose one from your photos."
                  previewAlt={`The photo you chose for ${card.title}`}
                />
              </>
            )}
            <div className="button-row">
              {marking ? (
                // Keys keep "Save" a new element: were React to turn the tapped "Done" into a submit
                // button, the same tap would send the form before anyone could type.
                <button key="save" type="submit" className="button" disabled={mark.isPending}>
                  Save
                </button>
              ) : (
                <button key="done" type="button" className="button" onClick={() => setMarking(true)}>
                  Done
                </button>
              )}
              <button
                type="button"
                className="button secondary"
                disabled={mark.isPending}
                onClick={() => send('not_today')}
              >
                Not today
              </button>
            </div>
          </form>
        )
      )}
    </article>
  );
}
