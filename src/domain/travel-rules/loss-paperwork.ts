import type { RuleQuestion } from '../../contracts/travel-rules.js';
import { lovedOneMatch, type LovedOneFact } from './match-conditions.js';
import { countryPhrase, regionName } from './names.js';
import { type DocumentKey, isPaperworkRule, type Rule } from './rule-schema.js';
import type { LovedOneFacts } from './trip-facts.js';

// Which papers do not exist for a loved one, and what to carry instead. A baby born alive is
// registered at any gestation, so has birth and death certificates; a baby born without signs of
// life before a country's threshold (24 weeks in the UK; 20 weeks and 400 g in New Zealand) is not
// registered, so there is no death certificate. A baby lost in pregnancy never had a passport, and
// nobody should be asked for one. Nothing here is assumed: when a fact that decides it is missing,
// the paper "may not exist" and the family is asked, gently, once.

export type Certainty = 'yes' | 'maybe';

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
  /** Said by a source that speaks for most places, not this one: never more certain than "may". */
  varies?: boolean;
}

export interface Paperwork {
  lovedOne: LovedOneFacts;
  missing: ReadonlyMap<DocumentKey, MissingDocument>;
  /** Papers that do not apply to this loved one at all, never listed or asked about. */
  dropped: ReadonlySet<DocumentKey>;
  questions: RuleQuestion[];
  /** No rule from our research covers the papers after a loss in pregnancy in this country ('' if unknown). */
  uncoveredLossCountry: string | null;
}

const NO_SOURCE_PASSPORT =
  'If they had one, bring it. If not, whoever asks for it can tell you what they will accept instead, so it helps to ask ahead.';
const BABY_FALLBACK =
  'Whatever paperwork the hospital, crematorium or funeral director gave you about your baby. The hospital or the registry office where your baby was born can tell you which papers exist; the airline and the consulate of the country you are going to decide what they accept, so it helps to ask them ahead.';
const PET_FALLBACK =
  'A certificate or letter from the pet crematorium saying what the container holds. It helps to ask ahead what will be accepted.';

/**
 * Two rules equally local that each say a paper may not exist, for different reasons (New Zealand:
 * no papers under 20 weeks and 400 g; registered as a birth from 400 g, weight not yet given): both
 * reasons are said, since either may be this family's.
 */
function bothMaybe(
  known: MissingDocument | undefined,
  certainty: Certainty,
  reason: string,
  knownLocality: number,
  locality: number,
): boolean {
  return (
    known !== undefined &&
    known.certainty === 'maybe' &&
    certainty === 'maybe' &&
    knownLocality === locality &&
    !known.reason.includes(reason)
  );
}

export function paperworkFor(rules: readonly Rule[], lovedOne: LovedOneFacts): Paperwork {
  const missing = new Map<DocumentKey, MissingDocument>();
  // How local the rule that gave each reason is: a state's or nation's own threshold ("In Texas,
  // below 350 g …") says more about this family than the country's, so it gives the reason.
  const reasonLocality = new Map<DocumentKey, number>();
  const unknownFacts = new Set<LovedOneFact>();
  const unsettled: { facts: readonly LovedOneFact[]; keys: DocumentKey[] }[] = [];
  let matchedAny = false;

  for (const rule of rules) {
    if (!isPaperworkRule(rule)) continue;
    const match = lovedOneMatch(rule.conditions, lovedOne);
    if (match.holds === 'no') continue;
    matchedAny = true;
    // A fact is worth asking only if knowing it could change what is issued: once another rule
    // has settled every paper this one speaks of (22 weeks in New Zealand, weight not given), the
    // weight changes nothing. Checked after all rules are read, below.
    unsettled.push({ facts: match.unknown, keys: (rule.document?.not_issued ?? []).map((gap) => gap.key) });
    const locality = rule.conditions.loss_region ? 1 : 0;
    for (const gap of rule.document?.not_issued ?? []) {
      const certainty: Certainty = gap.varies ? 'maybe' : match.holds;
      const known = missing.get(gap.key);
      const keepReason =
        known !== undefined &&
        (certaintyRank(known.certainty) > certaintyRank(certainty) ||
          (known.certainty === certainty && (reasonLocality.get(gap.key) ?? 0) >= locality));
      if (!keepReason) reasonLocality.set(gap.key, locality);
      missing.set(gap.key, {
        key: gap.key,
        certainty: known?.certainty === 'yes' || certainty === 'yes' ? 'yes' : 'maybe',
        reason: bothMaybe(known, certainty, gap.reason, reasonLocality.get(gap.key) ?? 0, locality)
          ? `${known!.reason}; or ${gap.reason}`
          : keepReason
            ? known.reason
            : gap.reason,
        // Two reasons, either of which may be this family's, give two ways round: said with "or".
        instead: !known
          ? gap.instead
          : bothMaybe(known, certainty, gap.reason, reasonLocality.get(gap.key) ?? 0, locality) &&
              known.instead !== gap.instead
            ? `${known.instead} Or else: ${gap.instead.charAt(0).toLowerCase()}${gap.instead.slice(1)}`
            : orderInstead([known.instead, gap.instead]),
        insteadIncludes: [...new Set([...(known?.insteadIncludes ?? []), ...(gap.instead_includes ?? [])])],
        ruleIds: [...(known?.ruleIds ?? []), rule.id],
        ...((gap.varies || known?.varies) && { varies: true }),
      });
    }
  }

  // A paper every possible answer to the open questions leaves missing (New Zealand at 19 weeks,
  // weight not given: under 400 g nothing is issued; from 400 g the birth is registered, with no
  // death certificate) is certainly missing, and said so, not "may".
  for (const [key, known] of missing) {
    if (known.certainty === 'maybe' && !known.varies && missingWhateverTheAnswer(rules, lovedOne, key)) {
      missing.set(key, { ...known, certainty: 'yes' });
    }
  }

  for (const { facts, keys } of unsettled) {
    if (keys.some((key) => missing.get(key)?.certainty !== 'yes'))
      facts.forEach((fact) => unknownFacts.add(fact));
  }

  const add = (key: DocumentKey, certainty: Certainty, reason: string, instead: string) => {
    if (!missing.has(key))
      missing.set(key, { key, certainty, reason, instead, insteadIncludes: [], ruleIds: [] });
  };
  const dropped = new Set<DocumentKey>();
  let uncoveredLossCountry: string | null = null;
  const baby = lovedOne.kind === 'pregnancy_loss';
  if (baby && lovedOne.bornAlive !== true && !matchedAny) {
    uncoveredLossCountry = lovedOne.lossCountry ?? '';
    const where = lovedOne.lossCountry ? ` in ${countryPhrase(lovedOne.lossCountry)}` : '';
    add(
      'death_certificate',
      'maybe',
      `we have no rule from our research on the papers issued after a loss in pregnancy${where}`,
      BABY_FALLBACK,
    );
    // Not the cremation certificate: a crematorium issues one for a baby as for anyone, and only
    // a sourced rule (New Zealand's, before 20 weeks and under 400 g) may say otherwise.
    if (lovedOne.bornAlive === null) unknownFacts.add('born_alive');
  }
  if (baby || lovedOne.kind === 'pet') dropped.add('deceased_passport');
  if (lovedOne.kind === 'infant') {
    add('deceased_passport', 'maybe', 'a baby may never have had a passport', NO_SOURCE_PASSPORT);
  }
  if (lovedOne.kind === 'pet') {
    add('death_certificate', 'maybe', 'a pet may have none', PET_FALLBACK);
  }
  return {
    lovedOne,
    missing,
    dropped,
    // Where in a country only decides regional additions ("In England, …"), which say so themselves.
    questions: [...unknownFacts]
      .filter((fact) => fact !== 'loss_region')
      .sort()
      .map((fact) => question(fact, lovedOne)),
    uncoveredLossCountry,
  };
}

