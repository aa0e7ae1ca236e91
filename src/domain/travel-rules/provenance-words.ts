// How the app says where a rule came from and who checked it, in one honest line, the same on the
// page and in the printed packet: the source's own date (or that it has none), the day our research
// read it, and whether a person has re-read the live page since. "Checked" is never said of a date
// on which nobody checked.

export interface ProvenanceDates {
  sourceDate: string | null;
  readOn: string;
  recheckedOn: string | null;
  stale: boolean;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2018-07-10" → "10 July 2018", "2016-10" → "October 2016", "2016" → "2016". */
export function partialDateWords(value: string): string {
  const [year, month, day] = value.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? value;
}

export function provenanceWords(p: ProvenanceDates): string {
  const source = p.sourceDate ? `Source dated ${partialDateWords(p.sourceDate)}` : 'Source undated';
  const read = `taken from our research on ${partialDateWords(p.readOn)}`;
  const checked =
    p.recheckedOn === null
      ? 'not re-checked since'
      : `re-checked against the live page on ${partialDateWords(p.recheckedOn)}${p.stale ? ', over a year ago' : ''}`;
  return `${source}; ${read}; ${checked}.`;
}

/**
 * A requirement resting on a weak source ("British Airways may ask for a copy of the death
 * certificate", from a retailer) only "may" be asked (data/README.md), so the page and the packet
 * label it "May be needed", never a flat "Needed" (review 13, finding 14).
 */
export const onlyMayBeNeeded = (r: { severity: string; confidence: string }): boolean =>
  r.severity === 'required' && r.confidence === 'low';
