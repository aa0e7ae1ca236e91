import { regionName } from '../../../contracts/countries.js';
import type { TravelContainer } from '../../../contracts/travel-rules.js';
import { NOTE_WORDS, type NoteLanguage, type NoteWords, noteLanguagesFor } from './security-note.words.js';

// The note a parent hands over at the security belt: who this is, what the container is made of,
// a gentle request, and the truth about the papers. It promises nothing on the staff's behalf,
// asks for nothing the rules forbid, and never claims a paper the family has said cannot exist:
// for a baby born without signs of life before the stage at which a death certificate is issued,
// it says so in one calm sentence; for one registered on another paper (a UK stillbirth
// certificate), it names that paper instead (review 11, finding 1); where registering is the
// parents' choice (Ireland), it says the paper may be had, never that the family carries it.

export interface SecurityNoteInput {
  /**
   * Whose ashes these are: the name the family chose to show to strangers, said as they wrote it in
   * every language, or the loved ones' own names, which each language joins with its own "and"
   * ("Mom y Dad", "MomとDad"; review 16, finding 3).
   */
  shownName: string | readonly string[];
  /**
   * How many loved ones' ashes are carried, where one chosen name stands for several ("our
   * parents"): two or more are spoken of in the plural. Taken from the names when not given.
   */
  lovedOnes?: number;
  /** Each ash-holding keepsake's container, one entry per container. */
  containers: readonly TravelContainer[];
  /**
   * Each ash-holding container with the loved one whose ashes it holds, where known: with two loved
   * ones or more, one container each of different materials, each is said ("Mom’s ashes are in the
   * container made of metal."), so staff can tell them apart (noticed with review 17).
   */
  whose?: ReadonlyArray<{ name: string; container: TravelContainer }>;
  /** Babies for whom no death certificate exists, with what the note needs to say why. */
  withoutCertificate: ReadonlyArray<{
    name: string;
    /** Null where the family gave only the weight (a baby registered by weight in New Zealand). */
    weeks: number | null;
    lossCountry: string;
    /**
     * The region (ISO 3166-2) whose own rules say why there is no death certificate (Ontario's 20
     * weeks or 500 g): the note names it with the country, never stretching it to the country
     * (review 17, finding 6). Absent where the rules are the country's.
     */
    lossRegion?: string | null;
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

/**
 * Not registered at all (below the threshold); registered on a named paper, `optional` where
 * registering is the parents' choice (Ireland: the family has not said whether they did, so the
 * note says the paper may be had, never that it is carried; issue 7); or our rules differ.
 */
export type BabyRegistration = 'not_registered' | 'unsettled' | { on: string; optional?: boolean };

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
  const names = typeof input.shownName === 'string' ? [input.shownName] : [...input.shownName];
  const plural = (input.lovedOnes ?? names.length) > 1;
  const countryNames = new Intl.DisplayNames([language], { type: 'region' });
  const country = (code: string) => countryNames.of(code) ?? code;
  const paragraphs = [
    words.thanks,
    [
      words.carrying(names, plural),
      containerSentence(words, input.containers),
      ...whoseSentences(words, input.whose),
    ]
      .filter(Boolean)
      .join(language === 'ja' ? '' : ' '),
    words.screening(input.containers.length > 1),
    [
      words.papers(words.list(names)),
      ...input.withoutCertificate.map(
        ({ name, weeks, lossCountry, lossRegion, registration, noCremationCertificate }) => {
          const region = lossRegion ? regionName(lossRegion) : undefined;
          return registration === 'not_registered'
            ? words.noCertificate(name, weeks, country(lossCountry), noCremationCertificate !== true, region)
            : registration === 'unsettled'
              ? words.noneIssued(name, weeks, country(lossCountry))
              : registration.optional === true
                ? words.mayRegister(name, weeks, country(lossCountry), registration.on)
                : words.registeredOn(name, weeks, country(lossCountry), registration.on, region);
        },
      ),
    ].join(language === 'ja' ? '' : ' '),
    words.closing,
  ];
  return { language, heading: words.heading, text: paragraphs.join('\n\n') };
}

/**
 * What the containers are made of: one container as before ("The container is made of wood."); two
 * or more counted by material, so staff looking for one object find two ("There are two containers:
 * one made of metal and one made of wood."; review 16, finding 3). Nothing where nothing is known.
 */
function containerSentence(words: NoteWords, containers: readonly TravelContainer[]): string {
  const counts = new Map<string, number>();
  let others = 0;
  for (const container of containers) {
    if (container === 'unknown') others += 1;
    else counts.set(words.materials[container], (counts.get(words.materials[container]) ?? 0) + 1);
  }
  const made = [...counts].map(([material, count]) => ({ material, count }));
  if (containers.length <= 1) return made.length === 1 ? words.material(made[0]!.material) : '';
  return words.containers(containers.length, made, others);
}

/**
 * Whose ashes are in which container: said only where it tells them apart, for two loved ones or
 * more, each with one container whose material is known, no two of the same material.
 */
function whoseSentences(
  words: NoteWords,
  whose: ReadonlyArray<{ name: string; container: TravelContainer }> | undefined,
): string[] {
  if (!whose) return [];
  const known = whose.flatMap(({ name, container }) =>
    container === 'unknown' ? [] : [{ name, container }],
  );
  const apart =
    known.length === whose.length &&
    new Set(known.map((w) => w.name)).size === known.length &&
    new Set(known.map((w) => w.container)).size === known.length &&
    known.length > 1;
  return apart ? known.map(({ name, container }) => words.whose(name, words.materials[container])) : [];
}
