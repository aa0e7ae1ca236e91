import type { CarrySummary, TravelDocument, TravelLovedOneKind } from '../../contracts/travel-rules.js';
import { DOCUMENT_KINDS, documentNoun, documentPhrase } from './document-kinds.js';
import {
  eitherOf,
  acceptedInstead,
  firmnessOn,
  haveReady,
  saidAs,
  namesOf,
  onlyGuidesOn,
  secondHandOn,
  sometimesInstead,
  togetherBagOf,
} from './document-list.js';
import {
  askClause,
  type AskFirmness,
  askVerb,
  capitalise,
  carrierName,
  countryPhrase,
  firmer,
  GENERAL_PAPERS,
  USUAL_PAPERS,
} from './names.js';
import { joinList, joinPapers } from './ordering.js';
import type { DocumentKey } from './rule-schema.js';
import { refusalWords } from './home-rules.js';
import { ADVICE_FOR_LEAVING } from './speakers.js';
import { ifOnlyPassingThrough } from './passing-through.js';

// What a family carries for one loved one, said first and plainly: the papers they have, and where
// a paper others ask for does not exist for them, what they carry instead and why. This is what
// opens the "What to carry" page, so it speaks to this family, not to the general case.

/** A journey not allowed as planned: the rule's title, and where it was met only passing through. */
export interface Refusal {
  title: string;
  /** The country only passed through on the way to `onTo`; null where the ashes go into it to stay. */
  passingThrough: {
    country: string;
    onTo: string;
    /** Whom to ask, as the leg's note says it ("the embassy or consulate of Germany in the United States"). */
    whom: string;
  } | null;
  /**
   * Only the bag chosen is refused: the cabin (Etihad, reportedly), so the ashes go in the checked
   * bag; or the hold (Ryanair), so they stay with the family in the cabin (review 17, finding 3).
   */
  then?: 'checked' | 'cabin';
  /** Said on a weaker source, with whom to ask in the notes on the journey. */
  askFirst?: boolean;
  /**
   * Other sources on this trip say the opposite (Singapore Airlines: a 2021 report that it stopped,
   * later ones that it carries ashes): not led with "Before anything else", but said plainly as a
   * disagreement, with whom to ask (review 15, finding 1).
   */
  disputed?: { about: string; ask: string };
  /**
   * Its source says the urn is sent instead, through a funeral home or a specialist carrier
   * (Germany): the papers are said as the ones to have ready for that, never "bring" (review 16, 6).
   */
  sentInstead?: true;
  /**
   * The line keeps the urn on board at its ports of call (Carnival), and the family plans to scatter
   * ashore in that port's country: the plan can't be made from this cruise (review 22, finding 1).
   */
  keptAboard?: { carrier: string; country: string; /** "on land" */ place: string };
  /**
   * Not applied: its sources speak only for families living in these places, and the family has not
   * said where they live. Said calmly as what may be so, never as a refusal (review 23, finding 7).
   */
  waitsOnHome?: readonly string[];
  /**
   * Not a refusal: the bag chosen is open only on a condition its source names (Avianca's hold,
   * booked ahead by a funeral home or cargo agency), said first in the rule's own words with the
   * other way the same page gives (`bag_condition`; review 24, finding 4).
   */
  saidFirst?: string;
  /**
   * The urn also holds these loved ones' ashes (twins cremated together): said once, here, naming
   * them all (review 29, finding 9).
   */
  alsoFor?: readonly string[];
  /** Said already in this loved one's summary, for the urn they share: not said again here. */
  saidFor?: string;
}

/**
 * A paper about an urn several loved ones share (Italy's seal on the twins' box), by its title: said
 * in the first one's summary, naming them all (`alsoFor`), and not again in the others' (`saidFor`),
 * as a refusal about the urn is (review 30, finding 9). Still on each one's list of what to carry.
 */
export type UrnPapers = ReadonlyMap<string, { alsoFor?: readonly string[]; saidFor?: string }>;

/**
 * Papers asked for only by a rule that stands after a death (or a cremation) where the family has not
 * said ("died in France", "was cremated in France"): said with that condition, never as plainly to
 * carry (review 33b, M4; review 35, u finding 5).
 */
export interface PapersIfTheyDied {
  onlyIf: string;
  documents: readonly TravelDocument[];
}

/** Papers got before travel, never at a desk, and whom to ask about them first. */
const GOT_BEFORE_TRAVEL: Readonly<Record<string, string>> = {
  consular_certificate: ': ask the consulate before you travel',
  permit: ': ask before you travel whether you need it',
};

/**
 * A paper made ahead by someone else (apostilled, legalised, notarised, translated) can't be
 * produced at a desk when asked either (review 15, findings 2 and 3).
 */
