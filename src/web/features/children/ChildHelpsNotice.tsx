import type { TripDetail } from '../../../contracts/trips.js';
import { Notice } from '../../components/Notice.js';
import { listWords } from '../../lib/format.js';
import { useTripHelps } from './mutations.js';

/**
 * On the grown-ups' trip page: what a child helped check that no adult has confirmed yet. A
 * child's help never completes a check; this asks a grown-up to confirm it themselves.
 */
export function ChildHelpsNotice({ trip }: { trip: TripDetail }) {
  const helps = useTripHelps(trip.trip.id);
  // Read against the trip on screen, so a grown-up's confirmation (which answers with the trip)
  // takes the notice away at once.
  const complete = (checkId: string, tripKeepsakeId: string) =>
    trip.legs
      .flatMap((l) => l.checks)
      .find((c) => c.id === checkId)
      ?.keepsakes.find((k) => k.tripKeepsakeId === tripKeepsakeId)?.complete ?? false;
  const waiting =
    helps.data?.helps.filter((h) => h.awaitingGrownUp && !complete(h.checkId, h.tripKeepsakeId)) ?? [];
  if (waiting.length === 0) return null;
  const lines = new Map<string, { child: string; lovedOnes: Set<string> }>();
  for (const help of waiting) {
    const line = lines.get(help.childName) ?? { child: help.childName, lovedOnes: new Set<string>() };
    line.lovedOnes.add(help.lovedOneName);
    lines.set(help.childName, line);
  }
  return (
    <Notice tone="warm" title="A child helped check">
      {[...lines.values()].map((line) => (
        <p key={line.child}>
          {line.child} helped check that {listWords([...line.lovedOnes])}{' '}
          {line.lovedOnes.size > 1 ? 'are' : 'is'} with us; please confirm it yourself below. The check is
          done once a grown-up confirms.
        </p>
      ))}
    </Notice>
  );
}
