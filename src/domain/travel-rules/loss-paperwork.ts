import { type DocumentKey, isPaperworkRule, type Rule } from './rule-schema.js';
import { conditionsHold } from './match-conditions.js';
import type { RuleContext } from './trip-facts.js';

// After a loss in pregnancy the family may hold no death certificate at all (England issues none
// before 24 weeks; most US states draw the line at 20 weeks or 350 g), and a baby, or a pet, has no
// passport. Airlines and countries that ask for these papers will then meet a family who cannot show
// them. This module works out, from the loved one alone, which papers may not exist and what to
// carry instead, so the engine can say so on the documents list and as a conflict on the leg.

export interface MissingDocument {
  key: DocumentKey;
  /** Completes "… asks for a death certificate, but <reason>." */
  reason: string;
  instead: string;
  /** Paperwork rules that say so; empty when the engine speaks from what it does not know. */
  ruleIds: readonly string[];
}

export interface Paperwork {
  missing: ReadonlyMap<DocumentKey, MissingDocument>;
  /** No checked rule covers the paperwork after a pregnancy loss in this country. */
  uncoveredLossCountry: string | null;
}

const NO_SOURCE_PASSPORT =
  'We have no source for what to carry instead of a passport; whoever asks for it can tell you what they will accept, so it helps to ask ahead.';
const BABY_FALLBACK =
  'Whatever paperwork the hospital, crematorium or funeral director gave you about your baby (in England, for example, a certificate of pregnancy loss). It helps to ask ahead what will be accepted.';
const PET_FALLBACK =
  'A certificate or letter from the pet crematorium saying what the container holds. It helps to ask ahead what will be accepted.';

export function paperworkFor(rules: readonly Rule[], ctx: RuleContext | undefined): Paperwork {
  const missing = new Map<DocumentKey, MissingDocument>();
  const lovedOne = ctx?.lovedOne ?? null;
  if (!ctx || !lovedOne || ctx.keepsakes.size === 0) return { missing, uncoveredLossCountry: null };

  const matched = rules.filter((rule) => isPaperworkRule(rule) && conditionsHold(rule.conditions, ctx));
  for (const rule of matched) {
    for (const gap of rule.document?.not_issued ?? []) {
      const known = missing.get(gap.key);
      const instead = known ? orderInstead([known.instead, gap.instead]) : gap.instead;
      missing.set(gap.key, {
        key: gap.key,
        reason: known?.reason ?? gap.reason,
        instead,
        ruleIds: [...(known?.ruleIds ?? []), rule.id],
      });
    }
  }

  const add = (key: DocumentKey, reason: string, instead: string) => {
    if (!missing.has(key)) missing.set(key, { key, reason, instead, ruleIds: [] });
  };
  let uncoveredLossCountry: string | null = null;
  if (lovedOne.kind === 'pregnancy_loss') {
    if (matched.length === 0) {
      uncoveredLossCountry = lovedOne.lossCountry ?? '';
      add('death_certificate', 'after a loss in pregnancy there may be no death certificate', BABY_FALLBACK);
      add(
        'cremation_certificate',
        'after a loss in pregnancy there may be no cremation certificate',
        BABY_FALLBACK,
      );
    }
    add('deceased_passport', 'a baby lost in pregnancy has no passport', NO_SOURCE_PASSPORT);
  }
  if (lovedOne.kind === 'infant')
    add('deceased_passport', 'a baby may never have had a passport', NO_SOURCE_PASSPORT);
  if (lovedOne.kind === 'pet') {
    add('death_certificate', 'a pet may have no death certificate', PET_FALLBACK);
    add('deceased_passport', 'it asks for the passport of a person who died', NO_SOURCE_PASSPORT);
  }
  return { missing, uncoveredLossCountry };
}

/** Country-wide advice first, regional additions ("In Rhode Island, …") after it. */
function orderInstead(lines: readonly string[]): string {
  const regional = (line: string) => (/^In [A-Z]/.test(line) ? 1 : 0);
  return [...lines]
    .flatMap((line) => line.split(/(?<=\.) (?=In [A-Z])/))
    .sort((a, b) => regional(a) - regional(b))
    .join(' ');
}
