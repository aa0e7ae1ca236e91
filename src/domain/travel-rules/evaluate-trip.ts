import type {
  RuleConflict,
  TravelLegOutput,
  TravelRulesInput,
  TravelRulesOutput,
} from '../../contracts/travel-rules.js';
import { buildDocumentList, missingPaperConflicts, paperworkRulesFor } from './document-list.js';
import { keepsakeGap, legGaps } from './gaps.js';
import { RULES } from './load-rules.js';
import { paperworkFor } from './loss-paperwork.js';
import { conditionsHold } from './match-conditions.js';
import { isPaperworkRule, type Rule, scopeKindOf } from './rule-schema.js';
import { ruleConflicts, toRequirements } from './requirements.js';
import { legContexts } from './trip-facts.js';

// The travel rules engine: a trip in, per leg what applies (with sources), what we don't know and
// where sources disagree, plus one list of papers to carry. Pure and deterministic: the same input
// always gives the same output, with no clock and no I/O. `rules` is injectable for tests.

export function evaluateTrip(input: TravelRulesInput, rules: readonly Rule[] = RULES): TravelRulesOutput {
  const contexts = legContexts(input);
  const noAshes = keepsakeGap(input.keepsakes.map((keepsake) => keepsake.kind));
  if (noAshes) {
    return {
      legs: contexts.map((_, index) => ({ index, requirements: [], gaps: [noAshes], conflicts: [] })),
      documents: [],
    };
  }

  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const legRules = rules.filter((rule) => !isPaperworkRule(rule));
  const knownDestinations = new Set(
    legRules
      .filter(
        (rule) => scopeKindOf(rule) === 'country' && !rule.conditions.channel?.every((c) => c === 'shipment'),
      )
      .flatMap((rule) => rule.conditions.to ?? []),
  );
  const paperwork = paperworkFor(rules, contexts[0]);
  const matchedByLeg = contexts.map((ctx) => legRules.filter((rule) => conditionsHold(rule.conditions, ctx)));
  const documents = buildDocumentList(matchedByLeg, paperwork);

  const legs = contexts.map((ctx, index): TravelLegOutput => {
    const matched = matchedByLeg[index] ?? [];
    const paperConflicts: RuleConflict[] = missingPaperConflicts(matched, paperwork);
    const shown = [...matched, ...paperworkRulesFor(paperConflicts, rulesById)];
    return {
      index,
      requirements: toRequirements(shown),
      gaps: legGaps({
        ctx,
        matched,
        knownDestinations,
        hasDocuments: documents.length > 0,
        paperwork,
        missingPaperAsked: paperConflicts.length > 0,
      }),
      conflicts: [...ruleConflicts(shown), ...paperConflicts],
    };
  });
  return { legs, documents };
}