const MADE_AHEAD = /\b(?:apostill|legali[sz]|notari[sz]|translat)/i;

/** How the list says to ask first about a paper only someone "may" ask for. */
function askFirstLine(d: TravelDocument): string {
  const byKey = GOT_BEFORE_TRAVEL[d.key];
  if (byKey) return byKey;
  if (!MADE_AHEAD.test(d.title)) return ', if you are asked for it';
  const whom =
    d.asked_by.length > 0 && d.asked_by.every((who) => /\bconsul/i.test(who)) ? ' the consulate' : '';
  return `: ask${whom} before you travel whether you need ${itOrThem(d)}`;
}

/** "Notarised Spanish translations of each certificate" are "them", never "it" (review 15, 3). */
const itOrThem = (d: TravelDocument): string =>
  /\b(?:translations|copies)\b/i.test(d.title) ? 'them' : 'it';

/** What one loved one's summary says besides their papers. */
export interface SummaryContext {
  /** Another way a source leaves open where one is closed to them. */
  otherWays?: readonly string[];
  refusals?: readonly Refusal[];
  /** Who died: a pet's or a pregnancy loss's papers stand in for a death certificate differently. */
  kind?: TravelLovedOneKind;
  /**
   * Airlines on this journey whose papers our sources don't say, where a country's rule names
   * other airlines only (Pacific Airlines within Vietnam): never "no papers" (review 28, finding 5).
   */
  unsaidBy?: readonly string[];
  /** Papers about an urn that holds more than one loved one: said once, for all of them. */
  urnPapers?: UrnPapers;
  ifTheyDied?: readonly PapersIfTheyDied[];
  /**
   * The titles of the scattering rules that ask something of this family, or say it isn't allowed
   * (Poland's ban, Norway's county governor's permission, the EPA's 3 nautical miles), bans first:
   * a family reading only the summary must not plan a scattering the notes say is not allowed
   * (review 36b, finding 3).
   */
  beforeScattering?: readonly string[];
  /** Where our sources leave open whether scattering there is allowed: "scattering ashes at sea in Poland". */
  scatteringNote?: string | null;
}

