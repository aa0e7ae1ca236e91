import { regionsOf } from '../../contracts/countries.js';
import type { RuleQuestion } from '../../contracts/travel-rules.js';
import { lovedOneMatch, type LovedOneFact } from './match-conditions.js';
import { countryPhrase, regionName, regionPhrase } from './names.js';
import { joinList } from './ordering.js';
import { type DocumentKey, type DocumentNotIssued, isPaperworkRule, type Rule } from './rule-schema.js';
import type { LovedOneFacts } from './trip-facts.js';

// Which papers do not exist for a loved one, and what to carry instead. A baby born alive is
// registered at any gestation, so has birth and death certificates; a baby born without signs of
// life before a country's threshold (24 weeks in the UK; 20 weeks and 400 g in New Zealand) is not
// registered, so there is no death certificate. A baby lost in pregnancy never had a passport, and
// nobody should be asked for one. Nothing here is assumed: when a fact that decides it is missing,
// the paper "may not exist" and the family is asked, gently, once.

export type Certainty = 'yes' | 'maybe';

/**
 * not_registered: below the threshold; a paper's name: registered on that instead (`optional` where
 * registering is the parents' choice, so the paper may not exist); unsettled: either.
 */
export type Registration =
  { registered: false } | { registered: true; on: string; optional: boolean } | { registered: 'unsettled' };

/**
 * What the rules giving a reason say of registration, if they all say the same and none says it is
 * unsettled (Australia before 20 weeks, 400 g or more). Where any of them says registering is the
 * parents' choice (Ireland), it is optional: the paper is never assumed.
 */
function registrationOf(ways: readonly Way[]): Registration {
  const papers = [...new Set(ways.map((way) => way.gap.registered_on ?? ''))];
  if (papers.length !== 1 || ways.some((way) => way.gap.registration_unsettled === true))
    return { registered: 'unsettled' };
  if (papers[0] === '') return { registered: false };
  return {
    registered: true,
    on: papers[0]!,
    optional: ways.some((way) => way.gap.registration_optional === true),
  };
}

export interface MissingDocument {
  key: DocumentKey;
  certainty: Certainty;
  /** Completes "There is no death certificate: <reason>." */
  reason: string;
  instead: string;
  /** Papers `instead` already names, so the summary does not ask for them twice. */
  insteadIncludes: readonly DocumentKey[];
  /** Paperwork rules that say so; empty when the engine speaks from what it does not know. */
  ruleIds: readonly string[];
  /**
   * Why there is no such paper, for the packet: the baby is not registered at all (below the
   * threshold), is registered on another paper (named), or the rules behind the reason differ.
   */
  registration?: Registration;
  /** Said by a source that speaks for most places, not this one: never more certain than "may". */
  varies?: boolean;
  /**
   * The region (ISO 3166-2) whose own rules give the reason (Ontario's 20 weeks or 500 g), so the
   * packet's note names it and never stretches it to the country (review 17, finding 6).
   */
  region?: string;
}

export interface Paperwork {
  lovedOne: LovedOneFacts;
  missing: ReadonlyMap<DocumentKey, MissingDocument>;
  /** Papers that do not apply to this loved one at all, never listed or asked about. */
  dropped: ReadonlySet<DocumentKey>;
  questions: RuleQuestion[];
  /** No rule from our research covers the papers after a loss in pregnancy in this country ('' if unknown). */
  uncoveredLossCountry: string | null;
  /**
   * Where our rules for that country speak of other stages of pregnancy only, the stage none speaks
   * of ("at 19 weeks, weighing 300 g"); null otherwise.
   */
  uncoveredStage: string | null;
  /**
   * Where every paperwork rule for the country where the baby was born is a region's own (Canada:
   * Ontario's), the regions they speak for, and the region the family named that none speaks for
   * (null while it is not said); null otherwise. Said instead of a stage none of them speaks of.
   */
  uncoveredRegions?: { covered: readonly string[]; region: string | null } | null;
}

const NO_SOURCE_PASSPORT =
  'If they had one, bring it. If not, whoever asks for it can tell you what they will accept instead, so it helps to ask ahead.';
// Whoever checks the papers on the way, named for every way of travelling and every direction: not
// "the airline and the consulate of the country you are going to", said on ferry-only trips and on
// the way home too (review 34, finding 9).
const BABY_FALLBACK =
  'Whatever paperwork the hospital, crematorium or funeral director gave you about your baby. The hospital or the registry office where your baby was born can tell you which papers exist; whoever checks them on the way, such as the airline or ferry company or the border officers where you arrive, decides what they accept, so it helps to ask ahead.';
const PET_FALLBACK =
  'A certificate or letter from the pet crematorium saying what the container holds. It helps to ask ahead what will be accepted.';

/** One rule's word on one paper, for this loved one. */
interface Way {
  rule: Rule;
  gap: DocumentNotIssued;
  certainty: Certainty;
  /** Whether the rule's conditions certainly hold, however firmly its source speaks. */
  holds: 'yes' | 'maybe';
  /** It holds but for whether the baby was born alive, which is asked and said apart. */
  holdsButBornAlive: boolean;
  /** How local the rule is: a state's or nation's own ("In Texas, below 350 g …") is 1. */
  locality: number;
  /**
   * A region's rule while the family has not said where in the country: it adds only its own
   * "In England, …" lines to what to carry, never a reason, a certainty or a way round of its own.
   */
  regionUnsaid: boolean;
  /** Which answer to a question still open it speaks for ("From 24 weeks"); '' when it is settled. */
  label: string;
  /** No rule's: the side of a threshold none of our sources speaks of, said as unknown. */
  silent?: true;
}

