import type { RuleConflict, RuleRequirement } from '../../contracts/travel-rules.js';
import { forThisFamily } from './document-list.js';
import type { Paperwork } from './loss-paperwork.js';
import type { DiedWhere } from './match-conditions.js';
import { countryName, countryPhrase, embassyWhere, scopeLabel, whoToAsk } from './names.js';
import { byAuthority, bySeverityThenId, compareText, joinList } from './ordering.js';
import { isInDoubtPassingThrough } from './passing-through.js';
import { provenanceOf } from './provenance.js';
import { MISSION, type Rule, SERVING_WHERE_YOU_LIVE } from './rule-schema.js';
import { diedWhereNote } from './where-they-died.js';

// Turns the rules that apply to a leg into requirements (rules that say the same thing, sharing a
// merge_key, become one) and surfaces every disagreement between sources as a conflict. Nothing is
// silently chosen: both sides stay in the requirements and the conflict names them.

export interface MatchedRule {
  rule: Rule;
  /** Labels of the keepsakes it matched for. */
  keepsakes: ReadonlySet<string>;
  /** Whose ashes those keepsakes hold (by name). */
  owners: ReadonlySet<string>;
  /**
   * Whose ashes each of those keepsakes holds (more than one where an urn holds twins' ashes), and
   * what it is made of, by keepsake label.
   */
  heldIn?: ReadonlyMap<string, { owners: readonly string[]; container: string }>;
  /**
   * For whom (by name) it holds only after a death where the family has not said (a consulate's
   * list for a death in the United States): said with that condition, and asked about.
   */
  diedWhere?: ReadonlyMap<string, DiedWhere>;
}

export interface RequirementOptions {
  today: string;
  /** Labels of every ash-holding keepsake on the trip: a rule about all of them names none. */
  allKeepsakes: readonly string[];
  paperworks: readonly Paperwork[];
  /** The family's home country: whom to ask about a country's rule depends on it. */
  home?: string;
  /** Another way the same source leaves open, where a rule asking for every paper is closed. */
  otherWays?: (rule: Rule, paperwork: Paperwork) => string | null;
  /**
   * Where the family asks a country's mission from on this leg (askingFrom: where they live, or
   * on the way home where the journey sets off), or null while not said: a detail's "{mission}"
   * becomes that mission ("the embassy or consulate of Austria in Italy"; review 27, finding 11).
   */
  askingFrom?: string | null;
  /**
   * On a leg bringing the ashes into the family's home, home and whom they ask there before they set
   * off (coming-home.ts): a detail's "{mission}" for home's own rule names them, never home's post
   * abroad ("the border authorities of Austria", not "the embassy or consulate of Austria in Italy";
   * review 35, aa).
   */
  comingHome?: { home: string; whom: string } | null;
  /**
   * Sending the ashes rather than carrying them: a rule's `when_sent` words are said instead of its
   * detail, which speaks of ashes a family carries (review 35b, fixAE finding 1).
   */
  channel?: 'trip' | 'shipment';
}

/** A detail's "{mission}": the mission of the rule's country, where the family asks from. */
function withMission(
  rule: Rule,
  detail: string,
  askingFrom: string | null | undefined,
  comingHome: RequirementOptions['comingHome'],
): string {
  if (!detail.includes(MISSION)) return detail;
  const country = rule.scope.startsWith('country:') ? rule.scope.slice('country:'.length) : null;
  if (country === null) return detail;
  if (comingHome && comingHome.home === country) return detail.replaceAll(MISSION, comingHome.whom);
  return detail.replaceAll(MISSION, embassyWhere(country, askingFrom ?? null));
}