export function carrySummary(
  name: string,
  documents: readonly TravelDocument[],
  {
    otherWays = [],
    refusals = [],
    kind,
    unsaidBy = [],
    urnPapers = new Map() as UrnPapers,
    ifTheyDied = [],
    beforeScattering = [],
    scatteringNote = null,
  }: SummaryContext = {},
): CarrySummary {
  const mine = documents.filter((d) => d.loved_one === name);
  // "Whatever the hospital gave you, with the crematorium's certificate": not "Also bring a
  // cremation certificate" after it.
  const named = new Set(mine.filter((d) => d.status === 'not_issued').flatMap((d) => d.instead_includes));
  const listed = mine.filter((d) => (haveReady(d) || d.status === 'ask_first') && !named.has(d.key));
  // A paper only a weak or disputed source may ask for (France's prefect, an Italian consulate's
  // seal described by another consulate) is not a flat "bring": the family is told to ask first.
  // A paper said only as its source leaves it (`said_as`: who issues it, or that its source names it
  // only beside a paper this loved one lacks) is asked about first, however firmly it is asked for.
  const firmly = (d: TravelDocument) =>
    saidAs(d) === undefined &&
    (d.asked_by.includes(GENERAL_PAPERS) || d.asked_by.some((who) => firmnessOn(d)(who) === 'asks for'));
  const carry = listed.filter(firmly);
  // Where everyone firmly asking for a paper tells of another's rules (a Canadian funeral home's
  // checklist for shipping an urn to the Bahamas), the paper is said as theirs (review 20, finding 2).
  const reportedBy = (d: TravelDocument): string[] => {
    const firm = d.asked_by.filter((who) => firmnessOn(d)(who) === 'asks for');
    return d.asked_by.includes(GENERAL_PAPERS) || !firm.every(secondHandOn(d)) ? [] : firm;
  };
  // A paper everyone asking for it takes another in place of (Delta: a death or a cremation
  // certificate), where that other is not on the list itself, is said with it: "either is enough"
  // (review 19, finding 5).
  const mineKeys = new Set(mine.map((d) => d.key));
  const carried = (d: TravelDocument): string => {
    const others = acceptedInstead(d).filter((key) => !mineKeys.has(key));
    if (others.length === 0 || d.asked_by.includes(GENERAL_PAPERS)) return phraseOf(d);
    const any = others.length === 1 ? 'either' : 'any one';
    return `${[phraseOf(d), ...others.map((key) => documentPhrase(key))].join(' or ')} (${any} is enough for ${joinList(d.asked_by)})`;
  };
  const askFirst = eitherWay(listed.filter((d) => !firmly(d)));
  // A paper that may not exist and that only someone who "may ask" names (a baby's passport, on
  // one consulate's own list) is not on the "bring" list either: it is brought only if asked.
  const onlyMayAsk = (d: TravelDocument) =>
    !firmly(d) && d.asked_by.some((who) => firmnessOn(d)(who) === 'may ask for');
  const mayNotExist = mine.filter((d) => d.status === 'may_not_exist' && !named.has(d.key));
  const maybe = mayNotExist.filter((d) => !onlyMayAsk(d));
  // A paper that may not exist and that only someone who "may ask" names, where each of them takes
  // another this family has in its place (Emirates, for a pet: the cremation certificate): that
  // paper is what to bring, unless it is on the list already (review 17, finding 7). (One asked for
  // firmly is said with `ifYouHaveIt`: "a death certificate if you have it, or else …".)
  const carriedKeys = new Set(listed.map((d) => d.key));
  const standIns = mayNotExist
    .filter(onlyMayAsk)
    .flatMap((d) =>
      d.unmet_for.length === 0 &&
      d.instead !== null &&
      d.instead_includes.length > 0 &&
      d.instead_includes.every((key) => !carriedKeys.has(key))
        ? [
            `${joinPapers(d.instead_includes.map((key) => documentPhrase(key as DocumentKey)))}, which ${joinList(d.asked_by)} ${d.asked_by.length === 1 ? 'accepts' : 'accept'} in place of ${documentPhrase(d.key as DocumentKey)}`,
          ]
        : [],
    );
  const maybeAskFirst = mayNotExist.filter(onlyMayAsk);
  const missing = mine.filter((d) => d.status === 'not_issued' || d.status === 'may_not_exist');
  // Only a paper that certainly does not exist is replaced; one that may not is brought if it exists.
  // Where the death certificate may not exist and what the papers list says to carry in its place
  // would otherwise go unsaid in the list, that is said first, as a baby's is when there is none
  // (review 18, finding 6): for a pet, the pet crematorium's certificate, unless someone takes
  // nothing in its place or the crematorium's letter is on the list already; for a pregnancy loss,
  // the hospital's papers, wherever someone asking takes nothing in their place, so that "a death
  // certificate if you have it" never stands alone (review 33a, M4). Where everyone asking takes a
  // paper this family has, "…, or else a cremation certificate" says it already (ifYouHaveIt).
  const petLetterListed = listed.some((d) => d.key === 'funeral_director_declaration');
  const insteadUnsaid = (d: TravelDocument) =>
    d.status === 'may_not_exist' && d.instead !== null && d.required_together_by.length === 0;
  const saidFirstInstead = (d: TravelDocument) =>
    insteadUnsaid(d) &&
    ((kind === 'pet' && !petLetterListed && d.instead_includes.length === 0) ||
      (kind === 'pregnancy_loss' && d.unmet_for.length > 0));
  const instead = [
    ...new Set(
      mine
        .filter((d) => d.status === 'not_issued' || saidFirstInstead(d))
        // Said first, before the paper it stands in for is named: "which Emirates accepts in place of
        // a death certificate", never "in its place" (review 35, t17: Max, a pet, has none).
        .flatMap((d) =>
          d.instead
            ? [d.instead.replace(/ in its place\.$/, ` in place of ${documentPhrase(d.key as DocumentKey)}.`)]
            : [],
        ),
    ),
  ];
  const carryList = [
    ...instead,
    ...standIns.map((text) => `${capitalise(text)}.`),
    ...carry.map((d) => capitalise(carried(d))),
    ...maybe.map((d) => capitalise(ifYouHaveIt(d, ', '))),
    // A paper someone only suggests is said as a suggestion, as in the sentence above it: nobody
    // asks for it, so "if you are asked for it" would not be true (review 11, finding 11).
    // A paper that is got before travel (a consulate's certificate or seal, a permit) cannot be
    // produced at a desk when asked: it says to ask before you go (review 14, finding 5).
    // A paper its source says only someone issues is said as the sentence above says it, never
    // "(suggested)": nobody suggests it (review 19, finding 6; fix24b).
    ...askFirst.map(
      (d) =>
        saidAs(d) ??
        (onlySuggested(d)
          ? `${capitalise(withStandIns(d, mineKeys))} (suggested)`
          : `${capitalise(phraseOf(d))}${askFirstLine(d)}`),
    ),
    ...maybeAskFirst.map((d) => `${capitalise(phraseOf(d))}, if you have it and are asked for it`),
    ...ifTheyDied.flatMap(({ onlyIf, documents: papers }) =>
      papers.map((d) => `${capitalise(phraseOf(d))}: only if ${name} ${onlyIf}`),
    ),
  ];

  const sentences: string[] = [];
  // A journey that is not allowed as planned, or may not be, is said first, before any paper
  // (review 9, finding 8; review 10, findings 1 to 3). "In Hesse, …" reads on as "in Hesse, …".
  // "Before anything else" opens them once: two refusals are one opener, never the words twice
  // (review 30, finding 7). One said for more than one loved one sharing the urn names them all.
  let opened = false;
  const opening = (text: string, names: string | null, opener: boolean): string =>
    opener
      ? `Before anything else${names === null ? '' : `, for ${names}`}: ${text}`
      : names === null
        ? capitalise(text)
        : `For ${names}, ${text}`;
  const lead = (text: string, names: string | null): string => {
    const said = opening(text, names, !opened);
    opened = true;
    return said;
  };
  // Plain refusals ("Germany doesn't allow a family to carry an urn") are joined into one sentence.
  const plain = { at: -1, names: null as string | null, parts: [] as string[], opener: false };
  const plainSentence = () =>
    opening(
      `${plain.parts.join(', and ')}. The notes on your journey say whom to ask before you plan it.`,
      plain.names,
      plain.opener,
    );
  for (const {
    title,
    passingThrough,
    then,
    askFirst,
    disputed,
    keptAboard,
    waitsOnHome,
    saidFirst,
    alsoFor,
    saidFor,
  } of refusals) {
    if (disputed || saidFor !== undefined) continue;
    // One urn, more than one loved one: said once, for them all (review 29, finding 9).
    const names = alsoFor !== undefined && alsoFor.length > 0 ? joinList([name, ...alsoFor]) : null;
    if (saidFirst !== undefined) {
      sentences.push(saidFirst);
      continue;
    }
    if (waitsOnHome) {
      sentences.push(
        `Where your family lives matters on this journey: ${refusalWords([{ title, homes: waitsOnHome }])}. Tell us where you live to see whether that is you; the notes on your journey say whom to ask meanwhile.`,
      );
      continue;
    }
    if (keptAboard) {
      const line = carrierName(keptAboard.carrier, 'sea');
      sentences.push(
        lead(
          `${line} keeps the urn on board at its ports of call, so the ashes can't go ashore in ${countryPhrase(keptAboard.country)} to be scattered ${keptAboard.place} from this cruise. Please ask ${line} before you plan it; the notes on your journey say what ${countryPhrase(keptAboard.country)} asks if the ashes do go ashore.`,
          names,
        ),
      );
      continue;
    }
    const refusal = title.replace(/\.$/, '');
    if (then !== undefined) {
      sentences.push(
        lead(
          `${refusal}, so plan to ${then === 'checked' ? 'pack the ashes in your checked bag' : 'keep the ashes with you in the cabin'}.${askFirst ? ' The notes on your journey say whom to ask before you plan it.' : ''}`,
          names,
        ),
      );
      continue;
    }
    if (passingThrough) {
      // Its source speaks of ashes brought in to stay; passing through, it is a question to ask.
      sentences.push(
        lead(
          `our sources say ${lowerTitle(refusal)}, but they speak of ashes brought into ${countryPhrase(passingThrough.country)}, and don't say whether that applies ${ifOnlyPassingThrough(passingThrough.onTo)}. Please ask ${passingThrough.whom} before you plan this route.`,
          names,
        ),
      );
      continue;
    }
    const words = refusal.replace(/^(In|As) /, (word) => word.toLowerCase());
    if (plain.at >= 0 && plain.names === names) {
      plain.parts.push(words);
      sentences[plain.at] = plainSentence();
      continue;
    }
    Object.assign(plain, { at: sentences.length, names, parts: [words], opener: !opened });
    opened = true;
    sentences.push(plainSentence());
  }
  // Carrying the urn is not allowed and its source says it is sent instead (Germany): the papers are
  // for sending it, so they are to have ready, never to "bring" on that journey (review 16, 6).
  const sending = refusals.some((refusal) => refusal.sentInstead === true);
  const ask = unsaidBy.length === 1 ? 'asks' : 'ask';
  if (mine.length === 0 && unsaidBy.length > 0) {
    sentences.push(
      `For ${name}, our sources don't say which papers ${joinList(unsaidBy)} ${ask} for: please ask them before you fly, and keep the papers you have with you.`,
    );
  } else if (mine.length === 0) {
    sentences.push(
      `For ${name}, we found no papers this journey asks for. Keep the papers you have with you all the same.`,
    );
  } else {
    // A refusal for an urn shared with another loved one is said in the first one's summary; this
    // one says it follows from there, never starting mid-thought (review 32, r32a finding 6).
    const saidElsewhere = refusals.find((r) => r.sentInstead === true && r.saidFor !== undefined)?.saidFor;
    const saidHere = refusals.some((r) => r.sentInstead === true && r.saidFor === undefined);
    if (sending)
      sentences.push(
        saidHere || saidElsewhere === undefined
          ? 'The urn can be sent instead, through a funeral home or a specialist carrier, who can tell you which papers they need.'
          : `As said for ${saidElsewhere}, the urn they share can be sent instead, through a funeral home or a specialist carrier, who can tell you which papers they need.`,
      );
    const [toCarry, toBring] = sending ? ['have ready', 'have ready'] : ['carry', 'bring'];
    if (instead.length > 0) {
      // Ways round for answers not yet given ("Under 350 g: … From 350 g: …") are said as such.
      const cases = instead.some((text) => CASES.test(text));
      sentences.push(
        cases
          ? `For ${name}, ${sending ? 'which papers to have ready' : 'what to carry'} depends on ${dependsOn(instead.join(' '), name)}. ${instead.join(' ')}`
          : whatToCarryInstead(name, toCarry, instead),
      );
    }
    if (standIns.length > 0) sentences.push(`For ${name}, ${toBring} ${joinPapers(standIns)}.`);
    const reported = new Map<string, { who: string[]; papers: string[] }>();
    // The form a paper's one reporter asks for, in its own words ("the death certificate, or the
    // extract of the death registration"), is said in that list, so the reporter is named once, not
    // again in a sentence of its own (review 28, finding 8: Vietnam's airlines, as Tiền Phong reports).
    const formSaid = new Set<string>();
    for (const d of carry) {
      const who = reportedBy(d);
      if (who.length === 0) continue;
      const own =
        who.length === 1 && carried(d) === phraseOf(d)
          ? d.forms.find((f) => f.asked_by === who[0] && f.verb === 'asks for')
          : undefined;
      const entry = reported.get(joinList(who)) ?? { who, papers: [] };
      entry.papers.push(own ? lowerFirst(own.form) : carried(d));
      if (own) formSaid.add(`${own.asked_by}\u0000${own.form}`);
      reported.set(joinList(who), entry);
    }
    const phrases = [
      ...carry.filter((d) => reportedBy(d).length === 0).map(carried),
      ...maybe.map((d) => ifYouHaveIt(d, ' ')),
    ];
    if (phrases.length > 0) {
      sentences.push(
        `${instead.length + standIns.length > 0 ? `Also ${toBring}` : `For ${name}, ${toBring}`} ${joinPapers(phrases)}.`,
      );
    }
    let saidBefore = instead.length + standIns.length + phrases.length > 0;
    for (const [who, { who: labels, papers }] of reported) {
      const lead = saidBefore ? `Also ${toBring}` : `For ${name}, ${toBring}`;
      sentences.push(`${lead} what ${who} ${askVerb(labels)}: ${joinPapers(papers)}.`);
      saidBefore = true;
    }
    // Papers the same people only suggest, or only may ask for, are said once, together: advice to
    // carry is said as advice ("Advice for driving in the United States suggests carrying …"; where
    // the urn is sent instead, "… suggests having ready …": review 17, finding 4), and
    // "ask before you travel" is kept for a paper someone may ask for.
    const askGroups = new Map<string, { docs: TravelDocument[]; suggestOnly: boolean; shared: string }>();
    for (const d of askFirst) {
      // A paper about an urn they share, said already in another's summary (review 30, finding 9).
      if (urnPapers.get(d.title)?.saidFor !== undefined) continue;
      // A paper only said to be issued, by whom, with the question to ask (review 19, finding 6).
      const issued = saidAs(d);
      if (issued !== undefined) {
        sentences.push(issued);
        continue;
      }
      const suggestOnly = onlySuggested(d);
      const sharing = urnPapers.get(d.title)?.alsoFor ?? [];
      const shared = sharing.length > 0 ? joinList([name, ...sharing]) : '';
      const key = `${askClause(d.asked_by, firmnessOn(d), '\u0001', false)}\u0000${suggestOnly}\u0000${shared}`;
      const group = askGroups.get(key) ?? { docs: [], suggestOnly, shared };
      group.docs.push(d);
      askGroups.set(key, group);
    }
    for (const { docs, suggestOnly, shared } of askGroups.values()) {
      const first = docs[0]!;
      const papers = joinPapers(docs.map((d) => (suggestOnly ? withStandIns(d, mineKeys) : phraseOf(d))));
      // Said first, a suggestion still says whom it is for, as every other first paper does: "For
      // Vovô, LATAM suggests carrying …", never the airline's words alone (review 35, t27).
      const forThem = sentences.length === 0 && !shared;
      const suggestion = askClause(
        first.asked_by,
        firmnessOn(first),
        `${sending ? 'having ready' : 'carrying'} ${papers}`,
        !forThem && !shared,
      );
      const said = suggestOnly
        ? `${forThem ? `For ${name}, ` : ''}${suggestion}.`
        : // "also" only after something to bring (Mexico City's disputed papers stand alone).
          `Ask before you travel whether you ${sentences.length > 0 ? 'also ' : ''}need ${papers}: our sources say only that ${askClause(first.asked_by, firmnessOn(first), docs.length === 1 ? itOrThem(first) : 'them', false)}.`;
      // One urn, more than one loved one: said once, naming them all. Said first, it says whom it is
      // for, as every other first sentence does ("For Max, ask before you travel…"; review 36b, 9).
      const whose = shared || (forThem && !suggestOnly ? name : '');
      sentences.push(whose ? `For ${whose}, ${said.replace(/^Ask /, 'ask ')}` : said);
    }
    // The particular form someone asks for, so nobody packs a copy where the original is needed.
    const forms = new Map<string, { verb: string; wanted: string[] }>();
    // A paper said inside what stands in for a missing one ("… with the crematorium's certificate")
    // keeps its particular form: the Royal British Legion's overseas certificate, for a stillborn
    // baby, was on the leg and gone from the summary (review 33b, Q4).
    const insideInstead = mine.filter((d) => named.has(d.key) && haveReady(d) && firmly(d));
    for (const { asked_by, form, verb } of [...carry, ...maybe, ...insideInstead].flatMap((d) => d.forms)) {
      if (formSaid.has(`${asked_by}\u0000${form}`)) continue;
      const key = `${asked_by}\u0000${verb}`;
      const entry = forms.get(key) ?? { verb, wanted: [] };
      entry.wanted.push(lowerFirst(form));
      forms.set(key, entry);
    }
    // Forms with commas of their own are kept apart ("…, apostilled; and …"), and a form made ahead
    // (apostilled, translated) that someone only may ask for is asked about before travel, as the
    // list says of such a paper (review 15, findings 2–3; review 24, finding 2: Tenerife's list).
    for (const [key, { verb, wanted }] of forms) {
      const asker = key.split('\u0000')[0]!;
      const whom = /\bconsul/i.test(asker) ? ' the consulate' : '';
      const first =
        verb === 'may ask for' && wanted.every((form) => MADE_AHEAD.test(form))
          ? `: ask${whom} before you travel whether you need ${wanted.length === 1 ? 'it' : 'them'}`
          : '';
      sentences.push(`${capitalise(asker)} ${verb} ${joinPapers(wanted)}${first}.`);
    }
    // Papers missing for the same reason, asked for by the same people, are said once, together.
    const said = new Map<
      string,
      {
        status: TravelDocument['status'];
        reason: string;
        askers: string;
        verb: string;
        nouns: string[];
        onlyTogether: boolean;
      }
    >();
    const together = new Map<string, TravelDocument['status']>();
    const togetherFirmness = new Map<string, AskFirmness>();
    const togetherBag = new Map<string, string | null>();
    for (const d of missing) {
      // Advice to people leaving their own country is nobody to tell (document-list.ts).
      // Only those who take nothing this family has instead (Emirates, in the cabin, takes the
      // cremation certificate) are said to ask for it.
      // The usual papers for any border are our suggestion, not anyone asking: they are named only
      // where nobody else asks, as what those papers include.
      const askedBy = d.unmet_for.filter(
        (who) => !who.startsWith(ADVICE_FOR_LEAVING) && !onlyGuidesOn(d)(who) && who !== GENERAL_PAPERS,
      );
      const usual = askedBy.length === 0 && d.unmet_for.includes(GENERAL_PAPERS);
      const who = usual ? [] : namesOf(askedBy.length > 0 ? askedBy : d.unmet_for);
      const askers = usual ? GENERAL_PAPERS : joinList(who);
      // Each as firmly as its source allows: "British Airways may ask for one".
      const verb = usual ? `${USUAL_PAPERS} include \u0001` : askClause(who, firmnessOn(d), '\u0001');
      const reason = d.reason ?? '';
      const key = [d.status, reason, verb].join('\u0000');
      const onlyTogether = askedBy.length > 0 && askedBy.every((who) => d.required_together_by.includes(who));
      const group = said.get(key) ?? { status: d.status, reason, askers, verb, nouns: [], onlyTogether };
      group.nouns.push(documentNoun(d.key as DocumentKey));
      said.set(key, group);
      // Someone asking for every paper together takes nothing in its place, whether the paper
      // certainly does not exist or only may not (a baby's passport).
      for (const who of d.required_together_by) {
        if (!d.unmet_for.includes(who)) continue;
        together.set(who, together.get(who) === 'not_issued' ? 'not_issued' : d.status);
        togetherBag.set(who, togetherBagOf(d)(who));
        togetherFirmness.set(who, firmer(togetherFirmness.get(who), firmnessOn(d)(who)));
      }
    }
    for (const { status, reason, askers, verb, nouns, onlyTogether } of said.values()) {
      const papers = nouns.join(' or ');
      const one = nouns.length === 1;
      // Everyone who asks takes another paper this family has (Delta: a cremation certificate).
      if (askers === '') {
        sentences.push(
          `There ${status === 'not_issued' ? 'is' : 'may be'} no ${papers} for ${name}: ${reason}.`,
        );
        continue;
      }
      sentences.push(
        status === 'not_issued'
          ? `There is no ${papers} for ${name}: ${reason}. ${verb.replaceAll('\u0001', one ? 'one' : 'them')}${askers === GENERAL_PAPERS ? '; the papers list says what to carry instead.' : onlyTogether ? '.' : ', so it may help to tell them before you travel.'}`
          : onlyTogether
            ? `There may be no ${papers} for ${name}: ${reason}. ${verb.replaceAll('\u0001', one ? 'one' : 'them')}.`
            : `There may be no ${papers} for ${name}: ${reason}. ${verb.replaceAll('\u0001', one ? 'one' : 'them')}; if you don't have ${one ? 'it' : 'them'}, the papers list says what to carry instead.`,
      );
    }
    // A paper made only sometimes that someone takes in its place (Jamaica: a post-mortem report).
    sentences.push(...new Set(missing.flatMap(sometimesInstead)));
    // Someone who asks for all their papers together may not take a substitute: said plainly.
    if (together.size > 0) {
      const who = joinList([...together.keys()]);
      const surely = [...together.values()].includes('not_issued');
      // Named where it is one bag (Emirates, in the hold), so the way still open is plain.
      const bags = new Set(togetherBag.values());
      const bag = bags.size === 1 ? [...bags][0]! : null;
      sentences.push(
        `${togetherClause([...together.keys()], (label) => togetherFirmness.get(label) ?? 'asks for', bag ?? 'for the way you are travelling')}, so ${surely ? '' : "if you don't have every one, "}${bag ? bag.replace(/^in /, '') : 'that way'} may not be open to you: ask ${who} before you book whether what you have is enough; they may say no.`,
      );
    }
    // Another way the same source leaves open (Emirates, in the cabin, takes one paper).
    sentences.push(...new Set(otherWays));
    if (unsaidBy.length > 0)
      sentences.push(
        `Our sources don't say which papers ${joinList(unsaidBy)} ${ask} for: please ask them before you fly.`,
      );
  }
  for (const { onlyIf, documents: papers } of ifTheyDied) {
    sentences.push(
      `If ${name} ${onlyIf}, you may also need ${joinPapers(papers.map(phraseOf))}; the notes on your journey say who asks for ${papers.length === 1 ? 'it' : 'them'}.`,
    );
  }
  // A refusal other sources contradict is said after what to carry, as the disagreement it is.
  for (const { title, disputed } of refusals) {
    if (!disputed) continue;
    sentences.push(
      `Our sources disagree on whether ${disputed.about} carries ashes: one says “${title.replace(/\.$/, '')}”, and others say it does; the notes on your journey give each with its date. Please ask ${disputed.ask} in writing before you book.`,
    );
  }
  if (beforeScattering.length > 0)
    sentences.push(
      `Before you scatter, please read what the notes on your journey say: ${joinList(beforeScattering.map((title) => `“${title.replace(/\.$/, '')}”`))}.`,
    );
  if (scatteringNote !== null)
    sentences.push(`Before you scatter, please read the note on your journey about ${scatteringNote}.`);
  return {
    loved_one: name,
    text: sentences.join(' '),
    carry: carryList,
    not_issued: missing
      .filter((d) => d.status === 'not_issued')
      .map((d) => ({ document: documentPhrase(d.key as DocumentKey), reason: d.reason ?? '' })),
  };
}

