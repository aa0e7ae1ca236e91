import { type Rule, scopeKindOf, scopeNameOf } from './rule-schema.js';

// Counts the lead can quote ("rules for 35 airlines"). Bodies, airlines, countries, carriers and
// cruise lines are distinct scopes; the rest are numbers of rules.

export interface CoverageSummary {
  screening_bodies: number;
  airlines: number;
  countries: number;
  carriers: number;
  cruise_lines: number;
  rail_rules: number;
  road_rules: number;
  scattering_rules: number;
  document_rules: number;
  container_rules: number;
  total_rules: number;
}

export function coverageSummary(rules: readonly Rule[]): CoverageSummary {
  const distinct = (kind: ReturnType<typeof scopeKindOf>) =>
    new Set(rules.filter((rule) => scopeKindOf(rule) === kind).map(scopeNameOf)).size;
  const count = (kind: ReturnType<typeof scopeKindOf>) =>
    rules.filter((rule) => scopeKindOf(rule) === kind).length;
  return {
    screening_bodies: distinct('security'),
    airlines: distinct('airline'),
    countries: distinct('country'),
    carriers: distinct('carrier'),
    cruise_lines: distinct('cruise'),
    rail_rules: count('rail'),
    road_rules: count('road'),
    scattering_rules: count('scattering'),
    document_rules: count('documents'),
    container_rules: count('container'),
    total_rules: rules.length,
  };
}