type Threshold = 'gestation_weeks_lt' | 'gestation_weeks_gte' | 'birth_weight_g_lt' | 'birth_weight_g_gte';
const OPPOSITE: Readonly<Record<Threshold, { field: Threshold; words: (n: number) => string }>> = {
  gestation_weeks_gte: { field: 'gestation_weeks_lt', words: (n) => `before ${n} weeks` },
  gestation_weeks_lt: { field: 'gestation_weeks_gte', words: (n) => `from ${n} weeks` },
  birth_weight_g_gte: { field: 'birth_weight_g_lt', words: (n) => `under ${n} g` },
  birth_weight_g_lt: { field: 'birth_weight_g_gte', words: (n) => `from ${n} g` },
};

/**
 * The side of a threshold that none of our rules speaks of, as a way round of its own: before
 * review 16, Australia's rules spoke only of a baby from 20 weeks or 400 g, so at 16 weeks with the
 * weight not given, "Under 400 g, our sources on Australia don't say which papers there are". Null
 * where every answer the family might give is spoken for (New Zealand, the US), where a rule already
 * holds whatever the answer, or where a rule turns on more than one open threshold (its other side
 * is not one case).
 */
function silentSide(rules: readonly Rule[], lovedOne: LovedOneFacts, all: readonly Way[]): Way | null {
  const country = lovedOne.lossCountry;
  const speaking = all.filter((way) => !way.regionUnsaid);
  if (lovedOne.kind !== 'pregnancy_loss' || country === null || speaking.length === 0) return null;
  if (speaking.some((way) => way.holds === 'yes' || way.holdsButBornAlive)) return null;
  const sides: string[] = [];
  for (const way of speaking) {
    // A rule for the weeks not known (New South Wales' 400 g) speaks for no side of a threshold of
    // weeks: the weeks known are the others' to speak of.
    if (way.rule.conditions.gestation_weeks_known === false && lovedOne.gestationWeeks === null) continue;
    const open = (Object.keys(OPPOSITE) as Threshold[]).filter(
      (field) =>
        way.rule.conditions[field] !== undefined &&
        lovedOne[field.startsWith('gestation') ? 'gestationWeeks' : 'birthWeightG'] === null,
    );
    if (open.length !== 1) return null;
    const field = open[0]!;
    sides.push(OPPOSITE[field].words(way.rule.conditions[field]!));
  }
  if (!someAnswerUnspoken(rules, lovedOne)) return null;
  const label = [...new Set(sides)].join(' and ');
  return {
    rule: speaking[0]!.rule,
    gap: {
      key: speaking[0]!.gap.key,
      // Where the family named the state, its own registry is named (Victoria's, before 20 weeks).
      reason: `our sources on ${countryPhrase(country)} don't say which papers there are; ${
        lovedOne.lossRegion === null
          ? `the registry office where ${lovedOne.name} was born`
          : registryFor(country, lovedOne.lossRegion, lovedOne.name)
      } can tell you`,
      instead: BABY_FALLBACK,
    },
    certainty: 'maybe',
    holds: 'maybe',
    holdsButBornAlive: false,
    locality: 0,
    regionUnsaid: false,
    label: `${label.charAt(0).toUpperCase()}${label.slice(1)}`,
    silent: true,
  };
}

