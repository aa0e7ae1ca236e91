import type { PaperException, TravelBag, TravelDocument } from '../../contracts/travel-rules.js';
import {
  DOCUMENT_KINDS,
  DOCUMENT_ORDER,
  documentNoun,
  documentPhrase,
  PET_LETTER_TITLE,
} from './document-kinds.js';
import type { MissingDocument, Paperwork } from './loss-paperwork.js';
import {
  askClause,
  countryPhrase,
  type AskFirmness,
  capitalise,
  firmer,
  GENERAL_PAPERS,
  scopeLabel,
  USUAL_PAPERS,
  whoToAsk,
} from './names.js';
import { byAuthority, compareText, joinList } from './ordering.js';
import { isInDoubtPassingThrough } from './passing-through.js';
import { askerLabel, isAdviceForLeavingHome } from './speakers.js';
import {
  type DocumentAsk,
  type DocumentKey,
  type Rule,
  scopeKindOf,
  takesNoSubstitute,
} from './rule-schema.js';

/** Papers they carry, then those that may not exist, then those that do not exist for them. */
const STATUS_ORDER: readonly TravelDocument['status'][] = [
  'carry',
  'for_sending',
  'ask_first',
  'may_not_exist',
  'not_issued',
];

/** A paper the family has ready: to carry, or for whoever sends the urn where it is sent instead. */
export const haveReady = (d: TravelDocument): boolean => d.status === 'carry' || d.status === 'for_sending';

// One list of papers per loved one for the whole trip, gathered from every rule that asks for one.
// A paper that does not exist for this loved one says so, why, and what to carry instead; a paper
// that does not apply at all (a passport, for a baby lost in pregnancy) is never listed or asked.
// Also what a leg says when something there asks for a paper this family cannot show.

interface Asker {
  rule: Rule;
  ask: DocumentAsk;
}

function askersIn(rules: readonly Rule[], paperwork: Paperwork): Asker[] {
  return rules.flatMap((rule) =>
    (rule.document?.asks_for ?? []).map((ask) => ({ rule, ask: askFor(ask, paperwork) })),
  );
}

/**
 * A translation of a paper this loved one does not have is named by what stands in (review 11, 2).
 * A paper its source names only beside one this loved one lacks (Ireland's coroner's certificate,
 * beside the death certificate) is said as its source leaves it: asked about first (review 30, 4).
 */
function askFor(ask: DocumentAsk, paperwork: Paperwork): DocumentAsk {
  const without = (ask.of ?? []).some((key) => paperwork.missing.has(key) || paperwork.dropped.has(key));
  const titled = without && ask.title_without !== undefined ? { ...ask, title: ask.title_without } : ask;
  const elsewhere = diedElsewhereThan(ask, paperwork);
  if (elsewhere !== null) return { ...titled, said_as: elsewhere };
  const unsure = ask.unsure_without?.papers.some((key) => paperwork.missing.has(key)) ?? false;
  return unsure ? { ...titled, said_as: ask.unsure_without!.said_as } : titled;
}

/**
 * A paper issued for a death in one country (an Irish coroner's certificate), for a loved one the
 * family said died elsewhere: what to say in its place, naming whom to ask (review 35, u finding 4).
 */
function diedElsewhereThan(ask: DocumentAsk, paperwork: Paperwork): string | null {
  const issued = ask.issued_for_deaths_in;
  const died = paperwork.lovedOne.lossCountry;
  return issued && died !== null && !issued.countries.includes(died) ? issued.said_as : null;
}

/**
 * While the family has not said where the loved one died, what a paper issued for a death in one
 * country turns on: "“The coroner's certificate …” is issued for a death in Ireland" (review 35, u 4).
 */
export function issuedForDeathsIn(ask: DocumentAsk, paperwork: Paperwork): string | null {
  const issued = ask.issued_for_deaths_in;
  if (!issued || paperwork.lovedOne.lossCountry !== null) return null;
  const title = ask.title ?? DOCUMENT_KINDS[ask.key].title;
  return `“${title}” is issued for a death in ${joinList(issued.countries.map(countryPhrase), 'or')}`;
}

/** The paper this ask cannot be met with, when neither it nor any accepted alternative exists. */
export function unmetBy(ask: DocumentAsk, paperwork: Paperwork): MissingDocument | null {
  const missing = paperwork.missing.get(ask.key);
  if (!missing) return null;
  const alternatives = (ask.or ?? []).filter((alt) => !paperwork.dropped.has(alt));
  return alternatives.every((alt) => paperwork.missing.has(alt)) ? missing : null;
}

const ONE_PAPER: ReadonlySet<DocumentKey> = new Set(['death_certificate', 'cremation_certificate']);

/** How firmly each one named on a paper asks for it, kept beside the paper for the summary. */
const FIRMNESS_OF = new WeakMap<TravelDocument, ReadonlyMap<string, AskFirmness>>();

/** How firmly `label` asks for this paper ("asks for" unless we know it asks less firmly). */
export const firmnessOn =
  (document: TravelDocument) =>
  (label: string): AskFirmness =>
    FIRMNESS_OF.get(document)?.get(label) ?? 'asks for';

/** How the summary says a paper its source says only someone issues (rule-schema.ts, `said_as`). */
const SAID_AS = new WeakMap<TravelDocument, string>();

/** "German consulates in Canada issue an urn transport permit; ask them whether you need one." */
export const saidAs = (document: TravelDocument): string | undefined => SAID_AS.get(document);

/**
 * The words naming who takes another paper in this one's place, or this one in another's ("For
 * Delta, a cremation certificate is enough in its place."): left out where the two become one entry,
 * which says "Either one is enough for …" instead.
 */
const TAKEN_INSTEAD_WORDS = new WeakMap<TravelDocument, readonly string[]>();

