// Public entry of the travel rules engine. Everything here is pure: no clock, no I/O.

export { evaluateTrip } from './evaluate-trip.js';
export { evaluateShipment } from './evaluate-shipment.js';
export { parseShipmentInput, parseTravelRulesInput, type Parsed } from './parse-input.js';
export { duplicateKeys, utf8Text } from './json-text.js';
export { lintRuleFiles, lintRules, type LintFault, type LintOptions, type LintReport } from './lint.js';
export { coverageSummary, type CoverageSummary } from './coverage.js';
export {
  LOADED,
  RULE_FILES,
  RULES,
  RULES_BY_ID,
  RuleDataError,
  loadRuleFiles,
  type LoadedRules,
} from './load-rules.js';
export { ruleSchema, type DocumentKey, type Rule, type RuleConditions } from './rule-schema.js';
export { screeningBodyFor } from './screening-bodies.js';
export { provenanceWords, partialDateWords, type ProvenanceDates } from './provenance-words.js';
export { carrierChoices, carrierProblem } from './carrier-choices.js';
