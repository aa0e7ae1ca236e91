import type { Leg } from '../../../contracts/trips.js';
import { legEnds } from './describe.js';

/** "Heathrow → Madrid" on screen, "Heathrow to Madrid" to a screen reader (the arrow is not read). */
export function LegName({ leg }: { leg: Leg }) {
  const { from, to } = legEnds(leg);
  return (
    <>
      {from} <span aria-hidden="true">→</span>
      <span className="visually-hidden">to</span> {to}
    </>
  );
}