export function paperworkFor(
  rules: readonly Rule[],
  lovedOne: LovedOneFacts,
  home: string | null = null,
): Paperwork {
  const missing = new Map<DocumentKey, MissingDocument>();
  const unknownFacts = new Set<AskedFact>();
  const unsettled: {
    facts: readonly LovedOneFact[];
    keys: DocumentKey[];
    regionUnsaid: boolean;
    stateOwn: boolean;
  }[] = [];
  let askState = false;
  // Papers a rule already speaks for, whatever the answers still open but born alive (asked anyway):
  // the weight changes nothing there (at 22 weeks in most US states; review 9, finding 11).
  const spokenFor = new Set<DocumentKey>();
  let matchedAny = false;
  const own = ownRules(rules, lovedOne);
  const ways = new Map<DocumentKey, Way[]>();
  const casesOpen = new Set<DocumentKey>();

  for (const rule of own) {
    const match = lovedOneMatch(rule.conditions, lovedOne);
    if (match.holds === 'no') continue;
    const locality = rule.conditions.loss_region ? 1 : 0;
    const regionUnsaid = locality === 1 && match.unknown.includes('loss_region');
    if (!regionUnsaid) matchedAny = true;
    // A fact is worth asking only if knowing it could change what is issued: once another rule
    // has settled every paper this one speaks of (22 weeks in New Zealand, weight not given), the
    // weight changes nothing. Checked after all rules are read, below.
    const keys = (rule.document?.not_issued ?? []).map((gap) => gap.key);
    // A state's own rule that stands instead of the country-wide ones (Texas: `merge_key`).
    unsettled.push({ facts: match.unknown, keys, regionUnsaid, stateOwn: rule.merge_key !== undefined });
    if (!regionUnsaid && match.unknown.every((fact) => fact === 'born_alive'))
      keys.forEach((key) => spokenFor.add(key));
    for (const gap of (rule.document?.not_issued ?? []).map((said) =>
      ofAMultiple(byCremation(said, lovedOne), lovedOne),
    )) {
      const certainty: Certainty = gap.varies ? 'maybe' : match.holds;
      const label = caseLabel(rule, match.unknown);
      ways.set(gap.key, [
        ...(ways.get(gap.key) ?? []),
        {
          rule,
          gap,
          certainty,
          holds: match.holds,
          holdsButBornAlive: match.unknown.every((fact) => fact === 'born_alive'),
          locality,
          regionUnsaid,
          label,
        },
      ]);
    }
  }
  // Where our rules for the country speak of one side of a threshold only and the family has not
  // said which side they are on (Australia before review 16, weight not given), the other side is
  // said as the unknown it is, never left to read as if the one rule spoke for every baby (review
  // 14, finding 3).
  for (const all of ways.values()) {
    const silent = silentSide(own, lovedOne, all);
    if (silent) all.push(silent);
  }
  for (const [key, all] of ways) {
    const speaking = all.filter((way) => !way.regionUnsaid);
    if (speaking.length === 0) continue;
    const sure = speaking.filter((way) => way.certainty === 'yes');
    // The surest, then the most local, gives the reason; two ways round equally sure and equally
    // local (New Zealand at 19 weeks, weight not given) each give theirs, since either may be this
    // family's.
    // A rule that certainly speaks for this family ("most states", from 20 weeks, at 21 weeks) says
    // more than one that only may (from 350 g, weight not given).
    // Born alive not said is asked and said apart (review 9, finding 10): a rule that holds but for it
    // (from 20 weeks, at 21 weeks) still says more than one that may (from 350 g, weight not given).
    const holding = speaking.filter((way) => way.holds === 'yes' || way.holdsButBornAlive);
    const pool = sure.length > 0 ? sure : holding.length > 0 ? holding : speaking;
    // The most local speaks for each case, never for the others: England's own rules speak only
    // "before 24 weeks", so with the weeks not given the UK's "from 24 weeks" is still said beside
    // them (review 13, finding 1), not dropped as less local.
    const nearestFor = (label: string) =>
      Math.max(...pool.filter((way) => way.label === label).map((way) => way.locality));
    const nearest = pool.filter((way) => way.locality === nearestFor(way.label));
    const reasons = [...new Set(nearest.map((way) => way.gap.reason))];
    // Ways round are said apart only while an answer still open decides between them.
    const alternatives = sure.length === 0 && holding.length === 0 && reasons.length > 1;
    const reason = alternatives ? waysRound(nearest, reasons) : reasons[0]!;
    // A source for "most states" said to a family who named a state we have no rule of its own for
    // (New York): that unknown is named, with whom to ask (review 9, finding 2).
    const stateUnruled =
      lovedOne.lossRegion !== null &&
      speaking.some((way) => way.gap.varies) &&
      !speaking.some((way) => way.locality === 1);
    const reasonSaid = stateUnruled
      ? `${reason}, and we have no rule for ${regionPhrase(lovedOne.lossRegion!)} itself: its vital records office can say which papers exist`
      : reason;
    const instead = namingTheState(insteadOf(all, alternatives), lovedOne.lossRegion);
    // What to carry still turns on the answer (weeks not given in the UK), so it is still asked.
    if (instead.cases) casesOpen.add(key);
    missing.set(key, {
      key,
      certainty: sure.length > 0 ? 'yes' : 'maybe',
      reason: reasonSaid,
      instead: instead.text,
      insteadIncludes: [...new Set(all.flatMap((way) => way.gap.instead_includes ?? []))],
      ruleIds: all.filter((way) => !way.silent).map((way) => way.rule.id),
      registration: registrationOf(nearest.filter((way) => alternatives || way.gap.reason === reasons[0])),
      // Only where no rule of the country's own gives it too: England's own papers beside the UK's
      // 24 weeks leave the threshold the country's (review 17, finding 6).
      ...(lovedOne.lossRegion !== null &&
        pool.every((way) => way.locality === 1) && { region: lovedOne.lossRegion }),
      ...(speaking.some((way) => way.gap.varies) && { varies: true }),
    });
  }

  // A paper every possible answer to the open questions leaves missing (New Zealand at 19 weeks,
  // weight not given: under 400 g nothing is issued; from 400 g the birth is registered, with no
  // death certificate) is certainly missing, and said so, not "may".
  for (const [key, known] of missing) {
    if (known.certainty === 'maybe' && !known.varies && missingWhateverTheAnswer(own, lovedOne, key)) {
      missing.set(key, { ...known, certainty: 'yes' });
    }
  }

  for (const { facts, keys, regionUnsaid, stateOwn } of unsettled) {
    // A state's own rule (Texas) while the state is not said: the state is asked, which decides
    // whether it applies, not its weight (review 9, finding 11). A nation's additions ("In England,
    // …") say so themselves, and nothing is asked for them.
    if (regionUnsaid) {
      if (stateOwn && keys.some((key) => missing.has(key))) askState = true;
      continue;
    }
    const unsure = keys.some((key) => missing.get(key)?.certainty !== 'yes' || casesOpen.has(key));
    const open = keys.some(
      (key) => (missing.get(key)?.certainty !== 'yes' && !spokenFor.has(key)) || casesOpen.has(key),
    );
    for (const fact of facts) if (open || (unsure && fact === 'born_alive')) unknownFacts.add(fact);
  }

  const add = (key: DocumentKey, certainty: Certainty, reason: string, instead: string) => {
    if (!missing.has(key))
      missing.set(key, { key, certainty, reason, instead, insteadIncludes: [], ruleIds: [] });
  };
  const dropped = new Set<DocumentKey>();
  let uncoveredLossCountry: string | null = null;
  let uncoveredStage: string | null = null;
  let uncoveredRegions: Paperwork['uncoveredRegions'] = null;
  let askRegion = false;
  const baby = lovedOne.kind === 'pregnancy_loss';
  if (baby && lovedOne.bornAlive !== true && !matchedAny) {
    uncoveredLossCountry = lovedOne.lossCountry ?? '';
    uncoveredRegions = regionsOnly(rules, lovedOne);
    uncoveredStage = uncoveredRegions ? null : stageNoneSpeaksOf(rules, lovedOne);
    // Where the baby was born is not known: that is the unknown, named and asked, not "no rule".
    if (lovedOne.lossCountry === null) unknownFacts.add('loss_country');
    // Our rules there are a region's own (Ontario's): which part of the country is the unknown,
    // asked once, and a region none speaks for (Quebec) is named, with whom to ask (issue 7).
    if (uncoveredRegions && uncoveredRegions.region === null) askRegion = true;
    add(
      'death_certificate',
      'maybe',
      lovedOne.lossCountry
        ? uncoveredRegions
          ? regionsOnlyReason(lovedOne, uncoveredRegions)
          : uncoveredStage !== null
            ? `our sources on the papers issued after a loss in pregnancy in ${countryPhrase(lovedOne.lossCountry)} don't speak of a baby born ${uncoveredStage}`
            : `we have no rule from our research on the papers issued after a loss in pregnancy in ${countryPhrase(lovedOne.lossCountry)}`
        : whereUnsaid(lovedOne, homeDeciders(rules, lovedOne, home)),
      BABY_FALLBACK,
    );
    // Not the cremation certificate: a crematorium issues one for a baby as for anyone, and only
    // a sourced rule (New Zealand's, before 20 weeks and under 400 g) may say otherwise.
    if (lovedOne.bornAlive === null) unknownFacts.add('born_alive');
  }
  // "Until we know, we show both": the case of a baby born alive is said too (review 9, finding 10).
  const deathPaper = missing.get('death_certificate');
  if (baby && lovedOne.bornAlive === null && deathPaper && deathPaper.certainty === 'maybe') {
    missing.set('death_certificate', {
      ...deathPaper,
      reason: `${deathPaper.reason}. If ${lovedOne.name} was born alive, even for a moment, ${lovedOne.name} was registered, and there are birth and death certificates`,
    });
  }
  if (baby || lovedOne.kind === 'pet') dropped.add('deceased_passport');
  if (lovedOne.kind === 'infant') {
    add('deceased_passport', 'maybe', 'a baby may never have had a passport', NO_SOURCE_PASSPORT);
  }
  // A pet's death is not registered as a person's is: no government issues a death certificate for
  // a pet, so it is said plainly, never "may have none" (review 35, t17; pet-aftercare guides say
  // "there is no central, official registry for pets": visualfoodie.com/reasons-for-a-pet-death-certificate,
  // winenfood.com/the-legal-status-of-a-pet-death-certificate, undated, read 2026-12-07).
  if (lovedOne.kind === 'pet') {
    add('death_certificate', 'yes', "a pet's death isn't registered as a person's is", PET_FALLBACK);
  }
  return {
    lovedOne,
    missing,
    dropped,
    // Where in a country only decides regional additions ("In England, …"), which say so themselves.
    questions: [...unknownFacts, ...(askState || askRegion ? (['loss_region'] as const) : [])]
      .filter((fact) => fact !== 'loss_region' || askState || askRegion)
      .sort()
      .map((fact) =>
        question(
          fact,
          lovedOne,
          homeDeciders(rules, lovedOne, home),
          regionalOnlyCountry(rules, lovedOne),
          weightOnlyWithoutWeeks(own, lovedOne),
        ),
      ),
    uncoveredLossCountry,
    uncoveredStage,
    uncoveredRegions,
  };
}

