import type { TripRulesResponse } from '../../../contracts/trip-rules.js';
import { holdsAshes } from '../../../contracts/travel-rules.js';
import { joinNames } from '../../../domain/remembrance/index.js';
import { provenanceWords } from '../../../domain/travel-rules/provenance-words.js';
import type { TripView } from '../trips/index.js';
import type { PacketInput } from './packet.pdf.js';
import { type BabyRegistration, securityNotes } from './security-note.js';

const regions = new Intl.DisplayNames(['en-GB'], { type: 'region' });
const country = (code: string) => regions.of(code) ?? code;
const modeWords: Record<string, string> = { air: 'Flight', rail: 'Train', road: 'Road', sea: 'Sea crossing' };
const kindWords: Record<string, string> = {
  ashes: 'cremated remains (ashes)',
  jewellery: 'keepsake jewellery holding ashes',
  memory_box: 'a memory box',
  blanket: 'a blanket',
  other: 'a keepsake',
};
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

export interface PacketFacts {
  view: TripView;
  rules: TripRulesResponse;
  /** Babies for whom no death certificate exists, for the note's one calm sentence. */
  withoutCertificate: ReadonlyArray<{
    lovedOneId: string;
    name: string;
    weeks: number | null;
    lossCountry: string;
    lossRegion?: string | null;
    registration: BabyRegistration;
    noCremationCertificate?: boolean;
  }>;
  shownName: string | undefined;
  paper: 'A4' | 'LETTER';
}

/** The packet's content, in the order a parent needs it: the note first, then what to carry. */
export function packetInput({
  view,
  rules,
  withoutCertificate,
  shownName: chosen,
  paper,
}: PacketFacts): PacketInput {
  const names = rules.carrying.map((c) => c.name);
  const shownName = chosen ?? (names.length > 0 ? joinNames(names) : 'our loved one');
  // The form offers the names as the name to show ("Mom and Dad"); left as offered, each language of
  // the note joins them with its own "and" (review 16, finding 3). A name the family wrote is kept.
  const noteName =
    chosen === undefined || chosen === joinNames(names) ? (names.length > 0 ? names : [shownName]) : chosen;
  const { startsOn: from, endsOn: to } = view.trip;
  const ashHolding = view.keepsakes.filter((k) => holdsAshes(k.keepsakeKind));
  const countries = view.legs.flatMap(({ leg }) => [leg.fromCountry, leg.toCountry]);
  return {
    tripName: view.trip.name,
    dates: from && to ? `${longDate(from)} – ${longDate(to)}` : from ? `from ${longDate(from)}` : null,
    shownName,
    securityNotes: securityNotes({
      shownName: noteName,
      lovedOnes: Math.max(1, names.length),
      containers: ashHolding.map((k) => k.container),
      // Whose ashes are in which container, said where that tells them apart (noticed with review 17).
      whose: ashHolding.map((k) => ({ name: k.lovedOneName, container: k.container })),
      // With one loved one the family's chosen name is the one staff read throughout the note.
      withoutCertificate: withoutCertificate.map((baby) => ({
        ...baby,
        name: rules.carrying.length === 1 ? shownName : baby.name,
      })),
      countries,
    }),
    summaries: rules.carrying.flatMap((c) => {
      // "We couldn't work this out" is said in the packet too, never a silent blank.
      const text = c.summary?.text ?? c.unavailable;
      return text ? [{ name: c.name, text }] : [];
    }),
    keepsakes: view.keepsakes.map((k) => ({
      name: k.keepsakeName,
      description: `${kindWords[k.keepsakeKind] ?? 'a keepsake'}${k.container !== 'unknown' ? `, in a ${k.container} container` : ''}`,
      carriedBy: k.carrierName,
      bag: k.bagDescription,
    })),
    documents: rules.carrying.flatMap((c) =>
      c.documents.map((d) => ({
        forName: rules.carrying.length > 1 ? c.name : null,
        title: d.title,
        detail: d.detail,
        sourceUrl: d.sourceUrl,
        status: d.status,
        reason: d.reason,
        instead: d.instead,
      })),
    ),
    legs: view.legs.map(({ leg }, index) => {
      const answers = rules.carrying.flatMap((c) => c.legs.filter((l) => l.index === index));
      return {
        title: `${leg.label ?? modeWords[leg.mode] ?? 'Journey'}: ${country(leg.fromCountry)} → ${country(leg.toCountry)}${leg.carrier ? ` (${leg.carrier})` : ''}, ${leg.departureLocal.replace('T', ' at ')}`,
        carriesAshes: answers.length === 0 || answers.some((a) => a.carriesAshes),
        requirements: answers.flatMap((a) =>
          a.requirements.map((r) => ({
            severity: r.severity,
            confidence: r.confidence,
            title: r.title,
            detail: r.detail,
            forThisFamily: r.forThisFamily,
            about: r.about,
            sourceUrl: r.sourceUrl,
            provenance: `${provenanceWords(r)} ${r.confidence} confidence.`,
            awaitingOfficial: r.awaitingOfficial,
          })),
        ),
        gaps: answers.flatMap((a) => a.gaps.map((g) => g.message)),
        conflicts: answers.flatMap((a) => a.conflicts.map((c) => c.message)),
        exceptions: answers.flatMap((a) => a.exceptions.map((e) => e.message)),
      };
    }),
    generatedOn: longDate(rules.checkedOn),
    paper,
  };
}
