import type { Provenance } from '../../contracts/travel-rules.js';
import { monthsBefore } from './dates.js';
import type { Rule } from './rule-schema.js';

// Where a fact came from and when, said honestly: the source's own date (often unknown), the day
// our research read it, and the day a person last re-read the live page (absent until someone
// does). A rule no person has re-checked, or re-checked more than 12 months ago, is stale: still
// shown, with a word to check the source.

export function isStale(rule: Pick<Rule, 'rechecked_on'>, today: string): boolean {
  return rule.rechecked_on === undefined || rule.rechecked_on < monthsBefore(today, 12);
}

export function provenanceOf(rule: Rule, today: string): Provenance {
  return {
    source_url: rule.source_url,
    source_date: rule.source_date,
    read_on: rule.read_on,
    rechecked_on: rule.rechecked_on ?? null,
    stale: isStale(rule, today),
    confidence: rule.confidence,
    awaiting_official: rule.awaiting_official ?? null,
  };
}