export function toRequirements(
  matched: readonly MatchedRule[],
  options: RequirementOptions,
): RuleRequirement[] {
  const groups = mergedGroups(matched, options.allKeepsakes);
  const rulesById = new Map<string, { group: MatchedRule[]; rules: Rule[]; owners: Set<string> }>();
  const requirements = [...groups].map(([id, group]): RuleRequirement => {
    const rules = group.map((entry) => entry.rule);
    const primary = [...rules].sort(byAuthority)[0]!;
    const owners = new Set(group.flatMap((entry) => [...entry.owners]));
    // Said for a baby who never had a passport (or a pet), the rule does not ask for one.
    const neverHadPassport = options.paperworks
      .filter((paperwork) => owners.has(paperwork.lovedOne.name))
      .every((paperwork) => paperwork.dropped.has('deceased_passport'));
    const words =
      (neverHadPassport && owners.size > 0 && primary.without_passport) ||
      (options.channel === 'shipment' && primary.when_sent) ||
      primary;
    // A baby with no death certificate keeps its own caveat beside an adult who has one (review 22, 3).
    const babyWithout = options.paperworks.some(
      (paperwork) =>
        owners.has(paperwork.lovedOne.name) &&
        paperwork.lovedOne.kind !== 'pet' &&
        (paperwork.missing.has('death_certificate') || paperwork.dropped.has('death_certificate')),
    );
    const caveat = babyWithout ? primary.for_a_baby_without_certificate : undefined;
    const detail = withMission(
      primary,
      forWhereTheyDied(primary, options.home, owners, caveat ? `${words.detail} ${caveat}` : words.detail),
      options.askingFrom,
      options.comingHome,
    );
    const keepsakes = new Set(group.flatMap((entry) => [...entry.keepsakes]));
    const about =
      options.allKeepsakes.length > 1 && keepsakes.size < options.allKeepsakes.length
        ? options.allKeepsakes.filter((label) => keepsakes.has(label))
        : [];
    return {
      id,
      severity: primary.severity,
      title: words.title ?? primary.title,
      detail,
      ...provenanceOf(primary, options.today),
      rule_ids: rules.map((rule) => rule.id).sort(compareText),
      about,
      for_this_family: null,
    };
  });
  for (const [id, group] of groups) {
    rulesById.set(id, {
      group,
      rules: group.map((entry) => entry.rule),
      owners: new Set(group.flatMap((entry) => [...entry.owners])),
    });
  }
  // In the order they are shown, so a note said once is said on the first that asks for the paper.
  const said = new Set<string>();
  return requirements.sort(bySeverityThenId).map((requirement) => {
    const { group, rules, owners } = rulesById.get(requirement.id)!;
    // Only the loved ones whose keepsakes this requirement is about.
    const papers = forThisFamily(
      rules,
      options.paperworks.filter((paperwork) => owners.size === 0 || owners.has(paperwork.lovedOne.name)),
      options.home,
      options.otherWays,
      said,
    );
    const elsewhere = livingElsewhere(rules, options.home);
    const through = onlyPassingThrough(rules);
    return {
      ...requirement,
      for_this_family:
        [diedWhereNote(group, owners), through, papers, elsewhere]
          .filter((note) => note !== null)
          .join(' ') || null,
    };
  });
}

/**
 * The rules of one leg that become one requirement each, by requirement id: those sharing a
 * merge_key are one, split again by keepsake where their materials differ (splitByKeepsake).
 */