/**
 * Where every paperwork rule for the country where the baby was born is a region's own (Canada's
 * are Ontario's), the regions they speak for and the region the family named, if none of them;
 * null where the country has a country-wide rule, or none at all.
 */
function regionsOnly(
  rules: readonly Rule[],
  lovedOne: LovedOneFacts,
): { covered: readonly string[]; region: string | null } | null {
  const country = lovedOne.lossCountry;
  if (country === null) return null;
  const theirs = rules.filter(
    (rule) => isPaperworkRule(rule) && rule.conditions.loss_country?.includes(country),
  );
  if (!regionalOnlyCountry(rules, lovedOne)) {
    // The country's rules for this stage are regions' own, and not this region's (Australia's
    // stillbirth rule leaves out Western Australia, whose law counts a still-birth as a death):
    // that region is named, with whom to ask, never "our sources don't speak of 22 weeks".
    // With no region given, the rules that would speak for this stage in the regions they name
    // make the region the unknown, asked (review 19, finding 2: Australia, 22 weeks, no state).
    const region = lovedOne.lossRegion;
    const atThisStage = theirs.filter(
      (rule) =>
        rule.conditions.loss_region !== undefined &&
        (region === null || !rule.conditions.loss_region.includes(region)) &&
        lovedOneMatch({ ...rule.conditions, loss_region: undefined }, lovedOne).holds !== 'no',
    );
    if (atThisStage.length === 0) return null;
    return {
      covered: [...new Set(atThisStage.flatMap((rule) => rule.conditions.loss_region!))].sort(),
      region,
    };
  }
  const region = lovedOne.lossRegion;
  // The regions whose rules speak of this baby's stage: Australia's rule for a baby born before 20
  // weeks and under 400 g speaks for New South Wales and South Australia only, so a baby born so in
  // Victoria or Western Australia is told that, never that our sources speak for every state but
  // one (review 22 leftovers, finding 4).
  const atThisStage = theirs.filter(
    (rule) => lovedOneMatch({ ...rule.conditions, loss_region: undefined }, lovedOne).holds !== 'no',
  );
  const covered = [
    ...new Set(
      (atThisStage.length > 0 ? atThisStage : theirs).flatMap((rule) => rule.conditions.loss_region ?? []),
    ),
  ].sort();
  // A region we have rules for, at a stage none of them speaks of, is said as a stage, as before.
  if (region !== null && covered.includes(region)) return null;
  return { covered, region };
}

/**
 * Whom to ask which papers there are, for a baby born in a region our rules do not speak for:
 * Australia's state and territory Registries of Births, Deaths and Marriages (so the ABS names them)
 * by the region's name; elsewhere the registry office where the baby was born.
 */
export function registryFor(country: string, region: string, name: string): string {
  return country === 'AU'
    ? `the registry of births, deaths and marriages in ${regionPhrase(region)}`
    : `the registry office where ${name} was born`;
}

/** Whether every paperwork rule for the country where the baby was born is a region's own. */
function regionalOnlyCountry(rules: readonly Rule[], lovedOne: LovedOneFacts): boolean {
  const country = lovedOne.lossCountry;
  if (country === null) return false;
  const theirs = rules.filter(
    (rule) => isPaperworkRule(rule) && rule.conditions.loss_country?.includes(country),
  );
  return theirs.length > 0 && theirs.every((rule) => rule.conditions.loss_region !== undefined);
}

