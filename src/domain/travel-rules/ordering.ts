import type { RuleConfidence, RuleSeverity } from '../../contracts/travel-rules.js';
import type { Rule } from './rule-schema.js';

// One ordering for everything the engine lists, so the same trip always reads the same way:
// what needs attention first (warning, required, recommended, info), then by id.

const SEVERITY_RANK: Readonly<Record<RuleSeverity, number>> = {
  warning: 0,
  required: 1,
  recommended: 2,
  info: 3,
};
const CONFIDENCE_RANK: Readonly<Record<RuleConfidence, number>> = { high: 0, medium: 1, low: 2 };

export const bySeverityThenId = (a: { severity: RuleSeverity; id: string }, b: typeof a): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.id, b.id);

/** The rule that speaks for a group: most serious, then best sourced, then the most recent. */
export const byAuthority = (a: Rule, b: Rule): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] ||
  compareText(b.rechecked_on ?? b.source_date ?? '', a.rechecked_on ?? a.source_date ?? '') ||
  compareText(a.id, b.id);

/** Code-point order, the same in every locale and runtime (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * A list whose items have commas of their own ("a letter from the relative, with a copy of their
 * passport") is kept apart with semicolons, so each paper reads as one: "a; b; and c" (or "a; and b").
 * Only a comma before the last paper, or an "and" of a paper's own ("translations of the death
 * certificate and the exit permit"), can be misread as a break between papers: a comma in the last
 * paper alone keeps the plain list ("the death register and the declaration, in English"; review 35, t25).
 */
export function joinPapers(items: readonly string[]): string {
  // Two papers with commas of their own too: "a permit, apostilled; and a certificate, apostilled"
  // (review 22, finding 11).
  const breaks =
    items.slice(0, -1).some((item) => item.includes(',')) || items.some((item) => / and /.test(item));
  if (items.length <= 1 || !breaks) return joinList(items);
  return `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}