/**
 * "Emirates asks for all of its papers together in the hold", "Qatar Airways and Emirates may ask for
 * all of their papers together …": each as firmly as its source allows, each clause with "its" or
 * "their" for those it names, never "Qatar Airways asks for , and Emirates may ask for all of their
 * papers" (finding 18.7's second part: a sentence naming several speakers says so).
 */
function togetherClause(
  labels: readonly string[],
  firmnessOf: (label: string) => AskFirmness,
  where: string,
): string {
  const groups = (['asks for', 'may ask for', 'suggests'] as const)
    .map((firmness) => labels.filter((label) => firmnessOf(label) === firmness))
    .filter((group) => group.length > 0);
  return groups
    .map((group, index) =>
      askClause(
        group,
        firmnessOf,
        `all of ${group.length === 1 ? 'its' : 'their'} papers together ${index === 0 ? where : 'too'}`,
        index === 0,
      ),
    )
    .join(', and ');
}

/** Everyone naming this paper only suggests it ("Advice for driving in the United States suggests …"). */
const onlySuggested = (d: TravelDocument): boolean =>
  d.asked_by.every((who) => firmnessOn(d)(who) === 'suggests');

/**
 * A death and a cremation certificate that everyone naming them takes one for the other (ANA, as two
 * Japanese funeral companies quote it) are one suggestion: "a death or cremation certificate".
 */