/** Papers every one who names this paper takes in its place (ANA: a death or cremation certificate). */
const ACCEPTS_INSTEAD = new WeakMap<TravelDocument, ReadonlySet<DocumentKey>>();

/** Papers every one naming this paper takes in its place (Delta: a cremation certificate for a death certificate). */
export const acceptedInstead = (document: TravelDocument): readonly DocumentKey[] => [
  ...(ACCEPTS_INSTEAD.get(document) ?? []),
];

/**
 * Two papers on the list that everyone naming either takes in place of the other, as one entry: "a
 * death or cremation certificate", never two suggestions (review 10, finding 8). Null otherwise.
 */
export function eitherOf(a: TravelDocument, b: TravelDocument): TravelDocument | null {
  const keyA = a.key as DocumentKey;
  const keyB = b.key as DocumentKey;
  if (!ACCEPTS_INSTEAD.get(a)?.has(keyB) || !ACCEPTS_INSTEAD.get(b)?.has(keyA)) return null;
  const nouns = [documentPhrase(keyA), documentNoun(keyB)];
  const either: TravelDocument = {
    ...a,
    title: capitalise(`${nouns[0]!.replace(/ certificate$/, '')} or ${nouns[1]}`),
    asked_by: namesOf([...a.asked_by, ...b.asked_by]),
    rule_ids: [...new Set([...a.rule_ids, ...b.rule_ids])].sort(compareText),
    forms: [...a.forms, ...b.forms],
    // Brought when either is firmly asked for; asked about first only when both are.
    status: a.status === 'ask_first' ? b.status : a.status,
  };
  const firmness = new Map(FIRMNESS_OF.get(a));
  for (const [label, how] of FIRMNESS_OF.get(b) ?? []) firmness.set(label, firmer(firmness.get(label), how));
  FIRMNESS_OF.set(either, firmness);
  GUIDANCE_ON.set(either, new Set([...(GUIDANCE_ON.get(a) ?? []), ...(GUIDANCE_ON.get(b) ?? [])]));
  SECOND_HAND_ON.set(either, new Set([...(SECOND_HAND_ON.get(a) ?? []), ...(SECOND_HAND_ON.get(b) ?? [])]));
  return either;
}

/** Papers made only sometimes (a post-mortem report): never said to be in hand, only "if one was done". */
const MADE_ONLY_SOMETIMES: ReadonlySet<DocumentKey> = new Set(['post_mortem_report']);

/** For a paper this family lacks, who takes a paper made only sometimes in its place (review 12, 2). */
const SOMETIMES_INSTEAD = new WeakMap<TravelDocument, ReadonlyMap<string, readonly DocumentKey[]>>();

/** "Jamaica's High Commission in London accepts a post-mortem report (if one was done) in its place." */
export function sometimesInstead(document: TravelDocument): string[] {
  return [
    ...[...(SOMETIMES_INSTEAD.get(document) ?? [])].map(
      ([label, keys]) =>
        `${capitalise(label)} accepts ${keys.map((key) => documentPhrase(key)).join(' or ')} in its place.`,
    ),
    ...(WORDS_INSTEAD.get(document) ?? []),
  ];
}

/** For a paper this family lacks, what its askers take in its place in their own words (`or_words`). */
const WORDS_INSTEAD = new WeakMap<TravelDocument, readonly string[]>();

/** "Poland's mission in Ireland also accepts “another document confirming the death” in its place." */
function inTheirWords(asks: readonly { rule: Rule; ask: DocumentAsk }[]): string[] {
  return [
    ...new Set(
      asks.flatMap(({ rule, ask }) =>
        ask.or_words === undefined
          ? []
          : [`${capitalise(askerLabel(rule))} also accepts “${ask.or_words}” in its place.`],
      ),
    ),
  ];
}

/**
 * A rule for one bag only (Emirates: one original paper in the cabin, all of them in the hold) is
 * named with it where it names a form of a paper, so the two never read as one list mixing "or" and
 * "and" when no bag is chosen (review 12, finding 6).
 */
function bagWords(rule: Rule): string | null {
  const bags = rule.conditions.bag ?? [];
  if (bags.length !== 1) return null;
  return bags[0] === 'carry_on' ? 'in the cabin' : 'in the hold';
}

/** For each who asks for every paper together for one bag only, that bag ("in the hold"). */
const TOGETHER_BAG = new WeakMap<TravelDocument, ReadonlyMap<string, string>>();
export const togetherBagOf =
  (document: TravelDocument) =>
  (label: string): string | null =>
    TOGETHER_BAG.get(document)?.get(label) ?? null;

/** Those named on a paper who only advise and sit at no desk (the Royal British Legion). */
const GUIDANCE_ON = new WeakMap<TravelDocument, ReadonlySet<string>>();

/** Whether `label` only gives guidance on this paper, so there is nobody to tell. */
export const onlyGuidesOn =
  (document: TravelDocument) =>
  (label: string): boolean =>
    GUIDANCE_ON.get(document)?.has(label) ?? false;

/**
 * Those named on a paper whose words we have from someone other than the body that sets a rule (a
 * Canadian funeral home's checklist for shipping an urn to the Bahamas): the summary says whose list
 * it is, never a bare "bring" (review 20, finding 2).
 */
const SECOND_HAND_ON = new WeakMap<TravelDocument, ReadonlySet<string>>();

/** Whether `label` is a speaker telling of others' rules on this paper, not the body that sets them. */
export const secondHandOn =
  (document: TravelDocument) =>
  (label: string): boolean =>
    SECOND_HAND_ON.get(document)?.has(label) ?? false;

const isSecondHand = (rule: Rule): boolean =>
  rule.speaker !== undefined && rule.source_kind !== 'official' && rule.source_kind !== 'consulate';

