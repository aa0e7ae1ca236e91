import type { RuleGap, RuleQuestion } from '../../contracts/travel-rules.js';
import { conditionsHold, type MatchContext } from './match-conditions.js';
import { countryPhrase, regionName } from './names.js';
import { compareText, joinList } from './ordering.js';
import { type Rule, scopeNameOf } from './rule-schema.js';

// A state's own law (Hesse's: the crematorium does not hand an urn to relatives) speaks only for
// ashes cremated in that state. It fires only when the family has said where the cremation was;
// until then, the leg names the unknown ("rules differ by state; where was Oma cremated?") and the
// family is asked once, never guessed for: where a loved one died is not where they were cremated.

export interface StateUnknown {
  /** Whose ashes: the loved one's name, or "your loved one". */
  name: string;
  rule: Rule;
}

/** Rules that would apply to this keepsake on this leg, but for the state nobody has named. */
export function statesUnknown(rules: readonly Rule[], ctx: MatchContext, name: string): StateUnknown[] {
  if (ctx.keepsake.lovedOne?.cremationRegion) return [];
  return rules
    .filter((rule) => rule.conditions.ashes_from_region !== undefined)
    .filter((rule) => conditionsHold({ ...rule.conditions, ashes_from_region: undefined }, ctx, rule.scope))
    .map((rule) => ({ name, rule }));
}

const statesOf = (unknowns: readonly StateUnknown[]): string =>
  joinList(
    [...new Set(unknowns.flatMap((u) => u.rule.conditions.ashes_from_region ?? []))]
      .map((code) => regionName(code))
      .sort(compareText),
  );

const byCountry = (unknowns: readonly StateUnknown[]) => {
  const groups = new Map<string, StateUnknown[]>();
  for (const unknown of unknowns) {
    const key = `${scopeNameOf(unknown.rule)}|${unknown.name}`;
    groups.set(key, [...(groups.get(key) ?? []), unknown]);
  }
  return [...groups.values()];
};

export function stateGaps(unknowns: readonly StateUnknown[]): RuleGap[] {
  return byCountry(unknowns).map((group) => {
    const country = countryPhrase(scopeNameOf(group[0]!.rule));
    const name = group[0]!.name;
    return {
      message: `Rules in ${country} differ by state, and we have a state's own only for ${statesOf(group)}. Where was ${name} cremated? Tell us the state to see whether it applies, or ask the funeral home or crematorium before you travel.`,
    };
  });
}

export function stateQuestions(unknowns: readonly StateUnknown[]): RuleQuestion[] {
  return byCountry(unknowns).map((group) => {
    const country = countryPhrase(scopeNameOf(group[0]!.rule));
    const name = group[0]!.name;
    return {
      loved_one: name,
      field: 'cremated_in',
      message: `Where was ${name} cremated? In ${country} the rules for handing over an urn differ by state (we have a state's own for ${statesOf(group)}), so we can only show the one that applies once we know.`,
    };
  });
}

/**
 * A rule keyed on the state where the urn was cremated (Bavaria's, as reported in 2017: relatives may
 * not carry it; and the country-wide note on the states) speaks of the urn leaving the crematorium
 * with the family, whatever leg follows: it is said once, on the first leg it is met on, never again
 * on each later drive, train or flight (review 32, r32b). `saidBefore` keeps what earlier legs said.
 */
export function notSaidBefore<T extends { rule: Rule; owners: ReadonlySet<string> }>(
  entries: readonly T[],
  saidBefore: Set<string>,
): T[] {
  const shown = entries.filter(
    (entry) => !keyedOnCremationState(entry.rule) || !saidBefore.has(keyOf(entry)),
  );
  for (const entry of entries) if (keyedOnCremationState(entry.rule)) saidBefore.add(keyOf(entry));
  return shown;
}

const keyedOnCremationState = (rule: Rule): boolean =>
  rule.conditions.ashes_from_region !== undefined || rule.conditions.ashes_from_region_not !== undefined;

const keyOf = (entry: { rule: Rule; owners: ReadonlySet<string> }): string =>
  `${entry.rule.merge_key ?? entry.rule.id}|${[...entry.owners].sort(compareText).join('|')}`;

/**
 * A state's own rule that allows what country-wide rules say is not allowed (Bremen's page on
 * scattering ashes, beside "Germany doesn't allow scattering ashes yourself") sets those aside
 * wherever it holds, for the loved ones it holds for: its source, the state's own, speaks for the
 * state, and a family is never told both (`sets_aside`; review 33b, M6).
 */
export function withoutSetAside<T extends { rule: Rule; owners: ReadonlySet<string> }>(
  entries: readonly T[],
): T[] {
  const setters = entries.filter((entry) => entry.rule.sets_aside !== undefined);
  if (setters.length === 0) return [...entries];
  return entries.filter((entry) => {
    const names = [entry.rule.id, ...(entry.rule.merge_key ? [entry.rule.merge_key] : [])];
    const by = setters.filter((setter) => setter.rule.sets_aside!.some((name) => names.includes(name)));
    return ![...entry.owners].every((owner) => by.some((setter) => setter.owners.has(owner)));
  });
}