function eitherWay(docs: readonly TravelDocument[]): TravelDocument[] {
  const death = docs.find((d) => d.key === 'death_certificate');
  const cremation = docs.find((d) => d.key === 'cremation_certificate');
  const either = death && cremation ? eitherOf(death, cremation) : null;
  if (!either) return [...docs];
  return docs.flatMap((d) => (d === death ? [either] : d === cremation ? [] : [d]));
}

/** What to carry instead, said for each answer to a question still open ("From 24 weeks: …"). */
const CASES = /^(?:Before|From|Under) \d+ (?:weeks|g)\b[^:.]*: /;

function dependsOn(text: string, name: string): string {
  const weeks = /(?:^|\. )(?:Before|From|Under) \d+ weeks\b[^:.]*:|and (?:before|from) \d+ weeks:/.test(text);
  const weight = /\d+ g\b[^:.]*:/.test(text);
  const said = [
    ...(weeks ? [`how many weeks into the pregnancy ${name} was born`] : []),
    ...(weight ? [`what ${name} weighed`] : []),
  ];
  return said.join(' and ');
}

/**
 * A paper that may not exist, to bring if it does; where everyone asking takes another paper this
 * family has, that one is named as the way round ("…, or else a cremation certificate, which Delta
 * accepts in its place").
 */
