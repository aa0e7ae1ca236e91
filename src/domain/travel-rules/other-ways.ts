import { documentPhrase } from './document-kinds.js';
import { unmetBy } from './document-list.js';
import type { Paperwork } from './loss-paperwork.js';
import { conditionsHold } from './match-conditions.js';
import { capitalise, scopeLabel } from './names.js';
import { type Rule, takesNoSubstitute } from './rule-schema.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// When a source asks for every paper together for one way of carrying the ashes (Emirates, in the
// hold) and this family cannot show one of them, the same carrier may ask for fewer another way
// (Emirates, in the cabin: one original paper). Only a rule in our data can say so: nothing here
// is inferred, and where the data has no such rule, nothing is said.

const BAG_WORDS = { carry_on: 'in the cabin', checked: 'in the hold' } as const;

export function otherWay(
  closed: Rule,
  paperwork: Paperwork,
  candidates: readonly Rule[],
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
): string | null {
  const mine = keepsakes.filter((k) => k.lovedOne === paperwork.lovedOne && k.kind === 'ashes');
  for (const rule of candidates) {
    // With no bag chosen, the way still open is the other bag from the closed one (review 12, 6).
    const bag = rule.conditions.bag?.find((b) => b !== leg.bag && !closed.conditions.bag?.includes(b));
    const asks = rule.document?.asks_for ?? [];
    if (
      rule === closed ||
      rule.scope !== closed.scope ||
      !bag ||
      (leg.bag !== null && rule.conditions.bag!.includes(leg.bag)) ||
      (leg.bag === null && closed.conditions.bag === undefined)
    )
      continue;
    if (takesNoSubstitute(rule)) continue;
    // A rule naming no papers says nothing of them, unless it is the very page that sets the closed
    // way's condition (Qatar's help page: the hold with every paper, the cabin with none named).
    const samePage = rule.source_url === closed.source_url;
    if (asks.length === 0 && !samePage) continue;
    const there = { ...leg, bag };
    if (
      !mine.some((keepsake) =>
        conditionsHold(rule.conditions, { channel: 'trip', trip, leg: there, keepsake }, rule.scope),
      )
    )
      continue;
    if (asks.length === 0) {
      return `${leg.bag === null ? capitalise(BAG_WORDS[bag]) : `Carried ${BAG_WORDS[bag]} instead`}, the ashes may not need that paper: the same ${scopeLabel(rule)} page names none there (“${rule.title}”: ${rule.detail.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '')}).`;
    }
    // Every paper it asks for is one this family has (or one accepted in its place).
    const held = asks.map((ask) =>
      [ask.key, ...(ask.or ?? [])].filter(
        (key) => !paperwork.dropped.has(key) && !paperwork.missing.has(key),
      ),
    );
    if (asks.some((ask) => unmetBy(ask, paperwork) !== null) || held.some((keys) => keys.length === 0))
      continue;
    const papers = held.map((keys) => keys.map((key) => documentPhrase(key)).join(' or ')).join(', with ');
    const reportedly = rule.confidence === 'low' ? 'reportedly ' : '';
    return `${leg.bag === null ? capitalise(BAG_WORDS[bag]) : `Carried ${BAG_WORDS[bag]} instead`}, the ashes may need fewer papers: there ${scopeLabel(rule)} ${reportedly}takes ${papers}${held.length === 1 && held[0]!.length === 1 ? ' on its own' : ''} (“${rule.title}”).`;
  }
  return null;
}
