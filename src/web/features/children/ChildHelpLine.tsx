import { listWords } from '../../lib/format.js';
import { useTripHelps } from './mutations.js';

/**
 * Under a keepsake in a check, while no adult has confirmed it: which child helped check it. A
 * child's help never completes a check; a grown-up's confirmation does.
 */
export function ChildHelpLine({
  tripId,
  checkId,
  tripKeepsakeId,
}: {
  tripId: string;
  checkId: string;
  tripKeepsakeId: string;
}) {
  const helps = useTripHelps(tripId);
  const children = [
    ...new Set(
      (helps.data?.helps ?? [])
        .filter((h) => h.checkId === checkId && h.tripKeepsakeId === tripKeepsakeId)
        .map((h) => h.childName),
    ),
  ];
  if (children.length === 0) return null;
  return <p className="meta">Checked by {listWords(children)}, to be confirmed by a grown-up.</p>;
}
