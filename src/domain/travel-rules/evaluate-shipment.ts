import type { ShipmentInput, ShipmentOutput } from '../../contracts/travel-rules.js';
import { RULES } from './load-rules.js';
import { conditionsHold } from './match-conditions.js';
import { carrierName, countryPhrase } from './names.js';
import { type Rule, scopeKindOf } from './rule-schema.js';
import { ruleConflicts, toRequirements } from './requirements.js';
import type { RuleContext } from './trip-facts.js';

// Sending ashes rather than carrying them: post, couriers and airline cargo. Without a carrier the
// family sees every carrier's rule for sending from that country, which is the choice before them.

export function evaluateShipment(input: ShipmentInput, rules: readonly Rule[] = RULES): ShipmentOutput {
  const ctx: RuleContext = {
    channel: 'shipment',
    mode: null,
    from: input.from,
    to: input.to,
    international: input.from !== input.to,
    screening: null,
    carrier: input.carrier ? input.carrier.toUpperCase() : null,
    bag: null,
    containers: new Set(),
    keepsakes: new Set(['ashes']),
    purpose: 'carry',
    lovedOne: null,
    arrivesAway: true,
    connection: false,
    tripOrigin: input.from,
  };
  const matched = rules.filter((rule) => conditionsHold(rule.conditions, ctx));
  const carrierRules = matched.filter((rule) => ['carrier', 'airline'].includes(scopeKindOf(rule)));
  const gaps =
    carrierRules.length > 0
      ? []
      : [
          {
            message:
              ctx.carrier === null
                ? `We have no checked rule for sending ashes from ${countryPhrase(input.from)} yet — please ask the post office or courier before you send anything.`
                : `We have no checked rule for sending ashes with ${carrierName(ctx.carrier)} from ${countryPhrase(input.from)} yet — please ask them before you send anything.`,
          },
        ];
  return { requirements: toRequirements(matched), gaps, conflicts: ruleConflicts(matched) };
}