/** Each label with the firmest way any of its rules asks. */
function firmnessByLabel(rules: readonly Rule[], disputed: ReadonlySet<string>): Map<string, AskFirmness> {
  const firmness = new Map<string, AskFirmness>();
  for (const rule of rules)
    firmness.set(askerLabel(rule), firmer(firmness.get(askerLabel(rule)), howItAsks(rule, disputed)));
  return firmness;
}

/** The bags of the legs each rule was matched on (null: the family did not say), by rule id. */
export type LegBags = ReadonlyMap<string, ReadonlySet<TravelBag | null>>;

const BAGS: readonly TravelBag[] = ['carry_on', 'checked'];

/**
 * Where one speaker asks for a paper more firmly for one bag than the other on this trip (British
 * Airways: a newspaper's "asks for" in the hold, a retailer's "may ask for" in either bag), each bag
 * is named with it, as firmly as that speaker's own rules for that bag ask, so the list says what
 * each leg says (review 20, finding 1). A rule speaks for the bag of its leg, or for every bag it
 * allows where the family has not said. Speakers asking alike for both bags are left as they are.
 */
function firmnessByBag(
  rules: readonly Rule[],
  legBags: LegBags,
  disputed: ReadonlySet<string>,
): Map<string, Map<string, AskFirmness>> {
  const byBag = new Map<string, Map<TravelBag, AskFirmness>>();
  for (const rule of rules) {
    const bags = [...(legBags.get(rule.id) ?? [])].flatMap((bag) =>
      bag === null ? (rule.conditions.bag ?? BAGS) : [bag],
    );
    const label = askerLabel(rule);
    const own = byBag.get(label) ?? new Map<TravelBag, AskFirmness>();
    for (const bag of bags) own.set(bag, firmer(own.get(bag), howItAsks(rule, disputed)));
    byBag.set(label, own);
  }
  const split = new Map<string, Map<string, AskFirmness>>();
  // One asking for every paper together already names its bag (Emirates, in the hold: TOGETHER_BAG).
  const together = new Set(rules.filter(takesNoSubstitute).map(askerLabel));
  for (const [label, own] of byBag) {
    if (own.size < 2 || new Set(own.values()).size < 2 || together.has(label)) continue;
    split.set(
      label,
      new Map(
        BAGS.map((bag) => [`${label} ${bag === 'carry_on' ? 'in the cabin' : 'in the hold'}`, own.get(bag)!]),
      ),
    );
  }
  return split;
}

/**
 * `disputed`: the rules the same speaker's own sources disagree with (`disputedByOwnSources` in
 * speakers.ts), which only "may ask for" their papers. `legBags`: each rule's legs' bags.
 */
