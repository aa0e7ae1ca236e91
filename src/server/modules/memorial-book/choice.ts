import {
  bookItemKinds,
  type BookCandidate,
  type BookCandidatesResponse,
  type BookChoice,
  type BookItemKind,
} from '../../../contracts/memorial-book.js';
import { invalid } from '../../errors.js';
import { dayOf, drawingLabel, type BookCandidates, type ChosenItems } from './contents.js';

// Choosing what goes in a book: the candidates as the family sees them (grouped, with dates), and
// the family's choice checked against them. Only what the asker may read for the book's days is
// offered, and only that may be chosen: an id from anywhere else (another member's private entry,
// another family's photo, a day outside the range) is refused, naming the field.

/** A few words of a longer text, for choosing it by. */
const excerpt = (text: string, length = 140) =>
  text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;

const candidate = (
  c: Omit<BookCandidate, 'thumbnailUrl' | 'privateToMe' | 'detail'> & Partial<BookCandidate>,
) => ({
  thumbnailUrl: null,
  privateToMe: false,
  detail: null,
  ...c,
});

export function presentCandidates(found: BookCandidates): BookCandidatesResponse {
  return {
    entries: found.entries.map((e) =>
      candidate({
        id: e.id,
        date: e.writtenFor,
        label: `${e.title ?? (e.kind === 'letter' ? 'A letter' : 'An entry')} · ${e.authorName}`,
        detail: excerpt(e.text),
        privateToMe: e.sharedAt === null,
      }),
    ),
    tributes: found.tributes.map((t) =>
      candidate({
        id: t.id,
        date: t.forDate,
        label: t.datesLine ?? 'A tribute',
        detail: t.words,
      }),
    ),
    rituals: found.rituals.map((m) =>
      candidate({
        id: m.id,
        date: dayOf(m.dueAt),
        label: m.ritualTitle,
        detail: m.tookPart ? `Took part: ${m.tookPart}` : m.line,
      }),
    ),
    drawings: found.drawings.map((d) =>
      candidate({ id: d.id, date: dayOf(d.createdAt), label: drawingLabel(d), thumbnailUrl: d.thumbnailUrl }),
    ),
    photos: found.photos.map((p) =>
      candidate({
        id: p.id,
        date: dayOf(p.createdAt),
        label: p.addedBy ? `Added by ${p.addedBy}` : 'A photo',
        thumbnailUrl: p.thumbnailUrl,
      }),
    ),
  };
}

/** One row per thing offered: in, or left out. */
export interface ChoiceRow {
  kind: BookItemKind;
  itemId: string;
  included: boolean;
}

/**
 * The family's choice as rows to keep with the book: everything offered, each in or out. Without a
 * choice everything offered goes in. Throws `validation_failed` on `chosen.<kind>` for an id that
 * was not offered.
 */
export function choiceRows(found: BookCandidates, chosen: BookChoice | undefined): ChoiceRow[] {
  const rows: ChoiceRow[] = [];
  for (const kind of bookItemKinds) {
    const offered = found[kind].map((item) => item.id);
    const offeredSet = new Set(offered);
    const wanted = chosen ? new Set(chosen[kind]) : offeredSet;
    for (const id of wanted)
      if (!offeredSet.has(id))
        throw invalid(
          `chosen.${kind}`,
          'Something chosen for the book is not yours to put in it, or is not from these days. Please choose again.',
        );
    for (const itemId of offered) rows.push({ kind, itemId, included: wanted.has(itemId) });
  }
  return rows;
}

/** What the job puts in: the rows marked in; no rows at all (a book asked for before choosing): everything. */
export function chosenFrom(rows: readonly ChoiceRow[]): ChosenItems {
  if (rows.length === 0) return null;
  const chosen = Object.fromEntries(bookItemKinds.map((kind) => [kind, new Set<string>()])) as Record<
    BookItemKind,
    Set<string>
  >;
  for (const row of rows) if (row.included) chosen[row.kind].add(row.itemId);
  return chosen;
}
