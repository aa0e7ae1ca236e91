import { scopeLabel } from './names.js';
import { joinList } from './ordering.js';
import type { Rule } from './rule-schema.js';

// Who speaks for a rule, as a note names them asking for a paper, and which rules are in doubt
// because the same speaker's own sources disagree with them.

/**
 * A country's advice to its own people about leaving it (the UK's: ask the crematorium for its
 * overseas certificate). It says what to bring; no one at that country's border asks for it.
 */
export function isAdviceForLeavingHome(rule: Rule): boolean {
  const { from, to, home } = rule.conditions;
  const country = rule.scope.startsWith('country:') ? rule.scope.slice('country:'.length) : null;
  return country !== null && to === undefined && !!from?.includes(country) && !!home?.includes(country);
}

/** How a country's advice to its own people is named among those who ask for a paper. */
export const ADVICE_FOR_LEAVING = 'advice for leaving ';

/**
 * Who a note says asks for a paper: the rule's `speaker`, or the body its scope names; for a
 * country's advice to its own people, that it is advice.
 */
export const askerLabel = (rule: Rule): string =>
  rule.speaker ??
  (isAdviceForLeavingHome(rule) ? `${ADVICE_FOR_LEAVING}${scopeLabel(rule)}` : scopeLabel(rule));

/**
 * The ids of the rules that another rule of the same speaker disagrees with (`conflicts_with`):
 * Mexico City airport's two pages, two reports of what Singapore Airlines does. Only these ask less
 * firmly for it. A disagreement between two speakers (Royal Caribbean releases a biodegradable urn
 * whole at sea; England's advice for water is that no urn goes in) is shown as a conflict, but
 * weakens neither one’s own papers: each still asks for what it asks for (finding 18.7).
 * A rule named that is not among `rules` is no one's disagreement.
 */
export function disputedByOwnSources(rules: readonly Rule[]): ReadonlySet<string> {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const disputed = new Set<string>();
  for (const rule of rules) {
    for (const id of rule.conflicts_with ?? []) {
      const other = byId.get(id);
      if (other === undefined || askerLabel(other) !== askerLabel(rule)) continue;
      disputed.add(rule.id);
      disputed.add(other.id);
    }
  }
  return disputed;
}

/**
 * "the list of Poland's mission in Ireland is", never "Poland's mission in Ireland's list is"
 * (review 34b, finding 6), with the word that stands for it or them after: for a note that leaves
 * a speaker's list out and says why.
 */
export function listsOfSpeakers(rules: readonly Rule[]): { lists: string; it: string } {
  const speakers = [...new Set(rules.map((rule) => rule.speaker ?? 'one of our sources'))];
  return speakers.length === 1
    ? { lists: `the list of ${speakers[0]} is`, it: 'it' }
    : { lists: `the lists of ${joinList(speakers)} are`, it: 'them' };
}