export function buildDocumentList(
  rules: readonly Rule[],
  paperwork: Paperwork,
  disputed: ReadonlySet<string>,
  legBags?: LegBags,
  /**
   * Whether this loved one's urn is sent instead, where a country does not allow a family to carry
   * it (Germany): their papers go with the urn, through whoever sends it, never in the family's bag
   * (review 35, t05): "for_sending", not "carry".
   */
  urnSent = false,
): TravelDocument[] {
  const asks = (rule: Rule) => howItAsks(rule, disputed);
  const groups = new Map<string, Asker[]>();
  for (const asker of askersIn(rules, paperwork)) {
    if (paperwork.dropped.has(asker.ask.key)) continue;
    // A death or cremation certificate is one paper whatever a source calls it ("the crematorium's
    // certificate for taking ashes overseas"), so it is listed once; other papers with their own
    // names (one country's permit, another's) stay apart.
    const title = ONE_PAPER.has(asker.ask.key)
      ? ''
      : (asker.ask.title ?? DOCUMENT_KINDS[asker.ask.key].title);
    const key = `${asker.ask.key}\u0000${title}`;
    groups.set(key, [...(groups.get(key) ?? []), asker]);
  }
  const name = paperwork.lovedOne.name;
  // Only where no bag is chosen do one speaker's rules for both bags meet (Emirates): then each is
  // named with its bag; with a bag chosen, the speaker alone is named, as before.
  // A speaker whose one bag takes no substitute (Qatar's hold) and whose other bag names no paper
  // (Qatar's cabin) has rules for both bags too (review 18, finding 1).
  const bagsOf = new Map<string, Set<string>>();
  const conditional = new Set(rules.filter(takesNoSubstitute).map(askerLabel));
  for (const rule of rules) {
    const words = rule.document?.asks_for || conditional.has(askerLabel(rule)) ? bagWords(rule) : null;
    if (words !== null) bagsOf.set(askerLabel(rule), (bagsOf.get(askerLabel(rule)) ?? new Set()).add(words));
  }
  const bothBags = (rule: Rule) => (bagsOf.get(askerLabel(rule))?.size ?? 0) > 1;
  const bagLabel = (rule: Rule): string =>
    bothBags(rule) ? `${askerLabel(rule)} ${bagWords(rule)!}` : askerLabel(rule);
  const oneBagOf = (these: readonly Rule[]): string | null => {
    const bags = new Set(these.map((rule) => (bothBags(rule) ? bagWords(rule) : null)));
    return bags.size === 1 ? [...bags][0]! : null;
  };
  // Each paper someone takes in place of another they ask for, with who: said on that paper's own
  // entry too, so a family holding only it sees it will do (review 35b, fixAE finding 2).
  const insteadOf: { alt: DocumentKey; key: DocumentKey; takers: string[] }[] = [];
  const entries = [...groups.values()].map((askers) => {
    const { key } = askers[0]!.ask;
    const title = ONE_PAPER.has(key) ? undefined : withName(askers[0]!.ask.title, key, name);
    const byBag = legBags
      ? firmnessByBag(
          askers.map((a) => a.rule),
          legBags,
          disputed,
        )
      : new Map<string, never>();
    const byBagOf = (label: string): string[] => [...(byBag.get(label)?.keys() ?? [label])];
    const labels = labelsOf(askers.map(({ rule }) => rule)).flatMap(byBagOf);
    const firmness = new Map([
      ...firmnessByLabel(
        askers.map((a) => a.rule),
        disputed,
      ),
      ...[...byBag.values()].flatMap((bags) => [...bags]),
    ]);
    // Where someone asks for a particular form of the one paper (the original, legalised at a
    // consulate), it is said, by whom: a family packing from the list must not bring a copy.
    const forms = ONE_PAPER.has(key)
      ? [
          ...new Map(
            askers.flatMap(({ rule, ask }) =>
              ask.title
                ? [
                    [
                      `${bagLabel(rule)}\u0000${ask.title}`,
                      { asked_by: bagLabel(rule), form: ask.title, verb: asks(rule) },
                    ],
                  ]
                : [],
            ),
          ).values(),
        ]
      : [];
    const otherNames = forms.map((f) => ` ${capitalise(f.asked_by)} ${f.verb}: “${f.form}”.`);
    const alternatives = [...new Set(askers.flatMap(({ ask }) => ask.or ?? []))].filter(
      (alt) => !paperwork.dropped.has(alt),
    );
    const source = askers.map((a) => a.rule).sort(byAuthority)[0]!;
    // Whether the paper itself exists (never "carry" a death certificate that was never issued),
    // and whether anyone asking takes nothing this family has in its place.
    const own = paperwork.missing.get(key) ?? null;
    const missing = askers.map(({ ask }) => unmetBy(ask, paperwork)).find((m) => m !== null) ?? null;
    const held = alternatives.filter((alt) => !paperwork.missing.has(alt));
    const inPlace =
      own !== null && missing === null && held.length > 0
        ? `${capitalise(held.map((alt) => documentPhrase(alt)).join(' or '))}, which ${joinList(labels)} ${labels.length === 1 ? 'accepts' : 'accept'} in its place.`
        : null;
    // Everyone who asks for it and takes nothing in its place asks for all their papers together:
    // nothing here stands in for it, and that is said rather than "whoever asks can tell you".
    const unmetRules = askers.filter(({ ask }) => unmetBy(ask, paperwork) !== null).map((a) => a.rule);
    const closedBag = oneBagOf(unmetRules);
    const closedWay =
      missing !== null && unmetRules.length > 0 && unmetRules.every((rule) => takesNoSubstitute(rule))
        ? `${own?.certainty === 'maybe' ? 'If there is one, bring it. If not, ' : ''}${everyPaperTogether(unmetRules, askerLabel, disputed, closedBag ?? 'for the way you are travelling', own?.certainty !== 'maybe')}, so ${closedBag ? closedBag.replace(/^in /, '') : 'that way'} may not be open to you: ask before you book whether what you have is enough.`
        : null;
    // A paper this loved one has none of (a pet's death certificate) is never offered in its place
    // (review 35, ad: "Some accept a death certificate instead" said for Bruno, a dog).
    const offered = alternatives.filter((alt) => paperwork.missing.get(alt)?.certainty !== 'yes');
    // Who takes each paper in its place is named, never "some" (review 35b, fixAE finding 2: "Some
    // accept a cremation certificate instead" beside "Asked for by Delta", which takes either).
    const takersOf = (alt: DocumentKey) =>
      namesOf(askers.filter(({ ask }) => (ask.or ?? []).includes(alt)).map(({ rule }) => bagLabel(rule)));
    const byTakers = new Map<string, { takers: string[]; alts: DocumentKey[] }>();
    for (const alt of offered) {
      const takers = takersOf(alt);
      const at = takers.join('\u0000');
      byTakers.set(at, { takers, alts: [...(byTakers.get(at)?.alts ?? []), alt] });
    }
    const accepted = [...byTakers.values()]
      .map(
        ({ takers, alts }) =>
          ` For ${joinList(takers)}, ${alts.map((alt) => documentPhrase(alt)).join(' or ')} is enough in its place.`,
      )
      .join('');
    for (const { takers, alts } of byTakers.values()) {
      for (const alt of alts) insteadOf.push({ alt, key, takers });
    }
    // A paper everyone naming only "may ask for" (a country only passed through, a weak source) is
    // asked about before travel, as the summary says it: never "carry" beside it (review 26, 6).
    const howFirm = (label: string) => firmness.get(label) ?? 'asks for';
    const onlyMayAsk =
      !labels.includes(GENERAL_PAPERS) &&
      !labels.some((label) => howFirm(label) === 'asks for') &&
      labels.some((label) => howFirm(label) === 'may ask for');
    // Only where every one naming it says only who issues it: anyone asking for it is said as asking.
    const said = askers.map(({ ask }) => ask.said_as);
    const issued = said.every((one) => one !== undefined && one === said[0]) ? said[0] : undefined;
    // A paper its source only says someone issues (Germany's missions' certificate), or names only
    // beside a paper this loved one lacks, is asked about first, as the summary says: never "carry"
    // beside "ask them whether you need one" (review 30, finding 5).
    const status: TravelDocument['status'] =
      own !== null
        ? own.certainty === 'yes'
          ? 'not_issued'
          : 'may_not_exist'
        : onlyMayAsk || issued !== undefined
          ? 'ask_first'
          : urnSent
            ? 'for_sending'
            : 'carry';
    // A paper that does not exist for them gets no word on how to carry it ("a certified copy is
    // what is usually asked for"): only who asks, then what they carry instead (review 13, 14).
    const carrying = status === 'not_issued' ? '' : `${DOCUMENT_KINDS[key].hint} `;
    const formNotes = status === 'not_issued' ? [] : [...new Set(otherNames)];
    // What those asking take in its place in their own words, where this loved one has none.
    const theirWords = missing !== null ? inTheirWords(askers) : [];
    // Said as the summary says it ("German consulates in Canada issue …; ask them whether you need
    // one"), never "… suggests it": its source suggests nothing (fix24b).
    const whoAsks = issued ?? `${askedBy(labels, firmness, urnSent)}.`;
    const document: TravelDocument = {
      loved_one: name,
      key,
      title:
        title ??
        (key === 'deceased_passport'
          ? `${name}’s passport`
          : key === 'funeral_director_declaration' && paperwork.lovedOne.kind === 'pet'
            ? PET_LETTER_TITLE
            : DOCUMENT_KINDS[key].title),
      detail: `${carrying}${whoAsks}${formNotes.join('')}${accepted}${theirWords.map((words) => ` ${words}`).join('')}`,
      asked_by: labels,
      source_url: source.source_url,
      status,
      reason: own?.reason ?? null,
      not_registered: own?.registration?.registered === false,
      registered_on: own?.registration?.registered === true ? own.registration.on : null,
      registration_optional: own?.registration?.registered === true && own.registration.optional,
      reason_region: own?.region ?? null,
      instead: closedWay ?? missing?.instead ?? inPlace ?? own?.instead ?? null,
      instead_includes: missing ? [...missing.insteadIncludes] : inPlace ? held : [],
      forms,
      unmet_for: namesOf(
        askers
          .filter(({ ask }) => unmetBy(ask, paperwork) !== null)
          .flatMap(({ rule }) => byBagOf(askerLabel(rule))),
      ),
      required_together_by: namesOf(
        askers.filter(({ rule }) => takesNoSubstitute(rule)).map(({ rule }) => askerLabel(rule)),
      ),
      rule_ids: [...new Set([...askers.map((a) => a.rule.id), ...(missing?.ruleIds ?? [])])].sort(
        compareText,
      ),
    };
    FIRMNESS_OF.set(document, firmness);
    if (accepted !== '') TAKEN_INSTEAD_WORDS.set(document, [accepted]);
    if (issued !== undefined) SAID_AS.set(document, issued);
    if (theirWords.length > 0) WORDS_INSTEAD.set(document, theirWords);
    TOGETHER_BAG.set(
      document,
      new Map(
        askers
          .filter(({ rule }) => takesNoSubstitute(rule) && bothBags(rule))
          .map(({ rule }) => [askerLabel(rule), bagWords(rule)!] as const),
      ),
    );
    SOMETIMES_INSTEAD.set(
      document,
      new Map(
        askers.flatMap(({ rule, ask }) => {
          const made = (ask.or ?? []).filter((alt) => MADE_ONLY_SOMETIMES.has(alt));
          return own !== null && made.length > 0 ? [[askerLabel(rule), made] as const] : [];
        }),
      ),
    );
    ACCEPTS_INSTEAD.set(
      document,
      new Set(alternatives.filter((alt) => askers.every(({ ask }) => (ask.or ?? []).includes(alt)))),
    );
    GUIDANCE_ON.set(
      document,
      new Set(
        askers.filter(({ rule }) => isGuidanceOnly(rule, disputed)).map(({ rule }) => askerLabel(rule)),
      ),
    );
    const firstHand = new Set(
      askers.filter(({ rule }) => !isSecondHand(rule)).map(({ rule }) => askerLabel(rule)),
    );
    SECOND_HAND_ON.set(
      document,
      new Set(askers.map(({ rule }) => askerLabel(rule)).filter((label) => !firstHand.has(label))),
    );
    return { key, titled: title !== undefined, document };
  });
  // The papers they carry come first; one that may not exist next, and one that does not exist for
  // them last, after what they carry instead has been listed (review 13, finding 14).
  for (const entry of entries) {
    const { document } = entry;
    if (entry.titled || (document.status !== 'carry' && document.status !== 'ask_first')) continue;
    const taken = insteadOf.filter(({ alt }) => alt === entry.key);
    if (taken.length === 0) continue;
    const words = taken.map(
      ({ key, takers }) => ` For ${joinList(takers)}, it is enough in place of ${documentPhrase(key)}.`,
    );
    document.detail = `${document.detail}${words.join('')}`;
    TAKEN_INSTEAD_WORDS.set(document, [...(TAKEN_INSTEAD_WORDS.get(document) ?? []), ...words]);
  }
  const byStatus = (entry: (typeof entries)[number]) => STATUS_ORDER.indexOf(entry.document.status);
  return oneOfEither(
    entries
      .sort(
        (a, b) =>
          byStatus(a) - byStatus(b) ||
          DOCUMENT_ORDER.indexOf(a.key) - DOCUMENT_ORDER.indexOf(b.key) ||
          Number(a.titled) - Number(b.titled) ||
          compareText(a.document.title, b.document.title),
      )
      .map((entry) => entry.document),
  );
}

