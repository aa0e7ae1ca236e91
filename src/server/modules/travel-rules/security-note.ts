import type { TravelContainer } from '../../../contracts/travel-rules.js';
import { NOTE_WORDS, type NoteLanguage, noteLanguagesFor } from './security-note.words.js';

// The note a parent hands over at the security belt: who this is, what the container is made of,
// a gentle request, and the truth about the papers. It promises nothing on the staff's behalf,
// asks for nothing the rules forbid, and never claims a paper the family has said cannot exist:
// for a baby born without signs of life before the stage at which a death certificate is issued,
// it says so in one calm sentence; for one registered on another paper (a UK stillbirth
// certificate), it names that paper instead (review 11, finding 1).

export interface SecurityNoteInput {
  /** The name the family chooses to show to strangers. */
  shownName: string;
  containers: readonly TravelContainer[];
  /** Babies for whom no death certificate exists, with what the note needs to say why. */
  withoutCertificate: ReadonlyArray<{
    name: string;
    /** Null where the family gave only the weight (a baby registered by weight in New Zealand). */
    weeks: number | null;
    lossCountry: string;
    /** Not registered at all (below the threshold), registered on a named paper, or not settled. */
    registration: BabyRegistration;
    /**
     * No cremation certificate is issued either (New Zealand, before 20 weeks and under 400 g), so the
     * note never speaks of papers from a crematorium (review 13, finding 8).
     */
    noCremationCertificate?: boolean;
  }>;
  /** The countries the journey reaches, in order; each adds its languages after English. */
  countries: readonly string[];
}

export type BabyRegistration = 'not_registered' | 'unsettled' | { on: string };

export interface SecurityNote {
  language: NoteLanguage;
  heading: string;
  text: string;
}

export function securityNotes(input: SecurityNoteInput): SecurityNote[] {
  return noteLanguagesFor(input.countries).map((language) => securityNote(language, input));
}

export function securityNote(language: NoteLanguage, input: SecurityNoteInput): SecurityNote {
  const words = NOTE_WORDS[language];
  const materials = [...new Set(input.containers)]
    .filter((m): m is Exclude<TravelContainer, 'unknown'> => m !== 'unknown')
    .map((m) => words.materials[m]);
  const countryNames = new Intl.DisplayNames([language], { type: 'region' });
  const country = (code: string) => countryNames.of(code) ?? code;
  const last = materials[materials.length - 1] ?? '';
  const joined =
    materials.length <= 1
      ? last
      : language === 'ja'
        ? `${materials.slice(0, -1).join('、')}${words.and}${last}`
        : `${materials.slice(0, -1).join(', ')} ${words.and} ${last}`;
  const paragraphs = [
    words.thanks,
    [words.carrying(input.shownName), materials.length > 0 ? words.material(joined) : '']
      .filter(Boolean)
      .join(language === 'ja' ? '' : ' '),
    words.screening,
    [
      words.papers(input.shownName),
      ...input.withoutCertificate.map(({ name, weeks, lossCountry, registration, noCremationCertificate }) =>
        registration === 'not_registered'
          ? words.noCertificate(name, weeks, country(lossCountry), noCremationCertificate !== true)
          : registration === 'unsettled'
            ? words.noneIssued(name, weeks, country(lossCountry))
            : words.registeredOn(name, weeks, country(lossCountry), registration.on),
      ),
    ].join(language === 'ja' ? '' : ' '),
    words.closing,
  ];
  return { language, heading: words.heading, text: paragraphs.join('\n\n') };
}