/** Completes "There may be no death certificate for Aoife: …" where our rules are a region's own. */
/**
 * "speak only for Ontario", or where they speak for all but a few parts of the country, "speak for
 * every part of Australia except Western Australia" (review 19, finding 2).
 */
export function speakFor(country: string, covered: readonly string[], region: string | null): string {
  // With the region given, "… not for Western Australia" follows: the list is said as before.
  const rest = regionsOf(country).filter((part) => !covered.includes(part.code));
  return region === null && rest.length > 0 && rest.length < covered.length
    ? `speak for every part of ${countryPhrase(country)} except ${joinList(rest.map((part) => regionPhrase(part.code)))}`
    : `speak only for ${joinList(covered.map(regionPhrase))}`;
}

function regionsOnlyReason(
  lovedOne: LovedOneFacts,
  regions: { covered: readonly string[]; region: string | null },
): string {
  const country = countryPhrase(lovedOne.lossCountry!);
  const speak = `our sources on the papers issued after a loss in pregnancy in ${country} ${speakFor(lovedOne.lossCountry!, regions.covered, regions.region)}`;
  return regions.region === null
    ? `${speak}, and the papers may differ from one part of ${country} to another; telling us where ${lovedOne.name} was born lets us say which papers there are`
    : `${speak}, not for ${regionPhrase(regions.region)}; ${registryFor(lovedOne.lossCountry!, regions.region, lovedOne.name)} can say which papers there are`;
}

/**
 * The paperwork rules that speak for this loved one. Rules sharing a `merge_key` speak of the same
 * paper (what is filed after a baby is born without signs of life in the US): where the family has
 * said the state and a state's own rule among them may apply (Texas), the country-wide ones ("in
 * most states") are left out, so the state's words are said once, not beside a vaguer version.
 */
function ownRules(rules: readonly Rule[], lovedOne: LovedOneFacts): Rule[] {
  const paperwork = rules.filter(isPaperworkRule);
  const region = lovedOne.lossRegion;
  const stateSpeaks = new Set(
    paperwork
      .filter(
        (rule) =>
          rule.merge_key !== undefined &&
          region !== null &&
          rule.conditions.loss_region?.includes(region) &&
          lovedOneMatch(rule.conditions, lovedOne).holds !== 'no',
      )
      .map((rule) => rule.merge_key),
  );
  return paperwork.filter(
    (rule) =>
      !(rule.merge_key !== undefined && !rule.conditions.loss_region && stateSpeaks.has(rule.merge_key)),
  );
}

/**
 * Which answer to a question still open a rule speaks for, in its own thresholds ("From 24 weeks",
 * "Under 350 g"); '' when nothing it depends on is still open.
 */
/**
 * Two reasons for one paper, each under the case it speaks for, as sentences of their own ("from
 * 400 g, in New Zealand … Under 400 g, in New Zealand …"), never run together with "; or" (review
 * 9, finding 14); "either …, or …" where a case has no label.
 */
function waysRound(ways: readonly Way[], reasons: readonly string[]): string {
  const labelOf = (reason: string) => ways.find((way) => way.gap.reason === reason)?.label ?? '';
  if (reasons.some((reason) => labelOf(reason) === '')) return `either ${reasons.join(', or ')}`;
  return reasons
    .map((reason, index) => {
      const label = labelOf(reason);
      const own = saidLaterToo(reason, reasons.slice(index + 1));
      return `${index === 0 ? label.charAt(0).toLowerCase() + label.slice(1) : label}, ${withoutCase(own, label)}`;
    })
    .join('. ');
}

/**
 * A reason whose last clause a later case says too (Texas: "for a baby cremated there, the funeral
 * home files a Certificate of Fetal Death for the crematorium", under 350 g and before 20 weeks
 * alike) leaves it to that one, so the clause is said once (review 35, w: a fixQ leftover).
 */
function saidLaterToo(reason: string, later: readonly string[]): string {
  const cut = reason.lastIndexOf('; ');
  if (cut < 0) return reason;
  const clause = reason.slice(cut);
  return later.some((other) => other.endsWith(clause)) ? reason.slice(0, cut) : reason;
}

/**
 * A reason under its case label says the case once: "from 350 g, in most US states a baby born
 * without signs of life is recorded …", never "from 350 g, … from 350 g is recorded" (review 10,
 * finding 10). Only the label's own words go, with the "and" that joined them.
 */
function withoutCase(reason: string, label: string): string {
  // Each of the label's words on its own too: a case "before 20 weeks and if the weight is not
  // known" over Texas's "before 20 weeks if the weight is not known does not have to be registered"
  // said both twice (review 35, w).
  const parts = label
    .toLowerCase()
    .split(' and ')
    .filter(Boolean)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length === 0) return reason;
  const anyPart = `(?:${parts.join('|')})`;
  return reason.replace(new RegExp(`(?: (?:and )?${anyPart})+(?: of pregnancy)?(?= (?:is|are|does) )`), '');
}

/**
 * What to carry instead, once the family has said where the baby was cremated: a paper filed for a
 * cremation in Texas, or, cremated elsewhere, what that place asks named as the unknown it is
 * (review 31, finding 2). Not said: the rule's own words, both ways round.
 */
function byCremation(gap: DocumentNotIssued, lovedOne: LovedOneFacts): DocumentNotIssued {
  const ways = gap.by_cremation;
  const place = lovedOne.cremationRegion ?? lovedOne.cremationCountry;
  if (!ways || place === null) return gap;
  const instead = crematedWay(ways, place, lovedOne.cremationRegion !== null);
  // Cremated elsewhere: the reason leaves out what it says of a cremation there (review 32, r32b).
  const elsewhere = instead !== null && !ways.regions.includes(place);
  return {
    ...gap,
    instead: instead ?? gap.instead,
    reason: elsewhere ? (ways.reason_elsewhere ?? gap.reason) : gap.reason,
  };
}