/**
 * A death and a cremation certificate that everyone naming either takes in place of the other (ANA,
 * as two Japanese companies quote it: "a death or cremation certificate") are one entry on the list,
 * as in the summary, never two papers to carry (review 30, finding 9). Only where both exist.
 */
function oneOfEither(documents: readonly TravelDocument[]): TravelDocument[] {
  const held = (d: TravelDocument) => haveReady(d) || d.status === 'ask_first';
  const death = documents.find((d) => d.key === 'death_certificate' && held(d));
  const cremation = documents.find((d) => d.key === 'cremation_certificate' && held(d));
  const either = death && cremation ? eitherOf(death, cremation) : null;
  if (!either) return [...documents];
  const detail = [death!, cremation!]
    .map((d) =>
      (TAKEN_INSTEAD_WORDS.get(d) ?? []).reduce(
        (text, words) => text.replace(words, ''),
        d.detail.replace(d === cremation ? `${DOCUMENT_KINDS.cremation_certificate.hint} ` : '', ''),
      ),
    )
    .join(' ');
  const one: TravelDocument = {
    ...either,
    detail: `${detail} Either one is enough for ${joinList(either.asked_by)}.`,
  };
  FIRMNESS_OF.set(one, FIRMNESS_OF.get(either)!);
  GUIDANCE_ON.set(one, GUIDANCE_ON.get(either)!);
  SECOND_HAND_ON.set(one, SECOND_HAND_ON.get(either)!);
  return documents.flatMap((d) => (d === death ? [one] : d === cremation ? [] : [d]));
}