function ifYouHaveIt(d: TravelDocument, gap: string): string {
  const otherwise =
    d.unmet_for.length === 0 && d.instead ? `, or else ${lowerFirst(d.instead.replace(/\.$/, ''))}` : '';
  return `${phraseOf(d)}${gap}if you have it${otherwise}`;
}

/** "a death certificate", or a titled paper as it reads mid-sentence. */
/**
 * A paper only suggested, said with what its suggester takes in its place where that is not on the
 * list itself ("a death or cremation certificate", as ANA is quoted), as two suggested papers that
 * stand for each other are (eitherWay): with JAL's wording no longer said for ANA, its own note
 * stands alone, and "a death certificate" would leave out half of it (review 32, r32b low finding).
 */
function withStandIns(d: TravelDocument, listed: ReadonlySet<string>): string {
  const others = acceptedInstead(d).filter((key) => !listed.has(key));
  const own = phraseOf(d);
  if (others.length === 1 && / certificate$/.test(own) && / certificate$/.test(documentNoun(others[0]!))) {
    return `${own.replace(/ certificate$/, '')} or ${documentNoun(others[0]!)}`;
  }
  return [own, ...others.map((key) => documentPhrase(key))].join(' or ');
}

function phraseOf(d: TravelDocument): string {
  const key = d.key as DocumentKey;
  return d.title === DOCUMENT_KINDS[key]?.title ? documentPhrase(key) : lowerFirst(d.title);
}

