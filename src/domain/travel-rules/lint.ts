import { isCountryCode, regionsOf } from '../../contracts/countries.js';
import { idOf } from './load-rules.js';
import { lovedOneMatch } from './match-conditions.js';
import { isRegionCode } from './names.js';
import { isStale } from './provenance.js';
import { KNOWN_SITES } from './sites.js';
import {
  type DocumentAsk,
  type DocumentNotIssued,
  type Rule,
  type RuleConditions,
  ruleFileSchema,
  ruleSchema,
  scopeKindOf,
  scopeNameOf,
  SERVING_WHERE_YOU_LIVE,
  type SourceKind,
} from './rule-schema.js';

// Checks the rules data the way a careful reviewer would, without throwing: every fault is listed
// with the rule and file it belongs to. Each check exists because its fault once reached a family
// (see lint.test.ts, where a fixture proves each one fires). Stale rules (no person has re-read the
// live source, or not for 12 months) are listed as a warning, never a fault: a date alone must not
// stop a release. `today` is an argument so the result never depends on when it runs.

export interface LintFault {
  rule_id?: string;
  file?: string;
  message: string;
}
export interface StaleRule {
  rule_id: string;
  source_date: string | null;
  read_on: string;
  rechecked_on: string | null;
}
export interface LintReport {
  faults: LintFault[];
  stale: StaleRule[];
}
export interface LintOptions {
  /** YYYY-MM-DD */
  today: string;
}

interface Located {
  raw: unknown;
  file?: string;
}
interface Valid {
  rule: Rule;
  file?: string;
}

export function lintRules(rules: readonly unknown[], options: LintOptions): LintReport {
  return lintLocated(
    rules.map((raw) => ({ raw })),
    [],
    options,
  );
}

export function lintRuleFiles(files: Readonly<Record<string, unknown>>, options: LintOptions): LintReport {
  const located: Located[] = [];
  const faults: LintFault[] = [];
  for (const [file, raw] of Object.entries(files)) {
    const parsed = ruleFileSchema.safeParse(raw);
    if (!parsed.success) {
      faults.push({ file, message: `The file should be {"version": <whole number>, "rules": [...]}.` });
      continue;
    }
    located.push(...parsed.data.rules.map((rule) => ({ raw: rule, file })));
  }
  return lintLocated(located, faults, options);
}

function lintLocated(located: readonly Located[], faults: LintFault[], { today }: LintOptions): LintReport {
  const ids = new Set<string>();
  const valid: Valid[] = [];
  for (const { raw, file } of located) {
    const id = idOf(raw) ?? undefined;
    const where = { ...(id ? { rule_id: id } : {}), ...(file ? { file } : {}) };
    if (id !== undefined) {
      if (ids.has(id)) faults.push({ ...where, message: `The id "${id}" is used more than once.` });
      ids.add(id);
    }
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.') || 'rule';
        faults.push({ ...where, message: `${path} ${issue.message}` });
      }
      continue;
    }
    valid.push({ rule: parsed.data, ...(file ? { file } : {}) });
  }

  const byId = new Map(valid.map((entry) => [entry.rule.id, entry.rule]));
  for (const { rule, file } of valid) {
    const fault = (message: string) => faults.push({ rule_id: rule.id, ...(file ? { file } : {}), message });
    for (const message of [
      ...dateFaults(rule, today),
      ...conflictFaults(rule, byId),
      ...sourceFaults(rule),
      ...placeFaults(rule),
      ...paperworkFaults(rule),
      ...livingElsewhereFaults(rule),
      ...passportFaults(rule),
      ...urnFaults(rule),
      ...stayingFaults(rule),
      ...wordFaults(rule),
      ...holdRefusalFaults(rule),
      ...cabinRefusalFaults(rule),
      ...bagConditionFaults(rule),
      ...journeyRefusalFaults(rule),
      ...sendingFaults(rule),
      ...notSaidAtFaults(rule),
    ]) {
      fault(message);
    }
  }
  faults.push(...mergeGroupFaults(valid));
  faults.push(...setAsideFaults(valid));
  faults.push(...thresholdGapFaults(valid));

  const stale = valid
    .filter(({ rule }) => isStale(rule, today))
    .map(({ rule }) => ({
      rule_id: rule.id,
      source_date: rule.source_date,
      read_on: rule.read_on,
      rechecked_on: rule.rechecked_on ?? null,
    }))
    .sort((a, b) => (a.rule_id < b.rule_id ? -1 : a.rule_id > b.rule_id ? 1 : 0));
  return { faults, stale };
}

/**
 * `sends_through` names whom a country's own rule for sending an urn out of it points to; it is
 * read only on that country's rule for shipments from there, and `speaks_for_shipping` only on a
 * rule for a family carrying the urn, which its weaker source does not speak for (review 22, 4 and 10).
 */
export function sendingFaults(rule: Rule): string[] {
  const faults: string[] = [];
  if (
    rule.sends_through !== undefined &&
    !(
      scopeKindOf(rule) === 'country' &&
      rule.conditions.channel?.includes('shipment') &&
      rule.conditions.from?.includes(scopeNameOf(rule))
    )
  )
    faults.push(
      "says sends_through, but is not its country's own rule for shipments from there; the post gap reads it only on such a rule.",
    );
  if (rule.speaks_for_shipping && rule.conditions.channel?.includes('shipment'))
    faults.push(
      'says speaks_for_shipping, but is a rule for shipments; the flag is for a shipping source said to a family carrying the urn.',
    );
  // `when_sent` is said instead of the detail to a family sending the ashes, so it belongs only on a
  // rule said both to families carrying them and to families sending them (review 35b, fixAE 1).
  const channel = rule.conditions.channel ?? ['trip'];
  if (rule.when_sent !== undefined && !(channel.includes('shipment') && channel.includes('trip')))
    faults.push(
      'says when_sent, but is not said both to families carrying the ashes and to families sending them; word the detail for whom it is said to instead.',
    );
  if (rule.when_sent !== undefined && /\b(?:carr(?:y|ies|ied)|bring)\b/i.test(rule.when_sent.detail))
    faults.push(
      'says when_sent, but its words still speak of carrying or bringing the ashes; say them for sending.',
    );
  if (rule.speaks_for_shipping && rule.source_kind === 'official')
    faults.push(
      'says speaks_for_shipping on an official source; an official page says whom it speaks for, so word the rule for it instead.',
    );
  return faults;
}