/**
 * A source's own name for the passport ("a copy of the ID or passport of the person who died", as
 * Thailand's embassy in Brussels puts it) says whose it is: "A copy of Mae’s identity card or
 * passport" (review 12, finding 8), as the bare key does ("Mae’s passport").
 */
function withName(title: string | undefined, key: DocumentKey, name: string): string | undefined {
  if (title === undefined || key !== 'deceased_passport' || !name) return title;
  return title.replace(/\bthe ([^,]+?) of the person who died\b/, `${name}’s $1`);
}

/**
 * "Emirates may ask for every paper together in the hold", "Qatar Airways and Emirates ask for …":
 * each named as firmly as its source allows, with the verb for one or for several, never "asks"
 * after two names nor "ask" for one who only may (finding 18.7's second part).
 */
function everyPaperTogether(
  rules: readonly Rule[],
  labelOf: (rule: Rule) => string,
  disputed: ReadonlySet<string>,
  where: string,
  startsSentence: boolean,
): string {
  const firmness = new Map<string, AskFirmness>();
  for (const rule of rules)
    firmness.set(labelOf(rule), firmer(firmness.get(labelOf(rule)), howItAsks(rule, disputed)));
  const object = `every paper together${where ? ` ${where}` : ''}`;
  return askClause(
    namesOf([...firmness.keys()]),
    (label) => firmness.get(label) ?? 'asks for',
    object,
    startsSentence,
    `${object.replace(/ (?:in|for) .*$/, '')} too`,
  );
}

/**
 * "Asked for by Vueling and Spain", or, where some only may ask or suggest, each as firmly as
 * their source allows ("Asked for by Vueling; British Airways may ask for it").
 */
function askedBy(
  labels: readonly string[],
  firmness: ReadonlyMap<string, AskFirmness>,
  urnSent: boolean,
): string {
  const firm = labels.filter((label) => (firmness.get(label) ?? 'asks for') === 'asks for');
  const rest = labels.filter((label) => !firm.includes(label));
  const parts = [
    ...(firm.length > 0 ? [`Asked for by ${joinList(firm)}`] : []),
    ...(rest.length > 0
      ? [
          askClause(
            rest,
            (label) => firmness.get(label) ?? 'asks for',
            'it',
            firm.length === 0,
            'it',
            urnSent ? (thing) => `is for ${thing} to go with the urn` : undefined,
          ),
        ]
      : []),
  ];
  return parts.join('; ');
}

/**
 * Guidance from someone who sets no rule (the Royal British Legion, on leaving and coming back to
 * the UK), named by its `speaker` and only suggesting: nobody at a desk asks for the paper, so
 * there is nobody to tell (review 8, finding 8).
 */
const isGuidanceOnly = (rule: Rule, disputed: ReadonlySet<string>): boolean =>
  // A mission's page advising on another country's rules checks nothing: the US Embassy in London
  // is never someone to let know that a baby has no death certificate (review 35, finding 2).
  rule.only_advises === true ||
  // Advice for a drive (a legal-information site on driving ashes within the US) is nobody at a
  // desk either: "let the authorities in the United States know" would send a family looking for
  // someone to tell (review 27, finding 5).
  ((rule.speaker !== undefined || scopeKindOf(rule) === 'road') &&
    rule.source_kind !== 'official' &&
    rule.source_kind !== 'consulate' &&
    howItAsks(rule, disputed) === 'suggests');

/** Who asks, each source named once however many of its rules apply (France's prefect, twice). */
function labelsOf(rules: readonly Rule[]): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const rule of rules) {
    if (seen.has(rule.source_url)) continue;
    seen.add(rule.source_url);
    labels.push(askerLabel(rule));
  }
  return namesOf(labels);
}

// Only an official or consular body (or a carrier) asking is someone to let know that a paper is
// missing: the usual papers for any border, a charity or a guide is nobody at a desk (review 9, 13).
const isContactable = (rule: Rule): boolean =>
  scopeLabel(rule) !== GENERAL_PAPERS &&
  rule.only_advises !== true &&
  (rule.speaker === undefined || rule.source_kind === 'official' || rule.source_kind === 'consulate');

// Whom to let know is whom the note names as asking: the US Embassy in London, never the UK's own
// consulates (review 9, 6). One consulate serving part of home stands for the one serving the family;
// where the family lives elsewhere (a death in the US, a family in the Philippines), the consulate
// that asks is the one to tell, never "the authorities" at home (review 21, finding 7).
const contactOf = (rule: Rule, home: string): string =>
  rule.speaker !== undefined &&
  (rule.serves_part_of_home !== true || !(rule.conditions.home ?? []).includes(home))
    ? rule.speaker
    : whoToAsk(rule, home);

/** One note per paper on this leg that is asked for but does not (or may not) exist for this loved one. */
/** Why a paper is missing, said once per trip: where each reason was first said (a leg's phrase). */
export interface ReasonsSaid {
  said: Map<string, string>;
  /** The leg being read, as a family names it ("the flight from the United States to Germany"). */
  here: string;
}

