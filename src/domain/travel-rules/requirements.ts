import type { RuleConflict, RuleRequirement } from '../../contracts/travel-rules.js';
import type { Rule } from './rule-schema.js';
import { scopeLabel, whoToAsk } from './names.js';
import { byAuthority, bySeverityThenId, compareText, joinList } from './ordering.js';

// Turns the rules that apply to a leg into requirements (rules that say the same thing, sharing a
// merge_key, become one) and surfaces every disagreement between sources as a conflict. Nothing is
// silently chosen: both sides stay in the requirements and the conflict names them.

export function toRequirements(rules: readonly Rule[]): RuleRequirement[] {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) {
    const key = rule.merge_key ?? rule.id;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  const requirements = [...groups].map(([id, group]): RuleRequirement => {
    const primary = [...group].sort(byAuthority)[0]!;
    return {
      id,
      severity: primary.severity,
      title: primary.title,
      detail: primary.detail,
      source_url: primary.source_url,
      verified_on: primary.verified_on,
      confidence: primary.confidence,
      rule_ids: group.map((rule) => rule.id).sort(compareText),
    };
  });
  return requirements.sort(bySeverityThenId);
}

/** One conflict per group of rules that disagree with each other (connected by conflicts_with). */
export function ruleConflicts(rules: readonly Rule[]): RuleConflict[] {
  const present = new Map(rules.map((rule) => [rule.id, rule]));
  const seen = new Set<string>();
  const conflicts: RuleConflict[] = [];
  for (const rule of [...rules].sort((a, b) => compareText(a.id, b.id))) {
    if (seen.has(rule.id)) continue;
    const group = connected(rule, present);
    group.forEach((member) => seen.add(member.id));
    if (group.length < 2) continue;
    conflicts.push({ message: conflictMessage(group), rule_ids: group.map((member) => member.id) });
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

function conflictMessage(group: readonly Rule[]): string {
  const sides = group.map(
    (rule) => `“${rule.title}” (${hostOf(rule.source_url)}, ${rule.confidence} confidence)`,
  );
  const who = [...new Set([...group].sort(byAuthority).map(whoToAsk))];
  const scopes = new Set(group.map((rule) => rule.scope));
  const about = scopes.size === 1 ? ` about ${scopeLabel(group[0]!)}` : '';
  return `Our sources${about} disagree: ${sides.join('; ')}. Please check with ${joinList(who)} before you travel.`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