/**
 * `not_said_at` says what a scattering rule's source leaves open at places the rule is not said
 * (Poland's law at sea): it is read only on a scattering rule, for places its `scatter_place` does
 * not name, where the rule itself is never said (review 36, finding 8).
 */
export function notSaidAtFaults(rule: Rule): string[] {
  if (rule.not_said_at === undefined) return [];
  if (rule.conditions.scatter_place === undefined)
    return [
      'says not_said_at, which is for a scattering rule said only at some places; add its scatter_place.',
    ];
  return rule.not_said_at.places
    .filter((place) => rule.conditions.scatter_place!.includes(place))
    .map(
      (place) =>
        `not_said_at names ${place}, where the rule itself is said (its scatter_place); name only places it leaves out.`,
    );
}

/** A carrier's rule that its title says refuses ashes in the hold ("doesn't take ashes in checked bags"). */
const REFUSES_HOLD =
  /\b(?:doesn't|does not|don't|won't|will not|may not) take (?:human )?(?:ashes|an urn|urns)\b.*\b(?:hold|checked)\b/i;

/**
 * A carrier that does not take ashes in the hold sends a family who chose it to the cabin, so the
 * cabin X-ray rules (a stone or metal urn) must be shown too: such a rule says "moves_to_cabin": true
 * (review 9, finding 1: Southwest, JetBlue, Virgin, Jet2 and Wizz did not, and a bronze urn got no
 * X-ray warning).
 */
export function holdRefusalFaults(rule: Rule): string[] {
  if (scopeKindOf(rule) !== 'airline' || rule.moves_to_cabin) return [];
  if (rule.severity !== 'warning' && rule.severity !== 'required') return [];
  if (!rule.conditions.bag?.every((bag) => bag === 'checked')) return [];
  return REFUSES_HOLD.test(rule.title)
    ? [
        `refuses ashes in the hold but does not send the family to the cabin; add "moves_to_cabin": true so the cabin X-ray rules are shown.`,
      ]
    : [];
}

/** A rule whose title refuses ashes in the cabin ("Ural Airlines doesn't allow an urn in the cabin"). */
const REFUSES_CABIN =
  /\b(?:doesn't|does not|don't|won't|will not|may not|can't|cannot) (?:allow|take|accept) (?:human )?(?:ashes|an urn|urns)\b.*\bcabin\b/i;

/**
 * A carrier (or an airport's security for it) that does not take ashes in the cabin sends a family
 * who chose it to the hold, which is said first, with the checked-bag advice: such a rule says
 * "moves_to_hold": true (review 13, finding 16: Etihad's said nothing first and gave no such advice).
 */
export function cabinRefusalFaults(rule: Rule): string[] {
  const kind = scopeKindOf(rule);
  if ((kind !== 'airline' && kind !== 'security') || rule.moves_to_hold) return [];
  if (rule.severity !== 'warning' && rule.severity !== 'required') return [];
  if (!rule.conditions.bag?.every((bag) => bag === 'carry_on')) return [];
  return REFUSES_CABIN.test(rule.title)
    ? [
        `refuses ashes in the cabin but does not send the family to the hold; add "moves_to_hold": true so the summary says so first and the checked-bag advice is shown.`,
      ]
    : [];
}

/**
 * A bag open only on a condition (Avianca's hold, booked ahead through a funeral home or cargo
 * agency) is said first for a family who chose that bag: the rule speaks for that one bag, and it is
 * not a refusal, so it never also moves the ashes or refuses the journey (review 24, finding 4).
 */
export function bagConditionFaults(rule: Rule): string[] {
  if (rule.bag_condition === undefined) return [];
  const faults: string[] = [];
  if (rule.conditions.bag?.length !== 1) {
    faults.push(
      'says bag_condition, which is said to a family who chose one bag; give the rule "bag" with that one bag.',
    );
  }
  if (rule.moves_to_cabin || rule.moves_to_hold || rule.refuses_journey || rule.may_refuse_journey) {
    faults.push(
      'says bag_condition beside a refusal; a bag open on a condition is not refused: keep one or the other.',
    );
  }
  return faults;
}

/** A rule whose title refuses the ashes outright ("JetBlue doesn't accept a pet's ashes"). */
const REFUSES_OUTRIGHT =
  /\b(?:doesn't|does not|won't|will not|no longer) (?:accept|carry|take)\b|\btakes (?:human ashes|a person's ashes) only\b/i;
/** Words that make a refusal a doubt: said first all the same, but as a "may". */
const DOUBT = /\b(?:may|might|reportedly|as reported)\b/i;

/**
 * A carrier or country that will not carry the ashes at all (JetBlue, a pet's) is the first thing
 * a family reads, not a line on a leg under "no papers asked" (review 10, finding 1): such a rule
 * says "refuses_journey", or "may_refuse_journey" where its title says it only may. A refusal of
 * one bag (the hold, the cabin) leaves another way open and is not this; nor is a shipment's.
 */
export function journeyRefusalFaults(rule: Rule): string[] {
  const faults: string[] = [];
  const doubt = DOUBT.test(rule.title);
  if (rule.refuses_journey && rule.may_refuse_journey)
    faults.push('says both refuses_journey and may_refuse_journey; keep the one its source supports.');
  if (rule.may_refuse_journey && !doubt)
    faults.push(
      'says may_refuse_journey, but its title says it flatly; say "may" or "reportedly" in the title.',
    );
  if (rule.refuses_journey && doubt)
    faults.push('says refuses_journey, but its title says it only may; use may_refuse_journey.');
  // "Sent instead" frames the papers for sending the urn, which only follows a journey refused.
  if (rule.sent_instead && !rule.refuses_journey)
    faults.push(
      'says sent_instead, but not refuses_journey; the papers are said for sending the urn only where its source says carrying it is not allowed.',
    );
  const kind = scopeKindOf(rule);
  const forTrips = !rule.conditions.channel || rule.conditions.channel.includes('trip');
  const wholeJourney = rule.conditions.bag === undefined;
  if (
    (kind === 'airline' || kind === 'cruise' || kind === 'rail' || kind === 'road') &&
    forTrips &&
    wholeJourney &&
    (rule.severity === 'warning' || rule.severity === 'required') &&
    REFUSES_OUTRIGHT.test(rule.title) &&
    !rule.refuses_journey &&
    !rule.may_refuse_journey
  ) {
    faults.push(
      `refuses the ashes outright but the summary would not say so first; add "${doubt ? 'may_refuse_journey' : 'refuses_journey'}": true.`,
    );
  }
  return faults;
}

/**
 * A ship's or train's rule that speaks of an urn (Carnival: the urn stays on board) is not said to a
 * family carrying only keepsake jewellery: it must say "keepsake": ["ashes"]. A scattering
 * ceremony's rule is about the urn the family brings to scatter, and is left as it is.
 */
function urnFaults(rule: Rule): string[] {
  const kind = scopeKindOf(rule);
  if (kind !== 'cruise' && kind !== 'rail') return [];
  if (rule.conditions.purpose?.every((purpose) => purpose === 'scatter')) return [];
  const speaksOfUrn = /\burns?\b/i.test(`${rule.title} ${rule.detail}`);
  const forJewellery = rule.conditions.keepsake?.includes('jewellery') ?? true;
  return speaksOfUrn && forJewellery
    ? [
        `speaks of an urn but would be shown for keepsake jewellery too; add "keepsake": ["ashes"] to its conditions.`,
      ]
    : [];
}

/**
 * `for_ashes_staying` speaks of a country's own rule for ashes arriving to stay; a paper for leaving
 * one country that another asks for ashes staying there names that country in
 * `for_ashes_staying_in`, which its `trip_reaches` must reach (review 32, r32a tidy); `for_burial`
 * goes with one of them.
 */
function stayingFaults(rule: Rule): string[] {
  const c = rule.conditions;
  const faults: string[] = [];
  if (rule.for_ashes_staying && (scopeKindOf(rule) !== 'country' || c.to === undefined)) {
    faults.push(
      'says for_ashes_staying, which is for a country\'s rule for ashes arriving there ("to"); for a paper another country asks for ashes staying in it, say for_ashes_staying_in with that country.',
    );
  }
  const unreached = (rule.for_ashes_staying_in ?? []).filter((code) => !c.trip_reaches?.includes(code));
  if (unreached.length > 0) {
    faults.push(
      `says for_ashes_staying_in ${unreached.join(', ')}, which its trip_reaches does not name; the paper speaks of ashes brought there.`,
    );
  }
  // A burial is a way of staying: for_burial narrows one of those two (review 33b, M3).
  if (rule.for_burial && !rule.for_ashes_staying && !rule.for_ashes_staying_in) {
    faults.push(
      'says for_burial, which narrows for_ashes_staying or for_ashes_staying_in; say which country the ashes stay in.',
    );
  }
  return faults;
}

function dateFaults(rule: Rule, today: string): string[] {
  const faults: string[] = [];
  if (rule.read_on > today) faults.push(`read_on ${rule.read_on} is after today (${today}).`);
  if (rule.rechecked_on !== undefined && rule.rechecked_on > today) {
    faults.push(`rechecked_on ${rule.rechecked_on} is after today (${today}).`);
  }
  if (rule.source_date !== null && rule.source_date > rule.read_on) {
    faults.push(`source_date ${rule.source_date} is after the day it was read (${rule.read_on}).`);
  }
  return faults;
}

function conflictFaults(rule: Rule, byId: ReadonlyMap<string, Rule>): string[] {
  return (rule.conflicts_with ?? []).flatMap((other) => {
    const target = byId.get(other);
    if (other === rule.id || !target) return [`conflicts_with names "${other}", which is not another rule.`];
    if (!target.conflicts_with?.includes(rule.id)) {
      return [
        `conflicts_with names "${other}", but "${other}" does not name "${rule.id}" back; name a disagreement on both sides.`,
      ];
    }
    return [];
  });
}

/**
 * `sets_aside` is for a state's own rule (it says `scatter_region`) and names other rules of the
 * same scope, by id or merge_key, that speak for the whole country (review 33b, M6); or for a rule
 * keyed on the state where the urn was cremated (`ashes_from_region`), from that state's own newer
 * source, naming an older rule of the same scope for that same state (Rhineland-Palatinate's 2025
 * law, beside a 2017 report on the law it replaced; review 36, M4).
 */
function setAsideFaults(valid: readonly Valid[]): LintFault[] {
  return valid.flatMap(({ rule, file }) =>
    (rule.sets_aside ?? []).flatMap((name): LintFault[] => {
      const fault = (message: string): LintFault[] => [
        { rule_id: rule.id, ...(file ? { file } : {}), message },
      ];
      const states = rule.conditions.ashes_from_region;
      if (rule.conditions.scatter_region === undefined && states === undefined)
        return fault("says sets_aside, which is for a state's own rule; add its scatter_region.");
      const named = valid
        .map((entry) => entry.rule)
        .filter((other) => other !== rule && (other.id === name || other.merge_key === name));
      if (named.length === 0)
        return fault(`sets_aside names "${name}", which is no other rule's id or merge_key.`);
      if (rule.conditions.scatter_region === undefined) {
        const sameState = (other: Rule) =>
          other.scope === rule.scope &&
          other.conditions.ashes_from_region !== undefined &&
          other.conditions.ashes_from_region.every((code) => states!.includes(code));
        if (!named.every(sameState))
          return fault(
            `sets_aside names "${name}", which should be rules of the same scope (${rule.scope}) for the same state (${states!.join(', ')}).`,
          );
        return [];
      }
      if (named.some((other) => other.scope !== rule.scope || other.conditions.scatter_region !== undefined))
        return fault(
          `sets_aside names "${name}", which should be country-wide rules of the same scope (${rule.scope}).`,
        );
      return [];
    }),
  );
}

/** The highest confidence each kind of source can carry. */
const MAX_CONFIDENCE: Readonly<Record<SourceKind, Rule['confidence']>> = {
  official: 'high',
  consulate: 'high',
  professional: 'medium',
  news: 'medium',
  retailer: 'low',
  forum: 'low',
  blog: 'low',
};
const RANK = { low: 0, medium: 1, high: 2 } as const;

/** Words that speak for several sources at once, where a rule can cite only one. */
const MANY_SOURCES =
  /\b(?:two|three|several|multiple|both) (?:retailers|sources|reports|firms|guides|sites|companies)\b|\b(?:retailers|sources|reports) agree\b|\bneither report\b|\bboth (?:say|suggest|report)\b/i;

function sourceFaults(rule: Rule): string[] {
  const faults: string[] = [];
  const serious = rule.severity === 'required' || rule.severity === 'warning';
  if (serious && rule.confidence === 'low' && rule.awaiting_official === undefined) {
    faults.push(
      `is "${rule.severity}" but rests on a low-confidence source; find the official page, lower the severity, or set awaiting_official to whom the family should ask meanwhile.`,
    );
  }
  if (rule.awaiting_official !== undefined && !(serious && rule.confidence === 'low')) {
    faults.push('has awaiting_official but is not a required or warning rule on a low-confidence source.');
  }
  const most = MAX_CONFIDENCE[rule.source_kind];
  if (RANK[rule.confidence] > RANK[most]) {
    faults.push(
      `says "${rule.confidence}" confidence, but a ${rule.source_kind} source can carry at most "${most}".`,
    );
  }
  // A state's or nation's own scattering rule with no place would be counted as speaking for every
  // place, and a family asked the state for it at sea (Rhineland-Palatinate's river law; review 27,
  // finding 4): it names the places its source speaks of.
  if (rule.conditions.scatter_region !== undefined && rule.conditions.scatter_place === undefined) {
    faults.push(
      'says scatter_region but no scatter_place; name the places its source speaks of, or it is asked about for every place.',
    );
  }
  if (
    rule.conditions.home_or_death_there &&
    (rule.source_kind !== 'consulate' || rule.conditions.home === undefined)
  ) {
    faults.push(
      'says home_or_death_there, which widens a consulate\'s "home" to families leaving its district after a death there; it needs a consulate source and "home".',
    );
  }
  // Said to a family living elsewhere, "serving where you live" becomes "serving where Papá died".
  const details = [
    rule.detail,
    ...(rule.without_passport ? [rule.without_passport.detail] : []),
    ...(rule.when_sent ? [rule.when_sent.detail] : []),
    ...(rule.for_a_baby_without_certificate ? [rule.for_a_baby_without_certificate] : []),
  ];
  if (
    rule.conditions.home_or_death_there &&
    details.some((detail) => /where you live/i.test(detail) && !detail.includes(SERVING_WHERE_YOU_LIVE))
  ) {
    faults.push(
      `says home_or_death_there, so it is also said to families living elsewhere; say whom to ask as "${SERVING_WHERE_YOU_LIVE}" (it becomes "serving where Papá died" for them).`,
    );
  }
  // A paper's own title is never reworded for a family living elsewhere: "the consulate serving
  // where you live" on the papers list would send an Indian family home from Berlin to an Indian
  // consulate in India (review 13, finding 5). The title names the mission's country instead.
  if (
    rule.conditions.home_or_death_there &&
    (rule.document?.asks_for ?? []).some((paper) => /where you live/i.test(paper.title ?? ''))
  ) {
    faults.push(
      'says home_or_death_there, but a paper\'s title says "where you live", which is not true for a family taking ashes home from where their loved one died; name where the mission is instead ("a consulate in Germany").',
    );
  }
  // "{mission}" is named from a country rule's scope, in its detail only (review 27, finding 11).
  const missionIn = [
    rule.title,
    rule.without_passport?.detail ?? '',
    rule.without_passport?.title ?? '',
    rule.when_sent?.detail ?? '',
    rule.when_sent?.title ?? '',
  ];
  if (
    (rule.detail.includes('{mission}') && !rule.scope.startsWith('country:')) ||
    missionIn.some((text) => text.includes('{mission}'))
  ) {
    faults.push(
      'says "{mission}" where it cannot be named: only the detail of a country\'s rule (scope "country:XX") names its mission there.',
    );
  }
  // "{leaving}" names where a journey arriving in a country set off: only a trip rule with `to`.
  if (
    JSON.stringify(rule).includes('{leaving}') &&
    (rule.conditions.to === undefined || !(rule.conditions.channel ?? ['trip']).every((c) => c === 'trip'))
  ) {
    faults.push(
      'says "{leaving}" where it cannot be named: only a trip rule for arriving somewhere (with "to") names where the journey set off.',
    );
  }
  // One consulate's own checklist for its district is that consulate speaking, never the whole
  // country, and other consulates may ask differently (review 8, finding 6).
  const ownChecklist =
    /serving where you live|may ask differently|consulate's (?:own )?(?:list|process|page)/i;
  if (
    rule.source_kind === 'consulate' &&
    (rule.serves_part_of_home === true || ownChecklist.test(`${rule.title} ${rule.detail}`)) &&
    (rule.speaker === undefined || rule.serves_part_of_home !== true)
  ) {
    faults.push(
      'is one consulate\'s own checklist, which speaks only for the families it serves: set "speaker" to that consulate (never the country) and "serves_part_of_home": true, so its papers are "may ask for".',
    );
  }
  // A mission's page is that mission speaking ("Poland's mission in Ireland"), never the whole
  // country: it is who the family is told asks, and whom to let know (review 9, finding 3).
  if (rule.source_kind === 'consulate' && rule.speaker === undefined) {
    faults.push(
      'rests on a consulate or embassy page: set "speaker" to that mission ("Poland\'s mission in Ireland"), never the country, so it is named as itself.',
    );
  } else if (rule.speaker === undefined && isMissionPage(rule.source_url)) {
    // Filed as official (it states the country's law), but still a mission speaking: Japan's
    // embassy in Canada is not Japan (review 11, finding 12).
    faults.push(
      'rests on an embassy\'s or consulate\'s own site, whatever its source_kind: set "speaker" to that mission ("Japan\'s embassy in Canada"), never the country, and say in the detail that it is the mission speaking.',
    );
  }
  // A rule has one source_url, so its words speak for that one source: "two retailers report
  // this" beside one address could not be checked (fr-cabin-only, ai-carriage and vs-cabin said so;
  // review 22 leftovers, finding 3). A second source is a rule of its own.
  if (
    [rule.title, ...details, ...(rule.living_elsewhere ? [rule.living_elsewhere] : [])].some((text) =>
      MANY_SOURCES.test(text),
    )
  ) {
    faults.push(
      'speaks for more than one source ("two retailers", "reports agree"), but a rule has one source_url; say what its one source says, and give another source a rule of its own.',
    );
  }
  // A mission's list for a paper applied for where the ashes are, whoever the family is (Vietnam's
  // permit, Decision 1275/QĐ-BNG), speaks for ashes leaving its country: `ashes_from` (review 26, 2).
  if (
    rule.source_kind === 'consulate' &&
    rule.conditions.home === undefined &&
    rule.conditions.ashes_from === undefined
  ) {
    faults.push(
      'rests on a consulate or embassy page, which speaks for the people living where it serves; add "home" with the countries it serves (or "ashes_from", where the paper is applied for where the ashes are, whoever the family is).',
    );
  }
  // A mission's own site filed as official (it states its country's law) still speaks for the
  // families where it serves, or for the journey setting off there: Japan's embassy in Canada's
  // burial papers were said to a family in Singapore (review 35, finding 6). A note that asks for
  // nothing and says whom to ask (India's eCARe portal, from its consulate in Toronto) is left.
  if (
    rule.source_kind !== 'consulate' &&
    isMissionPage(rule.source_url) &&
    rule.severity !== 'info' &&
    rule.conditions.home === undefined &&
    rule.conditions.ashes_from === undefined &&
    rule.conditions.from === undefined
  ) {
    faults.push(
      'rests on an embassy\'s or consulate\'s own site, which speaks for the families where it serves; add "home" with the countries it serves, "ashes_from" where its paper is applied for where the ashes are, or "from" for the journey setting off there.',
    );
  }
  // A mission that only advises checks nothing, so it is named, and never "requires" (review 35,
  // finding 2: the US Embassy in London on taking ashes into the UK).
  if (
    rule.only_advises === true &&
    (rule.speaker === undefined || rule.severity === 'required' || rule.severity === 'warning')
  ) {
    faults.push(
      'says only_advises: its speaker gives advice and checks no papers, so name it in "speaker" and make the rule "recommended" or "info", never "required" or "warning".',
    );
  }
  // A mission abroad speaks of bringing ashes into its country, never of a flight within it
  // (review 30, finding 2: the Philippine consulate in Sydney's certificate on Manila to Cebu).
  if (
    rule.source_kind === 'consulate' &&
    rule.conditions.to !== undefined &&
    rule.conditions.international !== true &&
    rule.conditions.from === undefined
  ) {
    faults.push(
      'rests on a consulate or embassy page about bringing ashes into a country, but would apply to a journey within it; add "international": true.',
    );
  }
  return faults;
}

function placeFaults(rule: Rule): string[] {
  const c = rule.conditions;
  const faults: string[] = [];
  const countries = [
    ...(c.from ?? []),
    ...(c.from_not ?? []),
    ...(c.journey_from_not ?? []),
    ...(c.to ?? []),
    ...(c.touches ?? []),
    ...(c.via ?? []),
    ...(c.home ?? []),
    ...(c.trip_origin_not ?? []),
    ...(c.trip_reaches ?? []),
    ...(c.loss_country ?? []),
    ...(c.ashes_from ?? []),
    ...(c.ashes_from_outside ?? []),
    ...(c.ashes_from_within ?? []),
    ...(c.loss_country_not ?? []),
    ...(c.scatter_country ?? []),
  ];
  for (const code of new Set(countries)) {
    if (!isCountryCode(code)) faults.push(`names "${code}", which is not an ISO 3166-1 country code.`);
  }
  for (const code of new Set([
    ...(c.loss_region ?? []),
    ...(c.scatter_region ?? []),
    ...(c.ashes_from_region ?? []),
    ...(c.ashes_from_region_not ?? []),
  ])) {
    if (!isRegionCode(code)) faults.push(`names "${code}", which is not an ISO 3166-2 region code.`);
  }
  // A state's own law speaks for ashes from that state: the state must lie in the country named.
  for (const field of ['ashes_from_region', 'ashes_from_region_not'] as const) {
    for (const code of c[field] ?? []) {
      if (!c.ashes_from?.some((country) => code.startsWith(`${country}-`))) {
        faults.push(`names the state ${code} in ${field}; add its country to ashes_from.`);
      }
    }
  }
  // A named site is one the input can name and check against its place and region (sites.ts).
  for (const site of c.scatter_site ?? []) {
    if (KNOWN_SITES[site] === undefined)
      faults.push(
        `names the site "${site}", which sites.ts does not place; add it there with its name and region.`,
      );
  }
  // TSA screens only departures from the US and its territories: a rule about asking TSA, or
  // about TSA's checkpoint, says so (review 23, finding 5: American's agent "may ask TSA" was shown
  // on a flight from Mexico City). A rule about screening or the container at the X-ray speaks in
  // TSA's words only where TSA screens (review 29, finding 7: "TSA has described …" was said on a
  // Qantas flight within Australia).
  const kind = scopeKindOf(rule);
  const name = scopeNameOf(rule);
  const tsaIn = /\bTSA\b/.test(rule.title)
    ? 'title'
    : (kind === 'security' || kind === 'container') && /\bTSA\b/.test(rule.detail)
      ? 'detail'
      : null;
  if (tsaIn && (c.screening === undefined || c.screening.some((body) => body !== 'US-TSA'))) {
    faults.push(
      `names TSA in its ${tsaIn} but would apply where TSA does not screen; add "screening": ["US-TSA"].`,
    );
  }
  if (kind === 'scattering') {
    const where = c.scatter_country ?? c.scatter_region ?? c.scatter_site;
    if (!where)
      faults.push('is a scattering rule but says neither scatter_country, scatter_region nor scatter_site.');
    if (isRegionCode(name) && !c.scatter_region?.includes(name)) {
      faults.push(`speaks for ${name} but would apply outside it; add "scatter_region": ["${name}"].`);
    }
  }
  if ((kind === 'country' || kind === 'road') && isCountryCode(name)) {
    const placed = [
      ...(c.to ?? []),
      ...(c.from ?? []),
      ...(c.touches ?? []),
      ...(c.via ?? []),
      ...(c.scatter_country ?? []),
    ];
    if (!placed.includes(name)) faults.push(`speaks for ${name} but none of its conditions names ${name}.`);
  }
  return faults;
}

function livingElsewhereFaults(rule: Rule): string[] {
  if (rule.living_elsewhere === undefined || rule.conditions.home_or_death_there) return [];
  return [
    'says living_elsewhere, which is said only to families living outside "home" that home_or_death_there lets in; add it or drop the words.',
  ];
}

function paperworkFaults(rule: Rule): string[] {
  const faults: string[] = [];
  const c = rule.conditions;
  for (const ask of rule.document?.asks_for ?? []) {
    if (ask.key === 'other_paper' && ask.title === undefined) {
      faults.push('asks for "other_paper" without a title; say what the paper is, in the source\'s words.');
    }
    faults.push(...translationFaults(ask));
  }
  const asks = rule.document?.asks_for ?? [];
  if (rule.document?.all_required && (asks.length < 2 || asks.some((ask) => ask.or !== undefined))) {
    faults.push(
      'says all_required, but that means "every one of several papers, none instead of another": list two or more, with no "or".',
    );
  }
  if (rule.document?.no_substitute && (asks.length !== 1 || asks[0]!.or !== undefined)) {
    faults.push(
      'says no_substitute, but that means "one paper, nothing in its place": list exactly one, with no "or" (several together is all_required).',
    );
  }
  for (const gap of rule.document?.not_issued ?? []) {
    if (gap.if_sharing_urn && (!gap.if_multiple || !gap.if_sharing_urn.includes('{others}'))) {
      faults.push(
        'says if_sharing_urn, which is said in place of if_multiple for babies sharing one urn: give if_multiple too, and name the others with {others}.',
      );
    }
    if (
      /crematorium's certificate/.test(gap.instead) &&
      !gap.instead_includes?.includes('cremation_certificate')
    ) {
      faults.push(
        `names the crematorium's certificate in what to carry instead of the ${gap.key}; add "instead_includes": ["cremation_certificate"] so it is not asked for twice.`,
      );
    }
    const babyThreshold =
      c.gestation_weeks_lt !== undefined ||
      c.gestation_weeks_gte !== undefined ||
      c.birth_weight_g_lt !== undefined;
    if (gap.key === 'death_certificate' && babyThreshold && c.born_alive !== false) {
      faults.push(
        'says a baby has no death certificate but does not say "born_alive": false; a baby born alive is registered at any gestation.',
      );
    }
    if (
      c.loved_one?.some((kind) => kind === 'infant' || kind === 'child' || kind === 'adult') &&
      gap.key === 'death_certificate'
    ) {
      faults.push(
        `says there is no death certificate for an ${c.loved_one.join(' or ')}, who was born alive and is registered.`,
      );
    }
    // "In most US states" is not this family's state: never a flat "there is no" (review 9, finding 2).
    if (/\bin most\b/i.test(gap.reason) && !gap.varies) {
      faults.push(
        `says "in most" places the ${gap.key} is not issued but not "varies": true; a source for most places is never a flat "there is no".`,
      );
    }
    faults.push(...registrationFaults(gap));
  }
  return faults;
}

/**
 * A translation of the death certificate, listed beside "there is no death certificate" for a
 * stillborn baby, must say what it is of (`of`) and how it reads without one (`title_without`).
 */
export function translationFaults(ask: DocumentAsk): string[] {
  const faults: string[] = [];
  if (ask.title_without !== undefined && (ask.of ?? []).length === 0)
    faults.push('says title_without but not "of": name the papers it is made from.');
  if (
    ask.key === 'certified_translation' &&
    /death certificate/i.test(ask.title ?? '') &&
    (ask.title_without === undefined || !(ask.of ?? []).includes('death_certificate'))
  )
    faults.push(
      'asks for a translation of the death certificate without "of": ["death_certificate", …] and "title_without"; a family with no death certificate would be told to translate one.',
    );
  return faults;
}

/** "registered with a stillbirth certificate", "recorded on a fetal death report", "registered as a birth" */
const REGISTERED_OTHERWISE = /\b(registered|recorded) (with|on|as)\b/i;

/** "if the parents choose to register", "registering is optional", "not mandatory" */
const PARENTS_CHOOSE =
  /\bif (?:the parents|you) choose\b|\b(?:parents'|their) choice\b|\boptional\b|\bnot mandatory\b/i;

/**
 * The packet's note for security says "before the stage at which a death certificate is issued"
 * only for a baby who is not registered at all; a reason that names another paper the baby is
 * registered on must name it in `registered_on`, and a threshold reason must not (review 11, 1).
 * Where registering is the parents' choice (Ireland), `registration_optional` says so, and the note
 * never says that paper is carried (issue 7).
 */
export function registrationFaults(gap: DocumentNotIssued): string[] {
  if (gap.key !== 'death_certificate') return [];
  const otherwise = REGISTERED_OTHERWISE.test(gap.reason);
  if (gap.registration_unsettled && gap.registered_on !== undefined)
    return [
      `says "registration_unsettled": true and "registered_on": "${gap.registered_on}"; a registration that is not settled names no paper.`,
    ];
  if (otherwise && gap.registered_on === undefined)
    return [
      'says the baby is registered or recorded on another paper but has no "registered_on" naming it; the packet would say "before the stage at which a death certificate is issued".',
    ];
  if (!otherwise && gap.registered_on !== undefined)
    return [
      `says "registered_on": "${gap.registered_on}", but its reason does not say the baby is registered or recorded on it.`,
    ];
  // Where registering is the parents' choice, the note must never say the paper is carried.
  if (gap.registration_optional && gap.registered_on === undefined)
    return ['says "registration_optional": true without "registered_on"; there is no paper to be optional.'];
  if (PARENTS_CHOOSE.test(gap.reason) && !gap.registration_optional)
    return [
      'says registering is the parents\' choice but not "registration_optional": true; the packet would say the family carries a paper they may not have.',
    ];
  return [];
}

/** "the passport of the person who died", "a passport" in a list of the deceased's papers, … */
const THEIR_PASSPORT =
  /passports? (or OCI card )?of the person who died|ID or passport of the person who died|and a passport\b/i;

/**
 * A rule that can reach a family whose baby died before birth, and asks for the passport of the
 * person who died, must say how it reads without it (`without_passport`), and that must not ask.
 */
export function passportFaults(rule: Rule): string[] {
  const asks = THEIR_PASSPORT.test(`${rule.title} ${rule.detail}`);
  const onlyShipments = rule.conditions.channel?.every((channel) => channel === 'shipment') ?? false;
  const neverForABaby =
    rule.conditions.loved_one_not?.includes('pregnancy_loss') ||
    (rule.conditions.loved_one !== undefined && !rule.conditions.loved_one.includes('pregnancy_loss'));
  const faults: string[] = [];
  if (asks && !onlyShipments && !neverForABaby && !rule.without_passport) {
    faults.push(
      'asks for the passport of the person who died; add without_passport, saying it for a baby who never had one.',
    );
  }
  const plain = rule.without_passport;
  if (plain && THEIR_PASSPORT.test(`${plain.title ?? ''} ${plain.detail}`)) {
    faults.push('without_passport still asks for the passport of the person who died.');
  }
  return faults;
}

/** Words never said where a child's or a baby's ashes may be: "lost" (a bag goes missing), "passed away", "sleeping". */
const UNKIND = /\b(lost|passed away|sleeping)\b/i;

/** A rule that can be shown beside a baby's or child's ashes says what it means plainly and kindly. */
export function wordFaults(rule: Rule): string[] {
  const kinds = rule.conditions.loved_one;
  const neverForAChild =
    kinds !== undefined &&
    !kinds.some((kind) => kind === 'pregnancy_loss' || kind === 'infant' || kind === 'child');
  if (neverForAChild) return [];
  const shown = [
    rule.title,
    rule.detail,
    rule.without_passport?.title ?? '',
    rule.without_passport?.detail ?? '',
    rule.when_sent?.title ?? '',
    rule.when_sent?.detail ?? '',
    rule.for_a_baby_without_certificate ?? '',
    rule.bag_condition ?? '',
    ...(rule.document?.not_issued ?? []).flatMap((gap) => [
      gap.reason,
      gap.instead,
      gap.if_multiple ?? '',
      gap.if_sharing_urn ?? '',
    ]),
  ].join(' ');
  const word = UNKIND.exec(shown)?.[1];
  return word
    ? [
        `says "${word}", and can be shown beside a child's ashes; say it plainly and kindly ("if the bag goes missing", "died").`,
      ]
    : [];
}

/**
 * A country's paperwork rules for a baby born without signs of life leave no baby between them:
 * where a rule speaks for a smaller baby (before 20 weeks and under 350 g), a baby at least as far
 * along that no rule speaks for (19 weeks, 360 g) is a threshold dropped ("20 weeks or 350 g" needs
 * a rule for each). A country's earliest losses may stay unknown (Australia's before 20 weeks and
 * 400 g did, until review 16): nothing smaller is covered there.
 */
function thresholdGapFaults(valid: readonly Valid[]): LintFault[] {
  const byCountry = new Map<string, Valid[]>();
  // A threshold carried on by regions' own rules (Australia's from 20 weeks, which leaves out Western
  // Australia) is not dropped: the regions left out are named by the engine (review 17).
  const regional = new Map<string, Valid[]>();
  for (const entry of valid) {
    const c = entry.rule.conditions;
    if (!entry.rule.document?.not_issued || c.born_alive !== false) continue;
    const into = c.loss_region ? regional : byCountry;
    for (const country of c.loss_country ?? []) into.set(country, [...(into.get(country) ?? []), entry]);
  }
  const faults: LintFault[] = [];
  for (const [country, entries] of byCountry) {
    const speaking = [
      ...entries.map((entry) => entry.rule.conditions),
      ...(regional.get(country) ?? []).map((entry) => ({ ...entry.rule.conditions, loss_region: undefined })),
    ];
    const own = entries.map((entry) => entry.rule.conditions);
    faults.push(...droppedThresholds(country, country, entries, own, speaking));
  }
  // Each region's own rules with the country's, as a family there hears them: where every rule for
  // a stage is a region's own (Australia's before 20 weeks and under 400 g speaks for New South
  // Wales and South Australia), a threshold dropped in one region is still found (review 22
  // leftovers, finding 4).
  for (const [country, entries] of regional) {
    const regions = [...new Set(entries.flatMap((entry) => entry.rule.conditions.loss_region ?? []))];
    for (const region of regions) {
      const own = entries.filter((entry) => entry.rule.conditions.loss_region!.includes(region));
      const all = [...(byCountry.get(country) ?? []), ...own];
      const speaking = all.map((entry) => ({ ...entry.rule.conditions, loss_region: undefined }));
      // A stage spoken for in most of the country by a rule that leaves this region out on purpose
      // (Australia's from 20 weeks, `au-stillbirth-def`, leaves out Western Australia, whose law
      // counts a still-birth as a death) is not a threshold dropped here: the engine names the region
      // as one our sources do not speak for, as in the country-wide check above.
      const parts = regionsOf(country).length;
      const leftOutOf = entries
        .filter(
          (entry) =>
            !entry.rule.conditions.loss_region!.includes(region) &&
            entry.rule.conditions.loss_region!.length * 2 > parts,
        )
        .map((entry) => ({ ...entry.rule.conditions, loss_region: undefined }));
      faults.push(...droppedThresholds(country, region, all, speaking, speaking, leftOutOf));
    }
  }
  return faults;
}

/**
 * Faults where a baby at a threshold is spoken for by none of `speaking`, though a smaller baby is:
 * a source's "weeks or grams" said as one rule, its other threshold dropped.
 */
function droppedThresholds(
  country: string,
  where: string,
  entries: readonly Valid[],
  thresholds: readonly RuleConditions[],
  speaking: readonly RuleConditions[],
  leftOutOf: readonly RuleConditions[] = [],
): LintFault[] {
  const around = (values: (number | undefined)[]) => [
    ...new Set(values.flatMap((v) => (v === undefined ? [] : [v - 1, v]))),
  ];
  // "Not known" is a stage too where a rule goes by the weight only then (New South Wales, Victoria:
  // 400 g where the weeks can't be established; review 36, finding 3).
  const weeks: (number | 'unknown')[] = [
    ...around(thresholds.flatMap((c) => [c.gestation_weeks_lt, c.gestation_weeks_gte])),
    ...(thresholds.some((c) => c.gestation_weeks_known === false) ? (['unknown'] as const) : []),
  ];
  const grams = around(thresholds.flatMap((c) => [c.birth_weight_g_lt, c.birth_weight_g_gte]));
  const coveredBy = (
    list: readonly RuleConditions[],
    weeksAnswer: number | 'unknown' | null,
    birthWeightG: number | null,
  ) =>
    list.some(
      (c) =>
        lovedOneMatch(c, {
          name: 'a baby',
          named: false,
          kind: 'pregnancy_loss',
          gestationWeeks: weeksAnswer === 'unknown' ? null : weeksAnswer,
          ...(weeksAnswer === 'unknown' && { gestationWeeksUnknown: true as const }),
          bornAlive: false,
          birthWeightG,
          lossCountry: country,
          lossRegion: null,
          cremationCountry: null,
          cremationRegion: null,
          nationality: null,
        }).holds === 'yes',
    );
  const covered = (gestationWeeks: number | 'unknown' | null, birthWeightG: number | null) =>
    coveredBy(speaking, gestationWeeks, birthWeightG);
  const points = (weeks.length > 0 ? weeks : [null]).flatMap((w) =>
    (grams.length > 0 ? grams : [null]).map((g) => ({ w, g })),
  );
  // The weeks not known are compared only with the weeks not known, by the weight.
  const below = (a: { w: number | 'unknown' | null; g: number | null }, b: typeof a) =>
    (a.w === 'unknown') === (b.w === 'unknown') &&
    (a.w === 'unknown' || (a.w ?? 0) <= ((b.w as number | null) ?? 0)) &&
    (a.g ?? 0) <= (b.g ?? 0) &&
    a !== b;
  const faults: LintFault[] = [];
  for (const point of points) {
    if (covered(point.w, point.g) || coveredBy(leftOutOf, point.w, point.g)) continue;
    if (!points.some((other) => below(other, point) && covered(other.w, other.g))) continue;
    const at = [
      point.w === null || point.w === 'unknown' ? '' : `${point.w} weeks`,
      point.g === null ? '' : `${point.g} g`,
      point.w === 'unknown' ? 'the weeks not known' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    for (const { rule, file } of entries) {
      faults.push({
        rule_id: rule.id,
        ...(file ? { file } : {}),
        message: `no paperwork rule for ${where} speaks for a baby born without signs of life at ${at}, though one speaks for a smaller baby; a source's "weeks or grams" needs a rule for each threshold.`,
      });
    }
  }
  return faults;
}

/** Rules merged into one requirement must agree on what disagrees with it. */
/** Whether two rules can speak for the same container (a rule naming none speaks for all). */
function shareAContainer(a?: readonly string[], b?: readonly string[]): boolean {
  return a === undefined || b === undefined || a.some((container) => b.includes(container));
}

function mergeGroupFaults(valid: readonly Valid[]): LintFault[] {
  const groups = new Map<string, Valid[]>();
  for (const entry of valid) {
    if (entry.rule.merge_key === undefined) continue;
    groups.set(entry.rule.merge_key, [...(groups.get(entry.rule.merge_key) ?? []), entry]);
  }
  const faults: LintFault[] = [];
  const byId = new Map(valid.map(({ rule }) => [rule.id, rule]));
  for (const [key, group] of groups) {
    // Only a disagreement both could meet counts: the 2004 Denver test disagrees about a stone urn,
    // not a metal one, so the metal urn's warning may merge with TSA's without it (review 10, 6).
    const differ = group.some(({ rule: a }) =>
      group.some(({ rule: b }) => {
        const [x, y] = [a.conditions.container, b.conditions.container];
        if (!shareAContainer(x, y)) return false;
        const met = (rule: Rule) =>
          (rule.conflicts_with ?? [])
            .filter((id) => {
              const other = byId.get(id)?.conditions.container;
              return shareAContainer(other, x) && shareAContainer(other, y);
            })
            .sort()
            .join(',');
        return met(a) !== met(b);
      }),
    );
    if (!differ) continue;
    for (const { rule, file } of group) {
      faults.push({
        rule_id: rule.id,
        ...(file ? { file } : {}),
        message: `shares merge_key "${key}" with ${group
          .filter((other) => other.rule !== rule)
          .map((other) => other.rule.id)
          .join(
            ', ',
          )}, but they name different conflicts_with; a merged requirement must show the same disagreements whichever rule speaks for it.`,
      });
    }
  }
  return faults;
}

/**
 * Embassies' and consulates' own sites, by address: a mission's page filed as `official` because it
 * states its country's law is still the mission speaking. The host says so ("embassy", "consul",
 * Japan's "emb-", Italy's "amb…"/"cons…" under esteri.it, a city under a foreign ministry's domain
 * such as losangeles.mfa.gov.hu, a High Commission's "jhc"), or it is one we know (germany.info is
 * the German Missions in the United States). A mission page this misses and filed as `consulate` is
 * still caught by its source_kind.
 */
const MISSION_HOSTS = [
  /embassy|consul/,
  /(?:^|\.)emb-[a-z]+\.go\.jp$/,
  /^(?:amb|cons)[a-z]+\.esteri\.it$/,
  /^[a-z]+\.(?:mfa|dfa|msz|mfaft)\.gov\.[a-z]{2}$/,
  /^(?:www\.)?jhc[a-z]*\.[a-z.]+$/,
  /(?:^|\.)germany\.info$/,
  // India's consulates general (cgivancouver.org, cgitoronto.gov.in), High Commissions
  // (hciottawa.gov.in, suvidha.hciottawa.gov.in) and embassies (indembhelsinki.gov.in) (review 16,
  // finding 7: cgitoronto.gov.in was missed).
  /^(?:www\.)?cgi[a-z]+\.org$/,
  /^(?:[a-z]+\.)?(?:cgi|hci|indemb)[a-z]+\.gov\.in$/,
  // Argentina's consulates and embassies (ctene.cancilleria.gob.ar, catla.cancilleria.gob.ar,
  // ctoro.mrecic.gob.ar), never the ministry's own site at www. (review 21, finding 1: the
  // Tenerife consulate's list was said to every family going to Argentina).
  /^(?!www\.)[a-z]+\.(?:cancilleria|mrecic)\.gob\.ar$/,
];

export function isMissionPage(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return MISSION_HOSTS.some((pattern) => pattern.test(host));
  } catch {
    return false;
  }
}
