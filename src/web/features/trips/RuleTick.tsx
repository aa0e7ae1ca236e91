import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useSignedIn } from '../../app/session.js';
import { Notice } from '../../components/Notice.js';
import { messageOf } from '../../lib/api.js';
import { momentPhrase } from '../../lib/format.js';
import { useJustChosen } from '../../lib/just-chosen.js';
import { ruleKey, waitingAbout } from '../../lib/outbox.js';
import { sendOrKeep, useOutbox } from '../../lib/outbox-sync.js';

/**
 * "Done" for one thing the travel rules ask (or "Packed" for a paper to carry), with who did it and
 * when. With no signal the tick is kept on this device and sent later; the note says so.
 */
export function RuleTick({
  tripId,
  canTick,
  tickKey,
  title,
  word,
  ticked,
  tickedByName,
  tickedAt,
}: {
  tripId: string;
  canTick: boolean;
  tickKey: string;
  /** What is being ticked, for the label screen readers hear and for messages. */
  title: string;
  word: 'Done' | 'Packed';
  ticked: boolean;
  tickedByName: string | null;
  tickedAt: string | null;
}) {
  const id = useId();
  const { member } = useSignedIn();
  const client = useQueryClient();
  const { waiting } = useOutbox(member.id);
  const kept = waitingAbout(waiting, ruleKey(tripId, tickKey));
  const keptTicked = kept?.change.kind === 'rule' ? kept.change.ticked : undefined;
  // Saved, or kept on this device and sent later (no signal); the answer lands in the cache.
  const tick = useMutation({
    mutationFn: (next: boolean) =>
      sendOrKeep(client, member.id, { kind: 'rule', tripId, key: tickKey, ticked: next, label: title }),
  });
  // What the person just did shows at once, until the server's answer (or the outbox) takes over.
  const [justChosen, hold] = useJustChosen<boolean>();
  const checked = justChosen ?? keptTicked ?? ticked;

  const note = kept
    ? 'Kept on this phone; it is saved when you are back online.'
    : checked && tickedByName && tickedAt
      ? `${word} by ${tickedByName} ${momentPhrase(tickedAt)}`
      : '';

  return (
    <div className={`rule-tick${checked ? ' ticked' : ''}`}>
      <div className="check-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!canTick}
          onChange={(e) => tick.mutate(e.target.checked, hold(e.target.checked))}
          aria-describedby={note ? `${id}-note` : undefined}
        />
        <label htmlFor={id}>
          {word}
          <span className="visually-hidden"> for “{title}”</span>
        </label>
      </div>
      {note && (
        <p className="meta tick-note" id={`${id}-note`}>
          {note}
        </p>
      )}
      {tick.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(tick.error)}</p>
        </Notice>
      )}
    </div>
  );
}
