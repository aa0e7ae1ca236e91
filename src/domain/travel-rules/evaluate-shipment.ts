import type { ShipmentInput, ShipmentOutput } from '../../contracts/travel-rules.js';
import { crossesBorder } from './borders.js';
import { entrySpeaksOnlyFor, standsForEntry } from './gaps.js';
import { RULES } from './load-rules.js';
import { conditionsHold, type MatchContext } from './match-conditions.js';
import { capitalise, carrierName, countryPhrase, embassyWhere } from './names.js';
import { compareText, joinList } from './ordering.js';
import { type Rule, scopeKindOf, scopeNameOf } from './rule-schema.js';
import { ruleConflicts, toRequirements } from './requirements.js';
import { screeningBodyFor } from './screening-bodies.js';
import { isKnownAirline, postAndCourierNames, shipmentCarrierCode } from './shipment-carrier.js';

// Sending ashes rather than carrying them: post, couriers and airline cargo. Without a carrier the
// family sees every carrier's rule for sending from that country, which is the choice before them;
// an airline's cargo rule that names no route is named as a choice rather than listed, and where we
// have no rule for the country's post, that is said.
// The destination's own rules for receiving ashes (Germany will not release an urn to a private
// person) come with them; where we have none, the answer says so.

export interface ShipmentOptions {
  today: string;
  rules?: readonly Rule[];
}

export function evaluateShipment(input: ShipmentInput, options: ShipmentOptions): ShipmentOutput {
  const rules = options.rules ?? RULES;
  // A company we know is read as its code ("Royal Mail" → ROYALMAIL); one we don't ("Canada Post")
  // is kept as typed: no carrier's rule names it, so only the countries' own rules hold, and the
  // answer says we hold nothing on it (review 22 leftovers, finding 1).
  const typed = input.carrier?.trim();
  const code = typed === undefined ? null : shipmentCarrierCode(typed, isKnownAirline);
  const unknownCompany = typed !== undefined && code === null ? typed : null;
  const ctx: MatchContext = {
    channel: 'shipment',
    trip: {
      // The sender applies where they send from: a consulate's list for that place is theirs.
      home: input.from,
      homeKnown: true,
      tripOrigin: input.from,
      purpose: 'carry',
      scatter: null,
      arrivals: new Set([input.to]),
    },
    leg: {
      index: 0,
      mode: 'air',
      from: input.from,
      setsOffFrom: input.from,
      to: input.to,
      international: crossesBorder(input.from, input.to),
      endsAtConnection: false,
      markedConnection: false,
      departsFromConnection: false,
      screening: screeningBodyFor(input.from),
      carrier: code ?? unknownCompany?.toUpperCase() ?? null,
      bag: null,
      reachesScattering: false,
      carriesAshes: true,
    },
    keepsake: { label: 'the ashes', kind: 'ashes', container: 'unknown', lovedOne: null },
  };
  const holding = rules.filter((rule) => conditionsHold(rule.conditions, ctx, rule.scope));
  // Without a carrier, an airline's cargo rule that names no route (Qatar's, Turkish Cargo's) would
  // be listed for a parcel from France to Spain, where that airline may not fly: it is named as a
  // choice instead, and its rules shown once the family says which airline.
  // A rule naming only where the airline will not take ashes from (Alaska Air Cargo: not from
  // Canada or Mexico) names no route it flies either: it is listed only where another of that
  // airline's rules names a route reaching this destination (review 18, finding 8).
  const reaches = (rule: Rule) =>
    rules.some(
      (other) =>
        other.scope === rule.scope &&
        (other.conditions.to ?? other.conditions.touches ?? []).includes(input.to),
    );
  const routeless = (rule: Rule) =>
    scopeKindOf(rule) === 'airline' &&
    rule.conditions.to === undefined &&
    rule.conditions.touches === undefined &&
    (rule.conditions.from === undefined || !reaches(rule));
  // Without a carrier, an airline's cargo rule is not the family's to follow ("Delta ships ashes on
  // their own only through a funeral home", said as required to a family who chose no airline;
  // review 31, finding 4): the airline is named as a choice, with its rules shown once the family
  // says which. A refusal (Alaska Air Cargo: not from Canada) closes a choice, so it is listed
  // where the airline reaches the destination.
  const asChoice = (rule: Rule) =>
    scopeKindOf(rule) === 'airline' && (routeless(rule) || rule.severity !== 'warning');
  const matched = ctx.leg.carrier === null ? holding.filter((rule) => !asChoice(rule)) : holding;
  const carrierRules = matched.filter((rule) => ['carrier', 'airline'].includes(scopeKindOf(rule)));
  const destinationRules = matched.filter(
    (rule) => scopeKindOf(rule) === 'country' && rule.conditions.to && standsForEntry(rule),
  );
  const gaps: string[] = [];
  // The sending country's own rule that names the way an urn is sent from there (Germany's: through
  // the funeral home or crematorium) is whom the post gap sends the family to (review 22, 10).
  const sendsThrough = matched.find(
    (rule) =>
      rule.sends_through !== undefined &&
      scopeKindOf(rule) === 'country' &&
      scopeNameOf(rule) === input.from &&
      rule.conditions.from?.includes(input.from),
  )?.sends_through;
  const postGap = sendsThrough
    ? `We have no rule from our research for sending ashes by post from ${countryPhrase(input.from)}. The note from ${countryPhrase(input.from)} above says to send an urn through ${sendsThrough}, so please ask them before you send anything.`
    : `We have no rule from our research for sending ashes by post from ${countryPhrase(input.from)} yet. Please ask the post office there before you send anything.`;
  if (unknownCompany !== null) {
    // Where the sending country's own note names the way an urn is sent (Germany's), it is said
    // beside the company, as the post gap says it (review 22, finding 10).
    const ask = sendsThrough
      ? `The note from ${countryPhrase(input.from)} above says to send an urn through ${sendsThrough}, so please ask them, and ${unknownCompany}, before you send anything.`
      : `Please ask ${unknownCompany} before you send anything.`;
    gaps.push(
      `We hold nothing from our research on ${unknownCompany}, so we can't say whether it takes ashes, or on what terms. ${ask} If you meant another company, our rules name ${joinList(postAndCourierNames())}, and airlines' cargo services by name or two-character code (such as DL for Delta).`,
    );
  } else if (carrierRules.length === 0) {
    gaps.push(
      ctx.leg.carrier === null
        ? sendsThrough
          ? postGap
          : `We have no rule from our research for sending ashes from ${countryPhrase(input.from)} yet. Please ask the post office or courier before you send anything.`
        : (carrierElsewhereGap(rules, ctx.leg.carrier, input) ??
            `We have no rule from our research for sending ashes with ${carrierName(ctx.leg.carrier)} from ${countryPhrase(input.from)} yet. Please ask them before you send anything.`),
    );
  } else if (
    ctx.leg.carrier === null &&
    !carrierRules.some(
      (rule) => scopeKindOf(rule) === 'carrier' && rule.conditions.from?.includes(input.from),
    )
  ) {
    // The couriers' rules hold everywhere; the post is each country's own, and we have none here.
    gaps.push(postGap);
  }
  // The airlines named as choices: those with a rule for taking ashes here, not only a refusal.
  const choices = holding.filter((rule) => !matched.includes(rule) && rule.severity !== 'warning');
  const airlines = [...new Set(choices.map(scopeNameOf))];
  if (airlines.length > 0) {
    gaps.push(
      `Some airlines' cargo services take ashes on the routes they fly; our research has rules for ${joinList(airlines.map((code) => carrierName(code)).sort(compareText))}. If you are sending by air cargo, say which airline and we'll show its rules.`,
    );
  }
  if (crossesBorder(input.from, input.to) && destinationRules.length === 0) {
    const elsewhere = entrySpeaksOnlyFor(input.to, input.from, input.from, rules, 'shipment');
    // A step or note that is not the country's rules for receiving ashes (India's eCARe portal) is
    // listed above; the gap says what it leaves unknown (review 15, finding 4), never calling a note
    // a step every sender takes (issue 7).
    const steps = matched.filter(
      (rule) =>
        scopeKindOf(rule) === 'country' && rule.conditions.to?.includes(input.to) && rule.one_step_of_entry,
    );
    // The mission is named where the sender is ("… of Brazil in the United States"), as a trip's gap
    // names it where the family lives; a territory's own authorities need no "in" (review 22
    // leftovers, fix-b finding 4).
    const mission = embassyWhere(input.to, input.from);
    gaps.push(
      elsewhere
        ? `Our sources on ashes sent to ${countryPhrase(input.to)} speak only for ashes sent from ${elsewhere}. From ${countryPhrase(input.from)}, ${mission} can tell you what they need before you send anything.`
        : steps.length > 0
          ? `Beyond what is said above (${joinList(steps.map((rule) => `“${rule.title.replace(/\.$/, '')}”`))}), we have no rule from our research for receiving ashes sent to ${countryPhrase(input.to)}. ${capitalise(mission)} can tell you the rest before you send anything.`
          : `We have no rule from our research for receiving ashes sent to ${countryPhrase(input.to)} yet. ${capitalise(mission)} can tell you what they need before you send anything.`,
    );
  }
  return {
    requirements: toRequirements(
      matched.map((rule) => ({ rule, keepsakes: new Set(['the ashes']), owners: new Set<string>() })),
      { today: options.today, allKeepsakes: ['the ashes'], paperworks: [], channel: 'shipment' },
    ),
    gaps: gaps.map((message) => ({ message })),
    // A disagreement between a listed rule and an airline named as a choice (USPS: "the only
    // shipper that allows ashes"; the airlines' cargo pages: they take them) is said all the same.
    conflicts: ruleConflicts([...matched, ...choices], 'shipment'),
  };
}