/** A title read on mid-sentence: "In Hesse, …" as "in Hesse, …"; a country's name kept. */
const lowerTitle = (title: string): string => title.replace(/^(In|As|The|A) /, (word) => word.toLowerCase());

/** Lower-cases a leading article or common word ("The hospital's…" → "the hospital's…"), never a name. */
/**
 * What stands in for a missing paper, for one loved one. Only a paper ("Whatever paperwork the
 * hospital gave you") follows "carry"; a sentence of its own ("Ask the crematorium for its
 * certificate") is said after the papers, or on its own, never as "carry Ask …" (review 35, ad: Baby
 * Tui's summary).
 */
function whatToCarryInstead(name: string, toCarry: string, instead: readonly string[]): string {
  const papers = instead.filter((text) => lowerFirst(text) !== text);
  const sentences = instead.filter((text) => lowerFirst(text) === text);
  if (papers.length === 0)
    return `For ${name}, ${sentences.join(' ').replace(/^[A-Z]/, (c) => c.toLowerCase())}`;
  return [`For ${name}, ${toCarry} ${lowerFirst(papers.join(' '))}`, ...sentences].join(' ');
}

function lowerFirst(text: string): string {
  return text.replace(
    /^(The|A|An|Any|Your|Whatever|Proof|Certified|Notarised|Original|Translations|Certificate|Letter|Copies) /,
    (word) => word.toLowerCase(),
  );
}