/**
 * A source's note on twins or more, after its reason, for a baby who may be one (review 31, finding
 * 5). Where the family put the babies in one urn, the note says that, as they told us, instead of
 * asking "if" (review 32, r32a).
 */
function ofAMultiple(gap: DocumentNotIssued, lovedOne: LovedOneFacts): DocumentNotIssued {
  if (!gap.if_multiple || !lovedOne.multiple) return gap;
  const note =
    gap.if_sharing_urn && lovedOne.sharesUrnWith
      ? gap.if_sharing_urn.replaceAll('{others}', joinList([...lovedOne.sharesUrnWith]))
      : gap.if_multiple;
  return { ...gap, reason: `${gap.reason}. ${note.replaceAll('{name}', lovedOne.name)}` };
}

function crematedWay(
  ways: NonNullable<DocumentNotIssued['by_cremation']>,
  place: string,
  regionSaid: boolean,
): string | null {
  if (ways.regions.includes(place)) return ways.there;
  // Cremated in the same country, its state not said: which way round is still open.
  if (!regionSaid && ways.regions.some((region) => region.startsWith(`${place}-`))) return null;
  return ways.elsewhere.replaceAll('{place}', regionSaid ? regionPhrase(place) : countryPhrase(place));
}

function caseLabel(rule: Rule, unknown: readonly LovedOneFact[]): string {
  const c = rule.conditions;
  const parts = [
    ...(unknown.includes('gestation_weeks')
      ? [
          c.gestation_weeks_known === false ? 'if the weeks are not known' : '',
          c.gestation_weeks_lt === undefined ? '' : `before ${c.gestation_weeks_lt} weeks`,
          c.gestation_weeks_gte === undefined ? '' : `from ${c.gestation_weeks_gte} weeks`,
        ]
      : []),
    ...(unknown.includes('birth_weight_g')
      ? [
          c.birth_weight_known === false ? 'if the weight is not known' : '',
          c.birth_weight_g_lt === undefined ? '' : `under ${c.birth_weight_g_lt} g`,
          c.birth_weight_g_gte === undefined ? '' : `from ${c.birth_weight_g_gte} g`,
        ]
      : []),
  ].filter(Boolean);
  const label = parts.join(' and ');
  return label && `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

const REGIONAL_LINE = /^In [A-Z]/;

/**
 * A source's words for a rule of several states ("the registry … in the state where your baby was
 * born"), said with the state's name once the family has named it (review 25, finding 10).
 */
function namingTheState<T extends { text: string }>(instead: T, region: string | null): T {
  return region === null
    ? instead
    : {
        ...instead,
        text: instead.text.replaceAll('in the state where your baby was born', `in ${regionPhrase(region)}`),
      };
}

/**
 * What to carry instead of one paper. Where an open question decides between ways round (weeks not
 * given in the UK), each is said apart under its own case ("From 24 weeks: … Before 24 weeks: …"),
 * so a parent never reads two papers as one; otherwise as before: regional additions after the
 * country's advice, and two ways round with "Or else".
 */
function insteadOf(ways: readonly Way[], orElse: boolean): { text: string; cases: boolean } {
  const lines = (way: Way): string[] =>
    way.regionUnsaid
      ? way.gap.instead.split(/(?<=\.) (?=In [A-Z])/).filter((line) => REGIONAL_LINE.test(line))
      : [way.gap.instead];
  // A way for one case that says only what is said whatever the answer (Rhode Island at 20 weeks,
  // weight not given: "from 350 g, the fetal death report") adds nothing.
  const always = new Set(ways.filter((way) => way.label === '').flatMap(lines));
  const said = ways.filter(
    (way) => lines(way).length > 0 && (way.label === '' || lines(way).some((line) => !always.has(line))),
  );
  const labels = [...new Set(said.map((way) => way.label))];
  if (labels.length < 2) {
    const main = [...new Set(said.filter((way) => !way.regionUnsaid).map((way) => way.gap.instead))];
    const extra = said.filter((way) => way.regionUnsaid).flatMap(lines);
    if (orElse && main.length > 1) {
      const text = orderInstead([
        main.map((line, index) => (index === 0 ? line : lowerStart(line))).join(' Or else: '),
        ...extra,
      ]);
      return { text, cases: false };
    }
    return { text: orderInstead([...main, ...extra]), cases: false };
  }
  const groups: { labels: string[]; text: string }[] = [];
  for (const label of labels) {
    const text = orderInstead(said.filter((way) => way.label === label).flatMap(lines));
    const same = groups.find((group) => group.text === text);
    if (same) same.labels.push(label);
    else groups.push({ labels: [label], text });
  }
  const regional = (text: string) => (/\. In [A-Z]/.test(text) || REGIONAL_LINE.test(text) ? 1 : 0);
  const text = groups
    .sort((a, b) => regional(a.text) - regional(b.text))
    .map(({ labels: named, text }) => {
      const label = named.filter(Boolean).map((one, index) => (index === 0 ? one : one.toLowerCase()));
      return label.length === 0 ? text : `${label.join(' or ')}: ${lowerStart(text)}`;
    })
    .join(' ');
  return { text, cases: groups.length > 1 };
}

/** A common first word lower-cased mid-sentence, never a name ("From 20 weeks: in New York, …"). */
function lowerStart(text: string): string {
  return text.replace(/^(The|A|An|Any|Your|Whatever|Proof|Certified|Original|Copies|Letter|In) /, (word) =>
    word.toLowerCase(),
  );
}

/**
 * Whether, for every answer the family might give to what they have not told us (born alive, weeks,
 * weight: each tried on both sides of every threshold our rules use), some paperwork rule says this
 * paper is not issued. Where the region is unknown, only the country's own rules count.
 */
function missingWhateverTheAnswer(
  rules: readonly Rule[],
  lovedOne: LovedOneFacts,
  key: DocumentKey,
): boolean {
  return everyAnswer(rules, lovedOne, [true, false], (paperwork, answer) =>
    paperwork.some(
      (rule) =>
        lovedOneMatch(rule.conditions, answer).holds === 'yes' &&
        (rule.document?.not_issued ?? []).some((gap) => gap.key === key),
    ),
  );
}

/** Whether, for some answer a family born without signs of life might give, none of our rules speaks. */
function someAnswerUnspoken(rules: readonly Rule[], lovedOne: LovedOneFacts): boolean {
  return !everyAnswer(rules, lovedOne, [false], (paperwork, answer) =>
    paperwork.some((rule) => lovedOneMatch(rule.conditions, answer).holds === 'yes'),
  );
}

/**
 * Whether `says` holds for every answer the family might give to what they have not told us (born
 * alive, among `aliveAnswers`; weeks; weight: each tried on both sides of every threshold our rules
 * use). Where the region is unknown, only the country's own rules count.
 */
function everyAnswer(
  rules: readonly Rule[],
  lovedOne: LovedOneFacts,
  aliveAnswers: readonly boolean[],
  says: (paperwork: readonly Rule[], answer: LovedOneFacts) => boolean,
): boolean {
  // Only the rules that may be this family's (New Zealand's, for a loss in New Zealand).
  // Where the region is not given, no region's own rule is assumed: the country's must settle it.
  const paperwork = rules.filter(
    (rule) =>
      isPaperworkRule(rule) &&
      (lovedOne.lossRegion !== null || !rule.conditions.loss_region) &&
      lovedOneMatch(rule.conditions, lovedOne).holds !== 'no',
  );
  const around = (values: (number | undefined)[]) => [
    ...new Set(values.flatMap((v) => (v === undefined ? [] : [v - 1, v]))),
  ];
  // "Not known" is an answer for the weeks too where a rule goes by the weight then (New South Wales).
  const weeks: (number | null)[] =
    lovedOne.gestationWeeks === null
      ? [
          ...around(
            paperwork.flatMap((r) => [r.conditions.gestation_weeks_lt, r.conditions.gestation_weeks_gte]),
          ),
          ...(paperwork.some((r) => r.conditions.gestation_weeks_known === false) ? [null] : []),
        ]
      : [lovedOne.gestationWeeks];
  // "Not known" is an answer too where a rule goes by the weeks then (Texas).
  const grams: (number | null)[] =
    lovedOne.birthWeightG === null
      ? [
          ...around(
            paperwork.flatMap((r) => [r.conditions.birth_weight_g_lt, r.conditions.birth_weight_g_gte]),
          ),
          ...(paperwork.some((r) => r.conditions.birth_weight_known === false) ? [null] : []),
        ]
      : [lovedOne.birthWeightG];
  const alive = lovedOne.bornAlive === null ? aliveAnswers : [lovedOne.bornAlive];
  for (const bornAlive of alive)
    for (const gestationWeeks of weeks.length > 0 ? weeks : [null])
      for (const birthWeightG of grams.length > 0 ? grams : [null]) {
        const notKnown = birthWeightG === null && lovedOne.birthWeightG === null && grams.length > 0;
        const weeksNotKnown = gestationWeeks === null && lovedOne.gestationWeeks === null && weeks.length > 0;
        const answer = {
          ...lovedOne,
          bornAlive,
          gestationWeeks,
          birthWeightG,
          ...(notKnown && { birthWeightUnknown: true as const }),
          ...(weeksNotKnown && { gestationWeeksUnknown: true as const }),
        };
        if (!says(paperwork, answer)) return false;
      }
  return true;
}

/**
 * Our rules for the country where the baby was born speak of other stages of pregnancy (Australia's,
 * from 20 weeks or 400 g, before review 16), so "we have no rule … in Australia" would not be true:
 * the stage they leave out is named instead ("at 19 weeks, weighing 300 g"). Null when we have no
 * such rules there.
 */
function stageNoneSpeaksOf(rules: readonly Rule[], lovedOne: LovedOneFacts): string | null {
  const country = lovedOne.lossCountry;
  if (country === null) return null;
  const theirs = rules.filter(
    (rule) => isPaperworkRule(rule) && rule.conditions.loss_country?.includes(country),
  );
  if (theirs.length === 0) return null;
  const tests = (
    fields: ('gestation_weeks_lt' | 'gestation_weeks_gte' | 'birth_weight_g_lt' | 'birth_weight_g_gte')[],
  ) => theirs.some((rule) => fields.some((field) => rule.conditions[field] !== undefined));
  const stage = [
    tests(['gestation_weeks_lt', 'gestation_weeks_gte']) && lovedOne.gestationWeeks !== null
      ? `at ${lovedOne.gestationWeeks} weeks`
      : '',
    tests(['birth_weight_g_lt', 'birth_weight_g_gte']) && lovedOne.birthWeightG !== null
      ? `weighing ${lovedOne.birthWeightG} g`
      : '',
  ].filter(Boolean);
  return stage.length > 0 ? stage.join(', ') : 'at this stage of pregnancy';
}

/** What the family may be asked about a loved one: the facts rules test, and where the baby was born. */
type AskedFact = LovedOneFact | 'loss_country';

/** The home country, and what its rules on a baby's papers turn on that the family has not said. */
interface HomeDeciders {
  country: string;
  facts: ('gestation_weeks' | 'birth_weight_g')[];
}

/**
 * Where a baby was born is not given: the home country's own paperwork rules are the likely ones
 * (a UK family), so the family is told what decides them there, never that we have no rule.
 */
function homeDeciders(
  rules: readonly Rule[],
  lovedOne: LovedOneFacts,
  home: string | null,
): HomeDeciders | null {
  if (lovedOne.lossCountry !== null || home === null) return null;
  const theirs = rules.filter(
    (rule) => isPaperworkRule(rule) && rule.conditions.loss_country?.includes(home),
  );
  if (theirs.length === 0) return null;
  const tests = (weeks: boolean) =>
    theirs.some((rule) =>
      weeks
        ? rule.conditions.gestation_weeks_lt !== undefined ||
          rule.conditions.gestation_weeks_gte !== undefined
        : rule.conditions.birth_weight_g_lt !== undefined || rule.conditions.birth_weight_g_gte !== undefined,
    );
  return {
    country: home,
    facts: [
      ...(tests(true) && lovedOne.gestationWeeks === null ? (['gestation_weeks'] as const) : []),
      ...(tests(false) && lovedOne.birthWeightG === null ? (['birth_weight_g'] as const) : []),
    ],
  };
}

function dependsOn(facts: HomeDeciders['facts'], name: string): string {
  if (facts.length === 2) return 'the weeks of pregnancy and the weight';
  return facts[0] === 'gestation_weeks'
    ? `how many weeks into the pregnancy ${name} was born`
    : `what ${name} weighed`;
}

/** Completes "There may be no death certificate for Alfie: …" when where Alfie was born is not given. */
function whereUnsaid(lovedOne: LovedOneFacts, home: HomeDeciders | null): string {
  const name = lovedOne.name;
  if (!home)
    return `we don't know yet where ${name} was born, and the papers differ from one country to another`;
  const there = countryPhrase(home.country);
  return home.facts.length > 0
    ? `we don't know yet where ${name} was born; if it was in ${there}, where you live, the papers depend on ${dependsOn(home.facts, name)}`
    : `we don't know yet where ${name} was born; if it was in ${there}, where you live, telling us lets us say which papers there are`;
}

