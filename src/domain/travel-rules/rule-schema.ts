import { z } from 'zod';
import {
  ruleConfidences,
  ruleSeverities,
  travelBags,
  travelContainers,
  travelLovedOneKinds,
  travelModes,
  travelPurposes,
} from '../../contracts/travel-rules.js';
import { isRealDate } from './dates.js';

// The shape of one rule in data/*.json. A rule is data, never code: the engine only reads these
// fields, so adding a rule never means touching the engine (see data/README.md).

export const scopeKinds = [
  'security',
  'airline',
  'country',
  'documents',
  'carrier',
  'cruise',
  'rail',
  'road',
  'scattering',
  'container',
] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export const screeningBodies = ['US-TSA', 'CA-CATSA', 'UK', 'EU', 'AU'] as const;
export type ScreeningBody = (typeof screeningBodies)[number];

export const documentKeys = [
  'death_certificate',
  'cremation_certificate',
  'funeral_director_declaration',
  'deceased_passport',
  'certified_translation',
  'consular_certificate',
  'permit',
  'next_of_kin_proof',
  'health_certificate',
] as const;
export type DocumentKey = (typeof documentKeys)[number];

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'should be kebab-case, e.g. tsa-xray-required');
const country = z.string().regex(/^[A-Z]{2}$/, 'should be a two-letter country code such as GB');
const code = z.string().regex(/^[A-Z0-9]{2,12}$/, 'should be an upper-case carrier code such as BA');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'should list at least one value');
const sentence = z.string().trim().min(3, 'should be a sentence').max(600, 'should be under 600 characters');

/** All present keys must hold (AND); a list means "any of these" (OR). See match-conditions.ts. */
export const conditionsSchema = z.strictObject({
  channel: list(z.enum(['trip', 'shipment'])).optional(),
  mode: list(z.enum(travelModes)).optional(),
  screening: list(z.enum(screeningBodies)).optional(),
  from: list(country).optional(),
  to: list(country).optional(),
  touches: list(country).optional(),
  international: z.boolean().optional(),
  carrier: list(code).optional(),
  bag: list(z.enum(travelBags)).optional(),
  container: list(z.enum(travelContainers)).optional(),
  keepsake: list(z.enum(['ashes', 'jewellery'])).optional(),
  purpose: list(z.enum(travelPurposes)).optional(),
  loved_one: list(z.enum(travelLovedOneKinds)).optional(),
  loss_country: list(country).optional(),
  gestation_weeks_lt: z.number().int().min(1).max(45).optional(),
  gestation_weeks_gte: z.number().int().min(1).max(45).optional(),
  arrives_away: z.literal(true).optional(),
  connection: z.literal(true).optional(),
  trip_origin_not: list(country).optional(),
});
export type RuleConditions = z.infer<typeof conditionsSchema>;

const documentAskSchema = z.strictObject({
  key: z.enum(documentKeys),
  /** A more precise name, e.g. "Italian consular authorisation and seal". */
  title: sentence.optional(),
  /** Other documents the same rule accepts in its place ("a death or cremation certificate"). */
  or: list(z.enum(documentKeys)).optional(),
});
const documentNotIssuedSchema = z.strictObject({
  key: z.enum(documentKeys),
  /** Completes "… asks for a death certificate, but <reason>." */
  reason: sentence,
  instead: sentence,
});

export const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}, 'should be an http or https address');

export const ruleSchema = z.strictObject({
  id: kebab,
  scope: z
    .string()
    .regex(
      new RegExp(`^(${scopeKinds.join('|')}):[A-Za-z0-9-]+$`),
      `should be <kind>:<name> with kind one of ${scopeKinds.join(', ')}`,
    ),
  conditions: conditionsSchema,
  title: sentence,
  detail: sentence,
  severity: z.enum(ruleSeverities),
  confidence: z.enum(ruleConfidences),
  source_url: httpUrl,
  verified_on: z.string().refine(isRealDate, 'should be a real date written YYYY-MM-DD'),
  /** The date the source itself shows, as the research gives it ("n/d", "2016-10", "2012-06-29"). */
  source_date: z.string().min(1),
  conflicts_with: list(kebab).optional(),
  /** Rules sharing a merge_key say the same thing and become one requirement with this id. */
  merge_key: kebab.optional(),
  document: z
    .strictObject({
      asks_for: list(documentAskSchema).optional(),
      not_issued: list(documentNotIssuedSchema).optional(),
    })
    .optional(),
});
export type Rule = z.infer<typeof ruleSchema>;
export type DocumentAsk = NonNullable<NonNullable<Rule['document']>['asks_for']>[number];
export type DocumentNotIssued = NonNullable<NonNullable<Rule['document']>['not_issued']>[number];

export const ruleFileSchema = z.strictObject({
  version: z.number().int().min(1),
  rules: z.array(z.unknown()),
});

export const scopeKindOf = (rule: Pick<Rule, 'scope'>): ScopeKind => {
  const kind = scopeKinds.find((k) => rule.scope.startsWith(`${k}:`));
  if (!kind) throw new Error(`Rule scope "${rule.scope}" has no known kind.`);
  return kind;
};
export const scopeNameOf = (rule: Pick<Rule, 'scope'>): string => rule.scope.split(':')[1] ?? '';

/** Paperwork rules describe what is (not) issued after a loss; they are judged once per trip. */
export const isPaperworkRule = (rule: Rule): boolean => rule.document?.not_issued !== undefined;