/**
 * A post whose rules our sources give only for sending from its own country (NZ Post's, from New
 * Zealand), named for ashes sent from elsewhere: whom those sources speak for, and, where the parcel
 * goes to that country, that none says whether it delivers ashes sent there from abroad; so both
 * the post and whoever takes the parcel where it is sent from are asked (review 32, r32a: GB or
 * AU to New Zealand with NZ Post, where we found no NZ Post or NZ government page on receiving them).
 */
function carrierElsewhereGap(rules: readonly Rule[], carrier: string, input: ShipmentInput): string | null {
  const froms = [
    ...new Set(
      rules
        .filter(
          (rule) =>
            rule.conditions.channel?.includes('shipment') && rule.conditions.carrier?.includes(carrier),
        )
        .flatMap((rule) => rule.conditions.from ?? []),
    ),
  ];
  if (froms.length === 0 || froms.includes(input.from)) return null;
  const name = carrierName(carrier, 'shipment');
  const spokenFor = `Our sources on ${name} speak of sending ashes from ${joinList(froms.map(countryPhrase), 'or')}, not from ${countryPhrase(input.from)}`;
  return froms.includes(input.to)
    ? `${spokenFor}, and none says whether ${name} delivers ashes sent to ${countryPhrase(input.to)} from abroad. Please ask ${name}, and the post office or courier you send with in ${countryPhrase(input.from)}, before you send anything.`
    : `${spokenFor}. Please ask ${name} before you send anything.`;
}