/**
 * Whether every rule that may be this family's and goes by the weight does so only where the weeks
 * are not known (New South Wales, Victoria: 400 g counts only then), so the weight is asked as that,
 * never as deciding the papers "as well as the weeks" (review 36, finding 3).
 */
function weightOnlyWithoutWeeks(rules: readonly Rule[], lovedOne: LovedOneFacts): boolean {
  const byWeight = rules.filter(
    (rule) =>
      (rule.conditions.birth_weight_g_lt !== undefined || rule.conditions.birth_weight_g_gte !== undefined) &&
      lovedOneMatch(rule.conditions, lovedOne).holds !== 'no',
  );
  return byWeight.length > 0 && byWeight.every((rule) => rule.conditions.gestation_weeks_known === false);
}

function question(
  field: AskedFact,
  lovedOne: LovedOneFacts,
  home: HomeDeciders | null,
  regional = false,
  weightIfWeeksUnknown = false,
): RuleQuestion {
  const name = lovedOne.name;
  // Where our rules there are a region's own (Ontario's), the papers depend on it there, not "in Canada".
  const country =
    regional && lovedOne.lossRegion !== null
      ? regionPhrase(lovedOne.lossRegion)
      : lovedOne.lossCountry
        ? countryPhrase(lovedOne.lossCountry)
        : 'the country where they were born';
  const weeksToo = lovedOne.gestationWeeks === null ? ', and how many weeks into the pregnancy' : '';
  const messages: Record<AskedFact, string> = {
    loss_country: `Where was ${name} born${weeksToo}? The papers a family is given differ from one country to another${
      home && home.facts.length > 0
        ? `; in ${countryPhrase(home.country)}, where you live, they depend on ${dependsOn(home.facts, name)}`
        : ''
    }. Until we know, we can't say which papers exist for ${name}.`,
    born_alive: `Was ${name} born alive, even for a moment? It changes which papers exist: a baby born alive is registered, however early, and one born without signs of life before a certain point is not. Until we know, we show both.`,
    gestation_weeks: `How many weeks into the pregnancy was ${name} born? In ${country} the papers depend on it.`,
    birth_weight_g: weightIfWeeksUnknown
      ? `If you know what ${name} weighed, it helps: in ${country}, where the weeks of pregnancy aren't known, the papers depend on the weight.`
      : `If you know what ${name} weighed, it helps: in ${country} the papers depend on the weight as well as the weeks.`,
    loss_region: `Where in ${country} was ${name} born? ${regionHint(lovedOne.lossCountry)}`,
  };
  return { loved_one: name, field, message: messages[field] };
}