/**
 * Whether, for every answer the family might give to what they have not told us (born alive, weeks,
 * weight: each tried on both sides of every threshold our rules use), some paperwork rule says this
 * paper is not issued. Where the region is unknown, nothing is assumed.
 */
function missingWhateverTheAnswer(
  rules: readonly Rule[],
  lovedOne: LovedOneFacts,
  key: DocumentKey,
): boolean {
  // Only the rules that may be this family's (New Zealand's, for a loss in New Zealand).
  const paperwork = rules.filter(
    (rule) => isPaperworkRule(rule) && lovedOneMatch(rule.conditions, lovedOne).holds !== 'no',
  );
  if (lovedOne.lossRegion === null && paperwork.some((rule) => rule.conditions.loss_region)) return false;
  const around = (values: (number | undefined)[]) => [
    ...new Set(values.flatMap((v) => (v === undefined ? [] : [v - 1, v]))),
  ];
  const weeks =
    lovedOne.gestationWeeks === null
      ? around(paperwork.flatMap((r) => [r.conditions.gestation_weeks_lt, r.conditions.gestation_weeks_gte]))
      : [lovedOne.gestationWeeks];
  const grams =
    lovedOne.birthWeightG === null
      ? around(paperwork.flatMap((r) => [r.conditions.birth_weight_g_lt, r.conditions.birth_weight_g_gte]))
      : [lovedOne.birthWeightG];
  const alive = lovedOne.bornAlive === null ? [true, false] : [lovedOne.bornAlive];
  for (const bornAlive of alive)
    for (const gestationWeeks of weeks.length > 0 ? weeks : [null])
      for (const birthWeightG of grams.length > 0 ? grams : [null]) {
        const answer = { ...lovedOne, bornAlive, gestationWeeks, birthWeightG };
        const says = paperwork.some(
          (rule) =>
            lovedOneMatch(rule.conditions, answer).holds === 'yes' &&
            (rule.document?.not_issued ?? []).some((gap) => gap.key === key),
        );
        if (!says) return false;
      }
  return true;
}

const certaintyRank = (certainty: Certainty): number => (certainty === 'yes' ? 1 : 0);

function question(field: LovedOneFact, lovedOne: LovedOneFacts): RuleQuestion {
  const name = lovedOne.name;
  const country = lovedOne.lossCountry
    ? countryPhrase(lovedOne.lossCountry)
    : 'the country where they were born';
  const messages: Record<LovedOneFact, string> = {
    born_alive: `Was ${name} born alive, even for a moment? It changes which papers exist: a baby born alive is registered, however early, and one born without signs of life before a certain point is not. Until we know, we show both.`,
    gestation_weeks: `How many weeks into the pregnancy was ${name} born? In ${country} the papers depend on it.`,
    birth_weight_g: `If you know what ${name} weighed, it helps: in ${country} the papers depend on the weight as well as the weeks.`,
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