export function paperExceptions(
  rules: readonly Rule[],
  paperwork: Paperwork,
  home: string,
  disputed: ReadonlySet<string>,
  legBag?: TravelBag | null,
  reasonsSaid?: ReasonsSaid,
): PaperException[] {
  const byKey = new Map<DocumentKey, { rules: Rule[]; asks: Asker[]; missing: MissingDocument }>();
  for (const { rule, ask } of askersIn(rules, paperwork)) {
    if (paperwork.dropped.has(ask.key)) continue;
    const missing = unmetBy(ask, paperwork);
    if (!missing) continue;
    const entry = byKey.get(ask.key) ?? { rules: [], asks: [], missing };
    if (!entry.rules.includes(rule)) entry.rules.push(rule);
    entry.asks.push({ rule, ask });
    byKey.set(ask.key, entry);
  }
  const name = paperwork.lovedOne.name;
  return DOCUMENT_ORDER.flatMap((key): PaperException[] => {
    const entry = byKey.get(key);
    if (!entry) return [];
    const sorted = [...entry.rules].sort(byAuthority);
    const named = labelsOf(sorted);
    // The usual papers are a suggestion, never one of those who ask (review 6, finding 7).
    // Where the bag is not said, a speaker asking differently for the two is said bag by bag.
    const byBag =
      legBag === undefined
        ? new Map<string, never>()
        : firmnessByBag(sorted, new Map(sorted.map((rule) => [rule.id, new Set([legBag])])), disputed);
    const labels = named
      .filter((label) => label !== GENERAL_PAPERS)
      .flatMap((label) => [...(byBag.get(label)?.keys() ?? [label])]);
    // Advice for leaving home is not anyone asking at a desk: there is nobody there to tell.
    const askers = sorted.filter(
      (rule) => !isAdviceForLeavingHome(rule) && !isGuidanceOnly(rule, disputed) && isContactable(rule),
    );
    const whom =
      askers.length > 0 ? joinList([...new Set(askers.map((rule) => contactOf(rule, home)))]) : null;
    const firmness = new Map([
      ...firmnessByLabel(sorted, disputed),
      ...[...byBag.values()].flatMap((bags) => [...bags]),
    ]);
    const paper = documentPhrase(key, name);
    // The way forward a source gives in its own words ("another document confirming the death").
    const words = inTheirWords(entry.asks)
      .map((sentence) => ` ${sentence}`)
      .join('');
    const lead =
      entry.missing.certainty === 'yes' ? `There isn't one for ${name}` : `It may not exist for ${name}`;
    // Why there is none is said in full on the first leg; a later leg points to it (review 32, r32b:
    // Texas's long reason for a baby, on every leg of the trip).
    const reasonKey = `${name}|${key}|${entry.missing.reason}`;
    const saidFor = reasonsSaid?.said.get(reasonKey);
    if (reasonsSaid && saidFor === undefined) reasonsSaid.said.set(reasonKey, reasonsSaid.here);
    const exists =
      saidFor === undefined
        ? `${lead}: ${entry.missing.reason}.${words}`
        : `${lead}, as said for ${saidFor}.${words}`;
    // Everyone here who asks for it asks for all their papers together (Emirates, in the hold):
    // nothing on the papers list stands in for it with them.
    const together = askers.filter((rule) => takesNoSubstitute(rule));
    const closed =
      together.length > 0
        ? ` ${everyPaperTogether(together, (rule) => contactOf(rule, home), disputed, '', true)}, so ${entry.missing.certainty === 'yes' ? '' : 'if there is none, '}this way may not be open to you: ask before you book whether what you have is enough.`
        : '';
    const others = sorted.filter((rule) => !together.includes(rule));
    const otherWhom = joinList([
      ...new Set(
        others
          .filter(
            (rule) => !isAdviceForLeavingHome(rule) && !isGuidanceOnly(rule, disputed) && isContactable(rule),
          )
          .map((rule) => contactOf(rule, home)),
      ),
    ]);
    const then =
      together.length === 0
        ? ` The papers list says what to carry instead${whom ? `, and it may help to let ${whom} know before you travel` : ''}.`
        : others.length === 0
          ? closed
          : ` The papers list says what to carry instead${otherWhom ? `, and it may help to let ${otherWhom} know before you travel` : ''}.${closed}`;
    return [
      {
        loved_one: name,
        message: `${labels.length > 0 ? askClause(labels, (label) => firmness.get(label) ?? 'asks for', paper, true, paper.startsWith('a ') ? 'one' : 'it') : `${USUAL_PAPERS} include ${paper}`}. ${exists}${then}`,
        rule_ids: [...sorted.map((rule) => rule.id), ...entry.missing.ruleIds].sort(compareText),
      },
    ];
  });
}

/**
 * A rule that asks for, accepts, or quotes a source asking for the passport of the person who died
 * ("…or the original passport of the person who died"). For a baby lost in pregnancy, or a pet,
 * the requirement then says plainly that there is none to bring, whichever way the rule puts it.
 */
function speaksOfTheirPassport(rule: Rule): boolean {
  const asked = (rule.document?.asks_for ?? []).some(
    (ask) => ask.key === 'deceased_passport' || (ask.or ?? []).includes('deceased_passport'),
  );
  return asked || /passport of the person who died/i.test(rule.detail);
}

/**
 * How firmly a rule asks for a paper, so a summary never says "asks for" of advice: a requirement
 * asks; a warning resting on a weak source may ask; a recommendation or a note suggests.
 */
function howItAsks(rule: Rule, disputed: ReadonlySet<string>): TravelDocument['forms'][number]['verb'] {
  // A source the same speaker's other sources disagree with (Mexico City airport's two pages) is in
  // doubt; one only another speaker disagrees with (Royal Caribbean, beside England's advice for
  // water) still asks as firmly as it does, and the conflict is shown beside it (finding 18.7).
  if (disputed.has(rule.id)) return 'may ask for';
  // A consulate speaking for another part of the country (Edinburgh, to a family in Wales).
  if (rule.serves_part_of_home) return 'may ask for';
  // A checklist for shipping an urn as cargo, said to a family carrying it (review 22, finding 4).
  if (rule.speaks_for_shipping) return 'may ask for';
  // A country's entry rule said to a family only passing through it (Germany, on the train to
  // Austria), however firmly it asks otherwise: a paper its source says only someone issues
  // (Germany's missions' certificate, review 27, finding 12) is asked about first too.
  if (isInDoubtPassingThrough(rule)) return 'may ask for';
  // A mission that only advises never asks (review 35, finding 2), whatever its severity says.
  if (rule.only_advises || rule.severity === 'recommended' || rule.severity === 'info') return 'suggests';
  return rule.confidence === 'low' ? 'may ask for' : 'asks for';
}