export function mergedGroups(
  matched: readonly MatchedRule[],
  allKeepsakes: readonly string[],
): Map<string, MatchedRule[]> {
  const groups = new Map<string, MatchedRule[]>();
  for (const entry of matched) {
    const key = entry.rule.merge_key ?? entry.rule.id;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  splitByKeepsake(groups, allKeepsakes);
  return groups;
}

/**
 * Rules merged under one key that matched keepsakes of different materials (a metal urn's X-ray
 * risk and a stone heart's) become one requirement per keepsake, each naming it, in words and with
 * a source for its own material: never one unnamed "this container" for both (review 11, finding
 * 6). A rule that matched both (TSA's word on light materials) joins each. Keepsakes of one
 * material (a wooden urn and a wooden bracelet to declare) stay one requirement.
 */
function splitByKeepsake(groups: Map<string, MatchedRule[]>, allKeepsakes: readonly string[]): void {
  for (const [key, group] of [...groups]) {
    const labels = allKeepsakes.filter((label) => group.some((entry) => entry.keepsakes.has(label)));
    const differ = group.some((entry) => entry.keepsakes.size < labels.length);
    const heldIn = (label: string) => group.find((entry) => entry.keepsakes.has(label))?.heldIn?.get(label);
    const materials = new Set(labels.map((label) => heldIn(label)?.container));
    if (labels.length < 2 || !differ || materials.size < 2 || materials.has(undefined)) continue;
    groups.delete(key);
    for (const label of labels) {
      const index = allKeepsakes.indexOf(label) + 1;
      const owners = heldIn(label)?.owners ?? [];
      groups.set(
        `${key}-${index}`,
        group
          .filter((entry) => entry.keepsakes.has(label))
          .map((entry) => ({
            ...entry,
            keepsakes: new Set([label]),
            owners: new Set(owners),
          })),
      );
    }
  }
}

/**
 * A consulate's list that assumes an applicant living in its district, said to a family living
 * elsewhere (`living_elsewhere`): "Its list assumes the relative lives in Canada; …".
 */
/**
 * A country's rule for bringing ashes in, met where the trip goes straight on from it to a third
 * country: it is kept as its source says it, with what it means here, as the papers list and
 * summary say it ("ask before you travel"), never a bare "required" beside them (review 26,
 * finding 6). The family has not said whether they stay there or only pass through (a tour of the
 * UK and Ireland stays in both), so both are said, never a guess as a fact (review 33b, M2).
 */
function onlyPassingThrough(rules: readonly Rule[]): string | null {
  if (rules.length === 0 || !rules.every(isInDoubtPassingThrough)) return null;
  const country = countryPhrase(rules[0]!.scope.replace(/^country:/, ''));
  const papers = rules.some((rule) => rule.document?.asks_for) ? ' whether you need these papers' : '';
  return `If you stay in ${country}, this applies to you. If you only pass through, our sources don't say whether it does, so ask before you travel${papers}.`;
}

function livingElsewhere(rules: readonly Rule[], home: string | undefined): string | null {
  if (home === undefined) return null;
  const notes = rules
    .filter((rule) => rule.living_elsewhere !== undefined && !rule.conditions.home?.includes(home))
    .map((rule) => rule.living_elsewhere!.replaceAll('{home}', countryName(home)));
  return notes.length > 0 ? [...new Set(notes)].join(' ') : null;
}

/**
 * A consulate's rule matched for a family who lives elsewhere, taking ashes home after a death in
 * the consulate's country (`home_or_death_there`): "the one serving where you live" would send a
 * family living in Mexico to a Mexican consulate in Mexico. They apply where their loved one died.
 */
function forWhereTheyDied(
  rule: Rule,
  home: string | undefined,
  owners: ReadonlySet<string>,
  detail: string,
): string {
  if (!rule.conditions.home_or_death_there || home === undefined || rule.conditions.home?.includes(home)) {
    return detail;
  }
  const who = owners.size === 1 ? [...owners][0]! : 'your loved ones';
  return detail.replaceAll(SERVING_WHERE_YOU_LIVE, `serving where ${who} died`);
}

/**
 * One conflict per group of rules that disagree with each other (connected by conflicts_with). The
 * family is asked to check before they travel, or, sending ashes, before they send anything, with
 * `whom` for each side (by default whoever its scope names; a trip scattering at sea says whom to ask
 * there, never a landowner: finding 18.7).
 */
export function ruleConflicts(
  rules: readonly Rule[],
  channel: 'trip' | 'shipment' = 'trip',
  whom: (rule: Rule) => string = (rule) => whoToAsk(rule),
): RuleConflict[] {
  const present = new Map(rules.map((rule) => [rule.id, rule]));
  const seen = new Set<string>();
  const conflicts: RuleConflict[] = [];
  for (const rule of [...present.values()].sort((a, b) => compareText(a.id, b.id))) {
    if (seen.has(rule.id)) continue;
    const group = connected(rule, present);
    group.forEach((member) => seen.add(member.id));
    if (group.length < 2) continue;
    conflicts.push({
      message: conflictMessage(group, channel, whom),
      rule_ids: group.map((member) => member.id),
    });
  }
  return conflicts;
}

function connected(start: Rule, present: ReadonlyMap<string, Rule>): Rule[] {
  const found = new Map<string, Rule>([[start.id, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const rule = queue.pop()!;
    const neighbours = [
      ...(rule.conflicts_with ?? []),
      ...[...present.values()].filter((other) => other.conflicts_with?.includes(rule.id)).map((o) => o.id),
    ];
    for (const id of neighbours) {
      const other = present.get(id);
      if (other && !found.has(id)) {
        found.set(id, other);
        queue.push(other);
      }
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.id, b.id));
}

function conflictMessage(
  group: readonly Rule[],
  channel: 'trip' | 'shipment',
  whom: (rule: Rule) => string,
): string {
  // One source's rules are one side, never two sides of a disagreement (review 9, finding 15); sources
  // that say the same thing (one title) are one side, each source named once.
  const bySource = new Map<string, { titles: string[]; source: string }>();
  for (const rule of group) {
    const side = bySource.get(rule.source_url) ?? {
      titles: [],
      source: `${hostOf(rule.source_url)}, ${rule.confidence} confidence`,
    };
    if (!side.titles.includes(rule.title)) side.titles.push(rule.title);
    bySource.set(rule.source_url, side);
  }
  const byTitle = new Map<string, string[]>();
  for (const { titles, source } of bySource.values()) {
    const said = titles.map((title) => `“${title}”`).join(' and ');
    const sources = byTitle.get(said) ?? [];
    if (!sources.includes(source)) sources.push(source);
    byTitle.set(said, sources);
  }
  const sides = [...byTitle].map(([said, sources]) => `${said} (${sources.join('; ')})`);
  const { about, ask } = conflictFrame(group, channel, whom);
  return `Our sources${about} disagree: ${sides.join('; ')}. ${ask}`;
}

/** Whom a disagreement is about (" about Singapore Airlines", or '' for several), and whom to ask. */
function conflictFrame(
  group: readonly Rule[],
  channel: 'trip' | 'shipment',
  whom: (rule: Rule) => string,
): { about: string; ask: string } {
  const who = [...new Set([...group].sort(byAuthority).map(whom))];
  const scopes = new Set(group.map((rule) => rule.scope));
  const about = scopes.size === 1 ? ` about ${scopeLabel(group[0]!)}` : '';
  const before = channel === 'shipment' ? 'before you send anything' : 'before you travel';
  return { about, ask: `Please check with ${joinList(who)} ${before}.` };
}

/**
 * A disagreement already set out in full on an earlier leg of the trip (`where`: "the flight from
 * Australia to Singapore"), referred to rather than said again: four sources on Singapore Airlines,
 * word for word on every leg, were long to read four times (review 31, finding 7).
 */
export function conflictSaidBefore(
  group: readonly Rule[],
  where: string,
  whom: (rule: Rule) => string = (rule) => whoToAsk(rule),
): string {
  const { about, ask } = conflictFrame(group, 'trip', whom);
  return `Our sources${about} disagree, as set out in full for ${where}. ${ask}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