function regionHint(country: string | null): string {
  if (country === 'GB') {
    return `What you can ask for differs between ${['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'].map(regionName).join(', ')}.`;
  }
  return 'What you can ask for differs from one part of the country to another.';
}

/**
 * Country-wide advice first, then regional additions ("In England, that is …"), then what a family
 * may also have asked for ("… too, if you have asked for one").
 */
function orderInstead(lines: readonly string[]): string {
  const regional = (line: string) => (/^In [A-Z]/.test(line) ? (/ too\b/.test(line) ? 2 : 1) : 0);
  const ordered = [
    ...new Set(
      [...lines]
        .flatMap((line) => line.split(/(?<=\.) (?=In [A-Z])/))
        .sort((a, b) => regional(a) - regional(b)),
    ),
  ];
  return withOneTail(ordered) ?? ordered.join(' ');
}

/**
 * Two ways round that end alike ("…, with the crematorium's certificate.") are one sentence, the
 * ending said once: "A copy of the fetal death report…, and whatever the hospital gave you…, with
 * the crematorium's certificate." Null when they do not share an ending.
 */
function withOneTail(lines: readonly string[]): string | null {
  if (lines.length < 2) return null;
  const tail = /, with [^,]+\.$/.exec(lines[0]!)?.[0];
  if (!tail || !lines.every((line) => line.endsWith(tail) && !/^In [A-Z]/.test(line))) return null;
  const heads = lines.map((line, index) => {
    const head = line.slice(0, -tail.length);
    // Only a common first word is lower-cased mid-sentence, never a name.
    return index === 0
      ? head
      : head.replace(/^(The|A|An|Any|Your|Whatever|Proof|Certified|Original|Copies|Letter) /, (word) =>
          word.toLowerCase(),
        );
  });
  return `${heads.slice(0, -1).join(', ')}, and ${heads[heads.length - 1]}${tail}`;
}
