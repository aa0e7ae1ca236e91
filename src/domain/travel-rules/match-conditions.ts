import type { RuleConditions } from './rule-schema.js';
import type { LovedOneFacts, RuleContext } from './trip-facts.js';

// Does a rule apply here? Every condition present must hold; a list means "any of these".
// What we do not know is treated deliberately, per field:
//  - bag not given: bag-specific rules still show (a family should see "no checked bags" before
//    deciding where to pack);
//  - carrier not given on a trip leg: carrier rules do not show (the leg gets a gap instead), but
//    for a shipment every carrier's rule shows, as the choices open to the family;
//  - loved one not given: rules about a particular loved one do not show;
//  - gestation not given: "before N weeks" holds for a pregnancy loss (most are), "from N weeks" does
//    not, so paperwork that may be missing is flagged rather than assumed present.

const within = <T>(list: readonly T[] | undefined, value: T | null): boolean =>
  list === undefined || (value !== null && list.includes(value));

export function conditionsHold(conditions: RuleConditions, ctx: RuleContext): boolean {
  const c = conditions;
  if (!(c.channel ?? ['trip']).includes(ctx.channel)) return false;
  if (!within(c.mode, ctx.mode)) return false;
  if (!within(c.screening, ctx.screening)) return false;
  if (!within(c.from, ctx.from) || !within(c.to, ctx.to)) return false;
  if (c.touches && !c.touches.includes(ctx.from) && !c.touches.includes(ctx.to)) return false;
  if (c.international !== undefined && c.international !== ctx.international) return false;
  if (c.carrier && !(ctx.carrier === null ? ctx.channel === 'shipment' : c.carrier.includes(ctx.carrier))) {
    return false;
  }
  if (c.bag && ctx.bag !== null && !c.bag.includes(ctx.bag)) return false;
  if (!(c.keepsake ?? ['ashes', 'jewellery']).some((kind) => ctx.keepsakes.has(kind))) return false;
  if (c.container && !c.container.some((material) => ctx.containers.has(material))) return false;
  if (!within(c.purpose, ctx.purpose)) return false;
  if (c.arrives_away && !ctx.arrivesAway) return false;
  if (c.connection && !ctx.connection) return false;
  if (c.trip_origin_not?.includes(ctx.tripOrigin)) return false;
  return lovedOneHolds(c, ctx.lovedOne);
}

function lovedOneHolds(c: RuleConditions, lovedOne: LovedOneFacts | null): boolean {
  const asksAboutLovedOne =
    c.loved_one ||
    c.loss_country ||
    c.gestation_weeks_lt !== undefined ||
    c.gestation_weeks_gte !== undefined;
  if (!asksAboutLovedOne) return true;
  if (!lovedOne) return false;
  if (!within(c.loved_one, lovedOne.kind)) return false;
  if (!within(c.loss_country, lovedOne.lossCountry)) return false;
  const weeks = lovedOne.gestationWeeks;
  if (c.gestation_weeks_lt !== undefined) {
    const below = weeks === null ? lovedOne.kind === 'pregnancy_loss' : weeks < c.gestation_weeks_lt;
    if (!below) return false;
  }
  if (c.gestation_weeks_gte !== undefined && (weeks === null || weeks < c.gestation_weeks_gte)) return false;
  return true;
}
