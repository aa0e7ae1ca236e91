import type { TripRulesResponse } from '../../../contracts/trip-rules.js';
import type { TripView } from '../trips/index.js';
import type { PacketInput } from './packet.pdf.js';

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

/**
 * The note a parent can hand over at the security belt: who this is, what the container is made
 * of, and a gentle request. It promises nothing on the staff's behalf and asks for nothing the
 * rules forbid; the requirements above it say what each authority expects.
 */
export function securityNote(shownName: string, keepsakes: TripView['keepsakes']): string {
  const ashes = keepsakes.filter((k) => k.keepsake_kind === 'ashes' || k.keepsake_kind === 'jewellery');
  const materials = [...new Set(ashes.map((k) => k.container).filter((m) => m !== 'unknown'))];
  const made = materials.length > 0 ? ` The container is made of ${materials.join(' and ')}.` : '';
  return [
    `Thank you for taking a moment to read this.`,
    `In our bag we are carrying the cremated remains (ashes) of ${shownName}, who is dearly loved and very much missed.${made}`,
    `We know it needs to be screened, and we are glad to help in any way we can. If it is at all possible, please do not open the container. If you need to check it further, please tell us and we will follow your lead.`,
    `The documents listed in this packet are with us. Thank you for your care and patience.`,
  ].join('\n\n');
}

export function packetInput(input: {
  view: TripView;
  rules: TripRulesResponse;
  shownName: string | undefined;
  paper: 'A4' | 'LETTER';
}): PacketInput {
  const { view, rules } = input;
  const shownName = input.shownName ?? (rules.carrying.map((c) => c.name).join(' and ') || 'our loved one');
  const { starts_on: from, ends_on: to } = view.trip;
  return {
    tripName: view.trip.name,
    dates: from && to ? `${longDate(from)} – ${longDate(to)}` : from ? `from ${longDate(from)}` : null,
    shownName,
    keepsakes: view.keepsakes.map((k) => ({
      name: k.keepsake_name,
      description: `${kindWords[k.keepsake_kind] ?? 'a keepsake'}${k.container !== 'unknown' ? `, in a ${k.container} container` : ''}`,
      carriedBy: k.carrier_name,
      bag: k.bag_description,
    })),
    documents: rules.carrying.flatMap((c) =>
      c.documents.map((d) => ({
        title: d.title,
        detail: d.detail,
        sourceUrl: d.sourceUrl,
        mayBeMissing: d.mayBeMissing,
        instead: d.instead,
      })),
    ),
    legs: view.legs.map(({ leg }, index) => {
      const answers = rules.carrying.flatMap((c) => c.legs.filter((l) => l.index === index));
      return {
        title: `${leg.label ?? modeWords[leg.mode] ?? 'Journey'}: ${country(leg.from_country)} → ${country(leg.to_country)}${leg.carrier ? ` (${leg.carrier})` : ''}, ${leg.departure_local.replace('T', ' at ')}`,
        requirements: answers.flatMap((a) =>
          a.requirements.map((r) => ({
            severity: r.severity,
            title: r.title,
            detail: r.detail,
            sourceUrl: r.sourceUrl,
            verifiedOn: r.verifiedOn,
            confidence: r.confidence,
          })),
        ),
        gaps: answers.flatMap((a) => a.gaps.map((g) => g.message)),
        conflicts: answers.flatMap((a) => a.conflicts.map((c) => c.message)),
      };
    }),
    securityNote: securityNote(shownName, view.keepsakes),
    generatedOn: longDate(rules.checkedOn),
    paper: input.paper,
  };
}