/** What a requirement means for this family, when it asks for papers they do not have. */
export function forThisFamily(
  rules: readonly Rule[],
  paperworks: readonly Paperwork[],
  home?: string,
  otherWays?: (rule: Rule, paperwork: Paperwork) => string | null,
  said: Set<string> = new Set(),
): string | null {
  const notes: string[] = [];
  // "For Zara there is no death certificate" is said once on a leg, on the first requirement that
  // asks for it, never again under each other one (review 9, finding 9).
  // The same note for more than one loved one (twins sharing an urn) is one note naming them all,
  // in the place the first one's stood: "For Ola and Ela: …", never the same words twice in a line
  // (review 31, finding 8). Each one's own note still counts as said, for later requirements.
  const shared = new Map<string, { at: number; names: string[]; say: (who: string) => string }>();
  const onceFor = (name: string, key: string, say: (who: string) => string) => {
    if (said.has(say(name))) return;
    said.add(say(name));
    const entry = shared.get(key);
    if (entry) {
      entry.names.push(name);
      return;
    }
    shared.set(key, { at: notes.length, names: [name], say });
    notes.push('');
  };
  for (const paperwork of paperworks) {
    const name = paperwork.lovedOne.name;
    const asks = askersIn(rules, paperwork).filter(({ ask }) => !paperwork.dropped.has(ask.key));
    const unmet = asks.flatMap(({ rule, ask }) => {
      const missing = unmetBy(ask, paperwork);
      return missing ? [{ rule, missing }] : [];
    });
    // A source asking for every paper together takes no substitute: whether the missing paper
    // certainly does not exist (a death certificate before 24 weeks) or only may not (a baby's
    // passport), this way may be closed to the family, and the papers list is no way round.
    const together = unmet.filter((u) => takesNoSubstitute(u.rule));
    const togetherKeys = new Set(together.map((u) => u.missing.key));
    const missing = [...new Map(unmet.map((u) => [u.missing.key, u.missing])).values()].filter(
      (m) => !togetherKeys.has(m.key),
    );
    // "There is no death certificate or cremation certificate", never "… and …".
    const phrases = (certainty: string) =>
      joinOr(missing.filter((m) => m.certainty === certainty).map((m) => documentNoun(m.key)));
    const sure = phrases('yes');
    const maybe = phrases('maybe');
    if (together.length > 0) {
      const papersWith = (certainty: string) =>
        joinOr([
          ...new Set(
            together.filter((u) => u.missing.certainty === certainty).map((u) => documentNoun(u.missing.key)),
          ),
        ]);
      const surely = papersWith('yes');
      const perhaps = papersWith('maybe');
      const who = joinList([...new Set(together.map((u) => whoToAsk(u.rule, home)))]);
      const why = [
        surely ? `for ${name} there is no ${surely}` : '',
        perhaps ? `for ${name} there may be no ${perhaps}` : '',
      ]
        .filter(Boolean)
        .join(', and ');
      notes.push(
        `This asks for every one of these papers, and ${why}, so ${surely ? '' : 'if there is none, '}this way may not be open to you. Ask ${who} before you book whether what you do have is enough; they may say no.`,
      );
      const ways = otherWays ? [...new Set(together.flatMap((u) => otherWays(u.rule, paperwork) ?? []))] : [];
      notes.push(...ways);
    }
    // A paper its source names only beside one they lack, or one issued for a death where they did
    // not die: said on the leg as on the papers list. Unsaid where they died, the leg says what it
    // turns on (review 35, u finding 4).
    for (const { ask } of asks) {
      const unsure = ask.unsure_without;
      const elsewhere = diedElsewhereThan(ask, paperwork);
      const unsaid = issuedForDeathsIn(ask, paperwork);
      if (elsewhere !== null)
        onceFor(name, `elsewhere\u0000${elsewhere}`, (who) => `For ${who}: ${elsewhere}`);
      else if (unsure && unsure.papers.some((key) => paperwork.missing.has(key)))
        onceFor(name, `unsure\u0000${unsure.said_as}`, (who) => `For ${who}: ${unsure.said_as}`);
      if (unsaid !== null)
        onceFor(
          name,
          `unsaid\u0000${unsaid}`,
          (who) =>
            `For ${who}: ${unsaid}; tell us where ${who} died, and if it was elsewhere we'll say whom to ask instead.`,
        );
    }
    if (sure)
      onceFor(
        name,
        `sure\u0000${sure}`,
        (who) => `For ${who} there is no ${sure}; the papers list says what to carry instead.`,
      );
    if (maybe)
      onceFor(
        name,
        `maybe\u0000${maybe}`,
        (who) => `For ${who} there may be no ${maybe}; the papers list says what to carry instead.`,
      );
    if (paperwork.dropped.has('deceased_passport') && rules.some(speaksOfTheirPassport)) {
      notes.push(`There is no passport to bring for ${name}.`);
    }
  }
  for (const { at, names, say } of shared.values()) notes[at] = say(joinList(names));
  return notes.length > 0 ? notes.join(' ') : null;
}

/** Papers that do not exist, after "no": "a death certificate or cremation certificate". */
function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Distinct names in first-seen order, with the usual advice for any border last so the sentence reads well. */
export function namesOf(labels: readonly string[]): string[] {
  const distinct = [...new Set(labels)];
  return [
    ...distinct.filter((label) => label !== GENERAL_PAPERS),
    ...distinct.filter((label) => label === GENERAL_PAPERS),
  ];
}
