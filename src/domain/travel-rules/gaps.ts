import { holdsAshes, type RuleGap, type TravelKeepsakeKind } from '../../contracts/travel-rules.js';
import { comingHome, type ComingHome } from './coming-home.js';
import { homeGaps } from './home-rules.js';
import { noExitRuleGap } from './leaving-gap.js';
import { type Paperwork, registryFor, speakFor } from './loss-paperwork.js';
import { airlinesNamedInstead } from './named-carriers.js';
import {
  capitalise,
  carrierName,
  countryPhrase,
  embassyOf,
  embassyWhere,
  governedFrom,
  regionName,
  regionPhrase,
} from './names.js';
import { compareText, joinList } from './ordering.js';
import { isScatteringRule, type Rule, scopeKindOf, scopeNameOf, speaksForPlace } from './rule-schema.js';
import {
  askingFrom,
  entryRulesInDoubt,
  journeyStart,
  passesThrough,
  stayingOrPassingThrough,
} from './passing-through.js';
import { SCREENING_BODY_WHO } from './screening-bodies.js';
import { listsOfSpeakers } from './speakers.js';
import { onlyRegionalRulesGap, partWord, regionsWithOwnRules } from './scatter-region.js';
import { arrivesFromAbroad, type KeepsakeFacts, type LegFacts, type TripFacts } from './trip-facts.js';

// What we cannot vouch for, said plainly with whom to ask. A gap is never a guess dressed up as a
// rule: it has no source because there is none in the research.

export function keepsakeGap(kinds: readonly TravelKeepsakeKind[]): RuleGap | null {
  if (kinds.length === 0) {
    return {
      message:
        "No keepsakes are listed for this trip yet, so we haven't looked up any rules. Add the keepsake that's coming along and we'll show what applies.",
    };
  }
  if (!kinds.some(holdsAshes)) {
    return {
      message:
        "None of the keepsakes on this trip hold ashes, so the rules for carrying ashes don't apply to them. Pack them as you would anything precious.",
    };
  }
  return null;
}

const BAG_PHRASE = { carry_on: 'ashes in the cabin', checked: 'ashes in a checked bag' } as const;

/**
 * The airline of this leg has trip rules, but every one of them is for the other bag: the bag
 * they speak of and the bag chosen, or null.
 */
function otherBagOnly(
  rules: readonly Rule[],
  leg: LegFacts,
): { spoken: 'carry_on' | 'checked'; chosen: 'carry_on' | 'checked' } | null {
  const chosen = leg.bag;
  if (chosen === null || leg.carrier === null) return null;
  const theirs = rules.filter(
    (rule) =>
      scopeKindOf(rule) === 'airline' &&
      (rule.conditions.channel ?? ['trip']).includes('trip') &&
      rule.conditions.carrier?.includes(leg.carrier!),
  );
  if (theirs.length === 0) return null;
  const spoken = chosen === 'checked' ? 'carry_on' : 'checked';
  const onlyOther = theirs.every(
    (rule) => rule.conditions.bag !== undefined && !rule.conditions.bag.includes(chosen),
  );
  return onlyOther ? { spoken, chosen } : null;
}

export interface LegGapInput {
  trip: TripFacts;
  leg: LegFacts;
  keepsakes: readonly KeepsakeFacts[];
  matched: readonly Rule[];
  /** Rules for this leg that speak only of an urn (its papers, a ship's rules), not matched for the jewellery aboard. */
  forUrnsOnly?: readonly Rule[];
  /** Every rule the engine knows, to say whom a rule for other families speaks for. */
  rules?: readonly Rule[];
  hasDocuments: boolean;
  /** Loved ones whose papers are asked for on this leg but may not exist, with no rule to say so. */
  uncovered: readonly Paperwork[];
  /** Rules for families living somewhere that would apply here, while nobody has said where. */
  homeUnknown?: readonly Rule[];
  /**
   * Whose ashes each matched rule (and each rule in forUrnsOnly) was matched for, by loved one's
   * name: with two loved ones on a leg, one's entry rule does not speak for the other (review 27,
   * finding 3).
   */
  ownersOf?: ReadonlyMap<Rule, ReadonlySet<string>>;
  /**
   * Rules for this country that would apply but speak only of ashes arriving to stay there, left
   * out because the family only passes through (review 27, finding 9) or brings the ashes back out
   * on this trip (review 31, finding 1).
   */
  forAshesStaying?: readonly Rule[];
  /**
   * A list for this family's entry here was left out because the ashes set off from elsewhere, and
   * its own gap says whom to ask (set-off-elsewhere.ts): no "no rule" beside it (review 34, finding 2).
   */
  entrySaidElsewhere?: boolean;
}

/** The family scatters the ashes ashore (or in a river, a park) in the country this leg reaches. */
const landsToScatter = (trip: TripFacts, leg: LegFacts): boolean =>
  trip.scatter !== null &&
  trip.scatter.country === leg.to &&
  trip.scatter.place !== null &&
  trip.scatter.place !== 'sea';

export function legGaps(input: LegGapInput): RuleGap[] {
  const { trip, leg, matched } = input;
  const take = input.hasDocuments ? ', and take the documents listed below' : '';
  // After "… can tell you what they need", the papers are the family's to take, not the embassy's.
  const takeWith = input.hasDocuments ? '; take the documents listed below with you' : '';
  const has = (kind: ReturnType<typeof scopeKindOf>) => matched.some((rule) => scopeKindOf(rule) === kind);
  const gaps: string[] = [];
  const pets = [
    ...new Set(input.keepsakes.filter((k) => k.lovedOne?.kind === 'pet').map((k) => k.lovedOne!.name)),
  ];
  // An airline's or cruise line's rule for this leg that speaks only of a person's ashes (Qatar's
  // checked bags, Carnival's papers), with none of its rules speaking of a pet's: what it says of a
  // pet's ashes is an unknown, said.
  const lineKind = leg.mode === 'air' ? 'airline' : leg.mode === 'sea' ? 'cruise' : null;
  const personOnly =
    lineKind !== null &&
    leg.carrier !== null &&
    pets.length > 0 &&
    // A rule of that line whose source speaks of a pet's ashes too (British Airways' papers, as a
    // retailer reports them for human and pet ashes) does speak for them (review 20, finding 6).
    // One about scattering only (Carnival's "human or animal ashes") leaves carrying them aboard
    // unsaid, which is said below (review 21, finding 6).
    !matched.some(
      (rule) =>
        scopeKindOf(rule) === lineKind &&
        !scattersOnly(rule) &&
        (rule.conditions.loved_one?.includes('pet') || rule.covers_pets === true),
    ) &&
    (input.rules ?? []).some(
      (rule) =>
        scopeKindOf(rule) === lineKind &&
        (rule.conditions.channel ?? ['trip']).includes('trip') &&
        rule.conditions.carrier?.includes(leg.carrier!) &&
        rule.conditions.loved_one_not?.includes('pet') &&
        (rule.conditions.bag === undefined || leg.bag === null || rule.conditions.bag.includes(leg.bag)),
    );

  // Advice for any change of planes ("the next airport may look again") says nothing about how
  // this country's airports screen ashes: it does not fill that gap.
  const screensHere = matched.some(
    (rule) => scopeKindOf(rule) === 'security' && rule.conditions.connection === undefined,
  );
  // Screening rules speak of urns and boxes; for jewellery alone the jewellery gap says so.
  const onlyJewellery = input.keepsakes.every((k) => k.kind === 'jewellery');
  // Security rules here whose sources speak of a person's ashes (Mexico City airport's pages on
  // "human ashes"): for a pet's ashes, that is what is true, not "no rule" (review 33, fixL note 1).
  const screeningForPeopleOnly =
    pets.length > 0 &&
    leg.screening !== null &&
    (input.rules ?? []).some(
      (rule) =>
        scopeKindOf(rule) === 'security' &&
        rule.conditions.screening?.includes(leg.screening!) &&
        rule.conditions.loved_one_not?.includes('pet'),
    );
  if (leg.mode === 'air') {
    if (!screensHere && !onlyJewellery && screeningForPeopleOnly) {
      gaps.push(
        `Our sources on airport security in ${countryPhrase(leg.from)} speak about a person's ashes, not a pet's. For ${pets.join(' and ')}, please ask the airport or your airline how they screen ashes before you fly${take}.`,
      );
    } else if (!screensHere && !onlyJewellery) {
      // Who screens there, where we know (Switzerland, Singapore), so "the airport" has a name.
      const who = leg.screening ? SCREENING_BODY_WHO[leg.screening] : undefined;
      gaps.push(
        who
          ? `We have no rule from our research for airport security in ${countryPhrase(leg.from)} yet. Nothing we found from those who screen there speaks of ashes. ${who} Please ask the airport or your airline how they screen ashes before you fly${take}.`
          : `We have no rule from our research for airport security in ${countryPhrase(leg.from)} yet. Please ask the airport or your airline how they screen ashes before you fly${take}.`,
      );
    }
    if (leg.carrier === null) {
      gaps.push(
        `You haven't said which airline this flight is with. Airlines differ most about checked bags, so please ask yours before you fly${take}.`,
      );
    } else if (!has('airline') && !personOnly) {
      // The airline's rules that ask papers for an urn still speak for it: with only jewellery
      // aboard, "we have no rule for Ryanair" would not be true.
      const forUrns = (input.forUrnsOnly ?? []).some((rule) => scopeKindOf(rule) === 'airline');
      // The airline's rules that speak only of the other bag (Avianca's cabin) still speak for it:
      // what they speak of is said, and that nothing was found for this bag (review 19, finding 1).
      const otherBag = forUrns ? null : otherBagOnly(input.rules ?? [], leg);
      // A rule above from someone else that names this airline (Vietnam's aviation authority's
      // letter to VietJet and the others) speaks for its flights: "no rule for VietJet" beside it
      // would not be true; what is missing is the airline's own word (review 27, finding 1).
      const namedByOthers = matched.some(
        (rule) => scopeKindOf(rule) !== 'airline' && rule.conditions.carrier?.includes(leg.carrier!),
      );
      const flights = leg.international
        ? `flights from ${countryPhrase(leg.from)}`
        : `flights within ${countryPhrase(leg.from)}`;
      // A country's rule above that names other airlines only (Vietnam's, for VietJet and the
      // others) says nothing of this one: said so, with whom to ask (review 28, finding 5).
      const namedInstead = [
        ...new Set(
          airlinesNamedInstead(trip, leg, input.keepsakes, input.rules ?? []).map((code) =>
            carrierName(code),
          ),
        ),
      ];
      gaps.push(
        forUrns
          ? `Our sources on ${carrierName(leg.carrier)} speak about urns and boxes of ashes, not keepsake jewellery. Please ask them before you fly if you'd like to be sure.`
          : otherBag
            ? `Our sources on ${carrierName(leg.carrier)} speak about ${BAG_PHRASE[otherBag.spoken]}; we found nothing from them about ${BAG_PHRASE[otherBag.chosen]}. Please ask them before you fly${take}.`
            : namedByOthers
              ? `We have nothing from ${carrierName(leg.carrier)} itself yet; what is said above about ${flights} speaks for its flights too. Please ask them before you fly${take}.`
              : namedInstead.length > 0
                ? `Our sources on ${flights} speak only of ${joinList(namedInstead)}, and say nothing of ${carrierName(leg.carrier)}; we have no rule from our research for ${carrierName(leg.carrier)} yet either. Please ask them which papers they need for the ashes before you fly${take}.`
                : `We have no rule from our research for ${carrierName(leg.carrier)} yet. Please ask them before you fly${take}.`,
      );
    }
    if (input.keepsakes.some((k) => k.kind === 'ashes' && k.container === 'unknown')) {
      gaps.push(
        "We don't know what the container is made of, so we can't say whether the X-ray will see through it. Thin, light, non-metal containers pass most reliably.",
      );
    }
    if (input.keepsakes.some((k) => k.kind === 'jewellery')) {
      gaps.push(
        'Our sources speak about urns and boxes, not keepsake jewellery. We found nothing on how airport security treats jewellery holding ashes, or on whether anyone asks for papers for it, so it may help to ask the airport or airline, and to keep the papers you have with you.',
      );
    }
  } else if (
    input.keepsakes.some((k) => k.kind === 'jewellery') &&
    (leg.mode !== 'road' || leg.international)
  ) {
    // By train, sea or over a border by road too: what we have speaks of urns, and that is said.
    const whom =
      leg.mode !== 'road' && leg.carrier !== null
        ? carrierName(leg.carrierAsTyped ?? leg.carrier, leg.mode)
        : leg.mode === 'rail'
          ? 'the rail company'
          : leg.mode === 'sea'
            ? 'the cruise line or ferry company'
            : // Which mission, as the road's other gaps say it: "… of France in the United
              // Kingdom", or "where you live" while that is not said (fix24b). Papers for jewellery
              // are a border's question, not the funeral home's (review 35, finding 5): no rules.
              road(trip, leg, input.keepsakes, []);
    gaps.push(
      `Our sources speak about urns and boxes, not keepsake jewellery. We found nothing on whether anyone asks for papers for jewellery holding ashes on this journey, so it may help to ask ${whom}, and to keep the papers you have with you.`,
    );
  }
  // A cruise line's rule for a scattering ceremony says nothing about carrying ashes aboard.
  // Its rules for an urn (Carnival's) still speak for the line when only jewellery is aboard.
  const aboard = [...matched, ...(input.forUrnsOnly ?? [])].some(
    (rule) => scopeKindOf(rule) === 'cruise' && !rule.conditions.purpose?.includes('scatter'),
  );
  // Where the line's only rules are for its ceremony (Royal Caribbean's page: the urn released
  // whole, arranged with the Front Desk), "we have no rule" for that line would not be true: what
  // we have is said, and what it leaves unsaid (review 20 leftovers, finding 2).
  // Every sailing of that line hears it the same way, not only the one reaching the scattering:
  // what we have for the line is the same on each leg (review 27, finding 14).
  const ceremony = Math.max(
    matched.filter((rule) => scopeKindOf(rule) === 'cruise' && rule.conditions.purpose?.includes('scatter'))
      .length,
    leg.carrier === null ||
      (input.rules ?? []).some(
        (rule) =>
          scopeKindOf(rule) === 'cruise' &&
          rule.conditions.carrier?.includes(leg.carrier!) &&
          !rule.conditions.purpose?.includes('scatter'),
      )
      ? 0
      : (input.rules ?? []).filter(
          (rule) =>
            scopeKindOf(rule) === 'cruise' &&
            rule.conditions.purpose?.includes('scatter') &&
            rule.conditions.carrier?.includes(leg.carrier!) &&
            (rule.conditions.channel ?? ['trip']).includes('trip'),
        ).length,
  );
  if (leg.mode === 'sea' && !aboard && !personOnly) {
    const line = leg.carrier === null ? null : carrierName(leg.carrierAsTyped ?? leg.carrier, 'sea');
    gaps.push(
      line === null
        ? `You haven't said which cruise line or ferry this is. Our research has rules only for some cruise lines, so please ask yours before you sail${take}.`
        : ceremony > 0
          ? `${ceremony === 1 ? 'The only rule we have for' : 'The only rules we have for'} ${line} ${ceremony === 1 ? 'is' : 'are'} about the scattering itself. We found nothing on bringing ashes aboard, so please ask them before you sail${take}.`
          : `We have no rule from our research on carrying ashes aboard ${line} yet. Please ask them before you sail${take}.`,
    );
  }
  // A company named on a road leg (a car shuttle or car ferry across the sea, a coach) is one we
  // hold nothing for unless a rule of ours names it: that is said, never dropped (review 31, 5).
  if (
    leg.mode === 'road' &&
    leg.carrier !== null &&
    ![...matched, ...(input.forUrnsOnly ?? [])].some((rule) =>
      rule.conditions.carrier?.includes(leg.carrier!),
    )
  ) {
    gaps.push(
      `We have no rule from our research on carrying ashes with ${carrierName(leg.carrierAsTyped ?? leg.carrier, 'road')} yet. Please ask them before you travel${take}.`,
    );
  }
  const railForUrns = (input.forUrnsOnly ?? []).some((rule) => scopeKindOf(rule) === 'rail');
  if (leg.mode === 'rail' && !has('rail') && !railForUrns) {
    const operator =
      leg.carrier === null ? 'this train journey' : carrierName(leg.carrierAsTyped ?? leg.carrier, 'rail');
    gaps.push(
      `We have no rule from our research for ashes on ${operator} yet. Please ask the rail company before you travel${take}.`,
    );
  }
  // Where nothing of ours speaks for driving in or for entering at all, the two unknowns are one
  // gap with one whom-to-ask, never the same embassy twice on a leg (review 10, finding 9).
  // A country's entry rule that speaks for any arrival (Canada's CBSA: declare the ashes) already
  // answers what driving in needs: there is no company to ask, so no gap (review 12, finding 7).
  const entryForAnyArrival = matched.some(
    (rule) =>
      scopeKindOf(rule) === 'country' &&
      rule.conditions.to !== undefined &&
      rule.conditions.mode === undefined &&
      standsForEntry(rule),
  );
  const driveGap =
    leg.mode === 'road' && leg.international && !has('road') && !entryForAnyArrival
      ? `driving with ashes from ${countryPhrase(leg.from)} to ${countryPhrase(leg.to)}`
      : null;
  let driveGapAt = -1;
  if (driveGap !== null) {
    driveGapAt = gaps.length;
    gaps.push(
      `We have no rule from our research for ${driveGap} yet. ${capitalise(road(trip, leg, input.keepsakes, input.rules ?? []))} can tell you, before you set off, what they need${takeWith}.`,
    );
  }
  if (leg.mode === 'road' && !leg.international && !has('road')) {
    // A rule for driving with an urn (the US: no permit to drive with ashes) still exists: with
    // only jewellery aboard, "we have no rule" would not be true.
    const forUrns = (input.forUrnsOnly ?? []).some((rule) => scopeKindOf(rule) === 'road');
    // The country's own rule for carrying an urn at all, said above (Bavaria's, as reported in
    // 2017: relatives may not carry it, even to the cemetery), speaks for the drive too: "we have
    // no rule" beside it would not be true (review 29, finding 2).
    const countrySaid = matched.some(
      (rule) => scopeKindOf(rule) === 'country' && scopeNameOf(rule) === leg.from,
    );
    gaps.push(
      forUrns
        ? `Our sources on driving with ashes within ${countryPhrase(leg.from)} speak about urns and boxes, not keepsake jewellery. Keep the papers you have with you in the car, in case anyone asks.`
        : countrySaid
          ? `Besides what is said above, we have no rule from our research for driving with ashes within ${countryPhrase(leg.from)}. Keep the papers you have with you in the car, in case anyone asks.`
          : `We have no rule from our research for driving with ashes within ${countryPhrase(leg.from)}. Keep the papers you have with you in the car, in case anyone asks.`,
    );
  }
  const speaksForCountry = [...matched, ...(input.forUrnsOnly ?? [])];
  const isEntryRule = (rule: Rule) =>
    scopeKindOf(rule) === 'country' && rule.conditions.to !== undefined && standsForEntry(rule);
  const entryRule = speaksForCountry.some(isEntryRule);
  // With two loved ones on the leg, a rule matched for one (Thailand's embassy in Brussels, for Mae
  // who died in Belgium) says nothing for the other (Pho, who died in France): each person none of
  // the entry rules was matched for still hears the entry gap, by name (review 27, finding 3).
  const ownersOf = input.ownersOf;
  const people = [
    ...new Set(
      input.keepsakes
        .filter((k) => k.lovedOne !== undefined && k.lovedOne !== null && k.lovedOne.kind !== 'pet')
        .map((k) => k.lovedOne!.name),
    ),
  ];
  const entryUncovered =
    entryRule && ownersOf !== undefined
      ? people.filter(
          (name) =>
            !speaksForCountry.some((rule) => isEntryRule(rule) && (ownersOf.get(rule)?.has(name) ?? true)),
        )
      : [];
  const onlyPets = pets.length > 0 && input.keepsakes.every((k) => k.lovedOne?.kind === 'pet');
  // Where the ashes are (one country for every keepsake on the leg), for missions that speak for them.
  const ashesIn = [
    ...new Set(input.keepsakes.map((k) => k.lovedOne?.cremationCountry ?? k.lovedOne?.lossCountry ?? null)),
  ];
  const home = homeGaps(
    leg,
    input.homeUnknown ?? [],
    takeWith,
    journeyStart(trip, leg),
    ashesIn.length === 1 ? ashesIn[0]! : null,
  );
  if (personOnly) {
    const petScattering = matched.some(
      (rule) => scopeKindOf(rule) === lineKind && scattersOnly(rule) && rule.covers_pets === true,
    );
    const said = petScattering
      ? `Our sources on ${carrierName(leg.carrier!)} speak about a pet's ashes only for scattering them; what they say about bringing ashes on board is about a person's.`
      : `Our sources on ${carrierName(leg.carrier!)} speak about a person's ashes here, not a pet's.`;
    gaps.push(
      `${said} For ${pets.join(' and ')}, please ask them before you ${leg.mode === 'sea' ? 'sail' : 'fly'}${take}.`,
    );
  }
  // Our sources for this family speak only of ashes that stay (Belgium's list, for burial or
  // scattering there): passing through, that is what is said, with whom to ask (review 27, 9).
  const forStaying = (input.forAshesStaying ?? []).length > 0 && arrivesFromAbroad(leg);
  const stayingOnly = forStaying && !entryRule && !onlyPets && !home.entry;
  // A visit the ashes come back out of: the rules left out are said, whatever else speaks for
  // entering (Poland's permit for burial, beside its note that an urn may travel as hand baggage).
  const comesBackOut = forStaying && !passesThrough(trip, leg) && !stayingOnly;
  const noEntry =
    arrivesFromAbroad(leg) &&
    !entryRule &&
    !onlyPets &&
    !home.entry &&
    !stayingOnly &&
    input.entrySaidElsewhere !== true;
  const plainNoEntry = `We have no rule from our research for taking ashes into ${countryPhrase(leg.to)} yet.`;
  // Going straight on to a third country (driving through Italy to the ferry to Greece), whom to
  // ask is asked about that, as a country's rule met there says it (review 31, a7); whether the
  // family stays there a while first they have not said (review 33b, M2).
  const passing = entryRulesInDoubt(trip, leg) ? `, ${stayingOrPassingThrough(onwardTo(trip, leg))}` : '';
  // "We have no rule … for taking ashes into …", with whom to ask, for these keepsakes' ashes.
  const noEntryFor = (keepsakes: readonly KeepsakeFacts[]) =>
    noEntryRule(
      leg.to,
      askingFrom(trip, leg) ?? journeyStart(trip, leg),
      trip.homeKnown ? trip.home : null,
      input.rules ?? [],
      `${passing}${takeWith}`,
      leg.mode,
      comingHome(trip, leg, keepsakes, input.rules ?? []),
      nationalitiesOf(keepsakes),
      ashesOriginsOf(keepsakes),
    );
  const entryGap = noEntry ? noEntryFor(input.keepsakes) : '';
  // "Our sources speak about a person's ashes" only where a source does: with no rule on entering
  // for this family at all, one gap speaks for the person and the pet alike (review 11, finding 9).
  const noEntryForAnyone = noEntry && entryGap.startsWith(plainNoEntry);
  const entryRuleThere = (input.rules ?? []).some((rule) => isTripEntryRuleOf(rule, leg.to));
  // Where every one of those sources speaks only for families living elsewhere (Mexico's US
  // consulates, for a family in Canada), a pet's family hears that too, as a person's would
  // (review 22 leftovers, finding 2).
  const elsewhereForPets =
    onlyPets &&
    entryRuleThere &&
    entryRulesAllElsewhere(leg.to, trip.homeKnown ? trip.home : null, input.rules ?? [])
      ? `, and only for families who live in ${entryRulesElsewhere(leg.to, trip.homeKnown ? trip.home : null, input.rules ?? [], 'trip')}`
      : '';
  if (arrivesFromAbroad(leg) && pets.length > 0 && !noEntryForAnyone) {
    // Coming home, a pet's family asks whom a person's family asks, before they set off: home's
    // border authorities, or its customs for ashes that left home (coming-home.ts; review 35, t).
    // Where a page we read names the body for a pet's ashes (Australia's), that body.
    const petsHome =
      PET_ASHES_ENTRY[leg.to] === undefined
        ? comingHome(
            trip,
            leg,
            input.keepsakes.filter((k) => k.lovedOne?.kind === 'pet'),
          )
        : null;
    const petOffice =
      petsHome?.whom ?? askAboutPetOnEntry(leg.to, trip.homeKnown ? trip.home : null, askingFrom(trip, leg));
    const petWhom = petsHome?.back
      ? `${petsHome.whom} can tell you, before you set off, whether anything is needed bringing a pet's ashes back`
      : petsHome
        ? `${petsHome.whom} can tell you, before you set off, what they need for a pet's ashes`
        : // Where the family lives unsaid, no guess at it: as for a person's ashes (review 35, t).
          `${petOffice} can tell you what they need for a pet's ashes`;
    // Only a pet's ashes, driven in, where the drive's gap names the same office: one gap, the
    // office named once, before they set off (review 35b, ad: Dutch customs twice on a drive home).
    const driveSameOffice =
      onlyPets &&
      driveGapAt >= 0 &&
      petOffice.toLowerCase() === road(trip, leg, input.keepsakes, input.rules ?? []).toLowerCase();
    const beforeSetOff = driveSameOffice
      ? petWhom.replace(/ can tell you(?:, before you set off,)? /, ' can tell you, before you set off, ')
      : petWhom;
    const lead = driveSameOffice
      ? !entryRuleThere
        ? `We have no rule from our research for ${driveGap!}, or for taking a person's or a pet's ashes into ${countryPhrase(leg.to)}, yet.`
        : `We have no rule from our research for ${driveGap!} yet, and our sources on taking ashes into ${countryPhrase(leg.to)} speak about a person's ashes${elsewhereForPets}.`
      : onlyPets && !entryRuleThere
        ? `We have no rule from our research for taking ashes into ${countryPhrase(leg.to)} yet, a person's or a pet's.`
        : `Our sources on taking ashes into ${countryPhrase(leg.to)} speak about a person's ashes${elsewhereForPets}.`;
    const said = `${lead} For ${pets.join(' and ')}, ${beforeSetOff}${takeWith}.`;
    if (driveSameOffice) gaps[driveGapAt] = said;
    else gaps.push(said);
  }
  if (home.entry) gaps.push(home.entry);
  if (stayingOnly) {
    // Going on to a third country, the family may stay a while first: both are said (review 33b, M2).
    gaps.push(
      passesThrough(trip, leg)
        ? `Our sources on taking ashes into ${countryPhrase(leg.to)} speak of ashes that stay there; they don't say what is needed if the ashes go on with you to ${countryPhrase(onwardTo(trip, leg))}, whether you stay there a while first or only pass through. ${capitalise(whomPassingThrough(trip, leg))} can tell you before you set off${takeWith}.`
        : comingBackOut(trip, leg, input.forAshesStaying!, takeWith),
    );
  }
  // Other rules for entering still speak (Vietnam's permit, for any ashes brought in): only what
  // else a visit needs is unknown (review 32, r32b finding 3).
  if (comesBackOut) gaps.push(comingBackOut(trip, leg, input.forAshesStaying!, takeWith, entryRule));
  // Going on to a third country beside other rules for entering (Poland's note on hand baggage),
  // the lists for ashes that stay are left out, and that is said with why (review 35, finding v7).
  if (forStaying && passesThrough(trip, leg) && !stayingOnly)
    gaps.push(goingOnThrough(trip, leg, input.forAshesStaying!, takeWith));
  if (
    entryUncovered.length > 0 &&
    entryUncovered.length < people.length &&
    arrivesFromAbroad(leg) &&
    !home.entry
  ) {
    const theirs = input.keepsakes.filter((k) => k.lovedOne && entryUncovered.includes(k.lovedOne.name));
    const said = noEntryFor(theirs);
    gaps.push(`For ${joinList(entryUncovered)}, ${said.charAt(0).toLowerCase()}${said.slice(1)}`);
  }
  if (driveGapAt >= 0 && entryGap.startsWith(plainNoEntry)) {
    gaps[driveGapAt] =
      `We have no rule from our research for ${driveGap!}, or for taking ashes into ${countryPhrase(leg.to)}, yet. ${capitalise(road(trip, leg, input.keepsakes, input.rules ?? []))} can tell you, before you set off, what they need${passing}${takeWith}.`;
  } else if (noEntry) {
    // Our entry rules speak only of arriving by air or sea (Ireland): that gap says whom to ask
    // about arriving by road, so the driving gap would say the same twice (review 12, finding 7).
    if (driveGapAt >= 0) gaps.splice(driveGapAt, 1);
    gaps.push(
      (noEntryForAnyone && pets.length > 0
        ? entryGap.replace(
            plainNoEntry,
            `We have no rule from our research for taking ashes into ${countryPhrase(leg.to)} yet, a person's or a pet's.`,
          )
        : entryGap) +
        // On a cruise the ashes often never go ashore: then the country's rules do not apply.
        // Only where the ship sails on from here (a cruise), never on the way home or off a car ferry,
        // nor where the family scatters them ashore here: they must land (review 18, finding 5).
        (leg.to !== trip.home && mayBePortOfCall(trip, leg, input.rules ?? []) && !landsToScatter(trip, leg)
          ? ' If the ashes stay on board while the ship is in port, mark this stop as a port of call.'
          : ''),
    );
  }
  // Leaving the country the ashes set out from: some countries ask for papers to take ashes out
  // (France's prefect, Ireland's coroner for Poland), and where we have none, that is said.
  // The first leg that carries them: a flight out to collect the ashes carries nothing (review 29, 1).
  const firstOut = trip.legs.find((l) => l.carriesAshes && l.international && !l.departsFromConnection);
  // Only that country's own rules speak for leaving it: the UK's rule for ashes arriving from the
  // US (`gb-from-us-docs`) says nothing of taking them out of the US (review 8, finding 12).
  const exitRule = speaksForCountry.some(
    (rule) => rule.scope === `country:${leg.from}` && (rule.conditions.from?.includes(leg.from) ?? false),
  );
  if (home.exit) gaps.push(home.exit);
  if (leg === firstOut && !exitRule && !home.exit) {
    // Whom to ask turns on whether the ashes set off from here (review 35, finding 1).
    gaps.push(noExitRuleGap(trip, leg, input.keepsakes));
  }
  const through = passingThrough(trip, leg, matched);
  if (through) gaps.push(through);
  if (leg.scatteredBeforeLeaving) gaps.push(scatteredBeforeLeavingNote(leg));
  if (leg.reachesScattering && trip.scatter)
    gaps.push(...scatteringGaps(trip.scatter, matched, input.rules ?? [], input.keepsakes));
  for (const paperwork of input.uncovered) {
    const country = paperwork.uncoveredLossCountry;
    const name = paperwork.lovedOne.name;
    // Where the baby was born is the unknown (asked in the questions), not a rule we lack.
    const regions = paperwork.uncoveredRegions;
    gaps.push(
      country && regions
        ? `Our sources on the papers issued after a loss in pregnancy in ${countryPhrase(country)} ${speakFor(country, regions.covered, regions.region)}${
            regions.region === null
              ? `, and the papers may differ from one part of ${countryPhrase(country)} to another. For ${name}, a death certificate may not exist; the papers list says what you might carry instead.`
              : `, not for ${regionPhrase(regions.region)}. For ${name}, a death certificate may not exist; ${registryFor(country, regions.region, name)} can say which papers there are, and the papers list says what you might carry instead.`
          }`
        : country && paperwork.uncoveredStage !== null
          ? `Our sources on the papers issued after a loss in pregnancy in ${countryPhrase(country)} don't speak of a baby born ${paperwork.uncoveredStage}. For ${name}, a death certificate may not exist; the papers list says what you might carry instead.`
          : country
            ? `We have no rule from our research on the papers issued after a loss in pregnancy in ${countryPhrase(country)}. For ${name}, a death certificate may not exist; the papers list says what you might carry instead.`
            : `We don't know yet where ${name} was born, so we can't say which papers were issued. For ${name}, a death certificate may not exist; the papers list says what you might carry instead.`,
    );
  }
  return gaps.map((message) => ({ message }));
}

/**
 * Going into a country and straight on out of it (driving through, or a flight to Germany and the
 * train on to Austria): a country's rules for bringing ashes in (Germany's: an urn goes to a
 * cemetery or funeral home there) speak of ashes that stay. None of our sources says whether they
 * bind a family only passing through, so the warning stays and the unknown is said, with whom to
 * ask. A change of planes airside never enters, and a cruise's stops have their own note; a leg
 * back to where it came from is a visit, not passing through (review 8, finding 11; review 25, 1).
 * The mission named is the one where the family lives, or "where you live" while they have not
 * said (review 24, finding 3); on the way home, the one where the journey sets off.
 */
function passingThrough(trip: TripFacts, leg: LegFacts, matched: readonly Rule[]): string | null {
  if (!entryRulesInDoubt(trip, leg)) return null;
  const weighty = matched.some(
    (rule) =>
      rule.scope === `country:${leg.to}` &&
      rule.conditions.to !== undefined &&
      (rule.severity === 'warning' || rule.severity === 'required'),
  );
  if (!weighty) return null;
  return `If you are only passing through ${countryPhrase(leg.to)} on the way to ${countryPhrase(onwardTo(trip, leg))}, our sources don't say whether its rules for bringing ashes in apply to that. ${capitalise(whomPassingThrough(trip, leg))} can tell you before you set off.`;
}

/**
 * A visit the ashes come back out of, where our sources speak only of ashes brought there to stay
 * (Poland's mission in Ireland: a permit from the starosta "where the ashes will be buried"): what
 * they are for, and whom to ask about this journey (review 31, finding 1).
 */
function comingBackOut(
  trip: TripFacts,
  leg: LegFacts,
  rules: readonly Rule[],
  takeWith: string,
  othersSpeak = false,
): string {
  const speakers = [...new Set(rules.map((rule) => rule.speaker).filter((s): s is string => !!s))];
  const unnamed = rules.some((rule) => !rule.speaker);
  // "The list of Poland's mission in Ireland is" (never "… in Ireland's list": review 34b, 6), "The lists of Italy's embassy in Washington and
  // Italy's consulate in Houston are", "What … and our other sources say is": one subject, agreeing.
  const [whose, it] =
    speakers.length === 0
      ? ['Our sources are', 'them']
      : unnamed
        ? [`What ${joinList([...speakers, 'our other sources'])} say is`, 'it']
        : speakers.length === 1
          ? [`the list of ${speakers[0]} is`, 'it']
          : [`The lists of ${joinList(speakers)} are`, 'them'];
  const ask = askOnEntry(
    leg.to,
    trip.homeKnown ? trip.home : null,
    askingFrom(trip, leg) ?? journeyStart(trip, leg),
  );
  return `${capitalise(whose)} for ashes brought to ${countryPhrase(leg.to)} to stay there, so we leave ${it} out, as the ashes come back out with you on this trip; ${othersSpeak ? `the other rules above for bringing ashes into ${countryPhrase(leg.to)} still hold, and our sources don't say what else a visit needs` : "our sources don't say what is needed for a visit"}. ${capitalise(ask)} can tell you before you set off${takeWith}.`;
}

/**
 * Ashes going on from this leg's country to a third, where some of our sources speak only of ashes
 * brought there to stay (Poland's mission in Ireland: a permit from the starosta "where the ashes
 * will be buried"): those lists are left out, and the leg says so, with whom to ask. Whether the
 * family stays there a while first they have not said, so both are named (review 33b, M2).
 */
function goingOnThrough(trip: TripFacts, leg: LegFacts, rules: readonly Rule[], takeWith: string): string {
  const { lists: whose, it } = listsOfSpeakers(rules);
  const there = countryPhrase(leg.to);
  return `${capitalise(whose)} for ashes brought to ${there} to stay there, so we leave ${it} out, as the ashes go on with you to ${countryPhrase(onwardTo(trip, leg))}; the other rules above for bringing ashes into ${there} still hold, and our sources don't say what else is needed, whether you stay there a while first or only pass through. ${capitalise(whomPassingThrough(trip, leg))} can tell you before you set off${takeWith}.`;
}

/**
 * Where a family passing through this leg's country is going: past every country only passed
 * through after it (Germany, then Austria, on the way home to Italy), never only the next one
 * (review 27, finding 14); but never back to where this journey set off: a US family landing in
 * London and taking the train to Paris, then flying home, is on the way to France, not to the
 * United States (review 31, finding 3).
 */
export function onwardTo(
  trip: Pick<TripFacts, 'legs' | 'home' | 'homeKnown' | 'scatter' | 'collectIn'>,
  leg: LegFacts,
): string {
  const setOffFrom = journeyStart(trip, leg);
  let next = trip.legs[trip.legs.indexOf(leg) + 1]!;
  while (passesThrough(trip, next)) {
    const after = trip.legs[trip.legs.indexOf(next) + 1]!;
    if (after.to === setOffFrom) break;
    next = after;
  }
  return next.to;
}

/**
 * Whom to ask whether a country's rules bind a family only passing through it, said alike on the leg
 * and in the summary (review 27, finding 5): its mission where the family lives, or "where you live"
 * while they have not said; on the way home from abroad, where the journey sets off (review 25, 1).
 */
export function whomPassingThrough(trip: TripFacts, leg: LegFacts): string {
  const next = trip.legs[trip.legs.indexOf(leg) + 1];
  return trip.homeKnown && next?.to === trip.home
    ? embassyWhere(leg.to, journeyStart(trip, leg))
    : askOnEntry(leg.to, trip.home, askingFrom(trip, leg));
}

/**
 * Why a crossing that scatters all the ashes in the waters it sets off in lists no papers for leaving
 * or arriving: they never cross (Southampton to Hamburg, scattering off England; review 33b, H2).
 */
function scatteredBeforeLeavingNote(leg: LegFacts): string {
  const from = countryPhrase(leg.from);
  return `The ashes are all scattered at sea in the waters of ${from}, before the ship leaves them, so they never leave ${from} or arrive in ${countryPhrase(leg.to)}: we list no papers for taking ashes out of one or into the other on this sailing. If you keep some of the ashes with you, those travel on, and papers for leaving and arriving may be needed; please tell us, so we can list them.`;
}

function scatteringGaps(
  scatter: NonNullable<TripFacts['scatter']>,
  matched: readonly Rule[],
  rules: readonly Rule[],
  keepsakes: readonly KeepsakeFacts[],
): string[] {
  const where = scatter.region ? regionName(scatter.region) : countryPhrase(scatter.country);
  if (scatter.place === null) return [];
  // Jewellery is worn, not scattered: the rules and unknowns are for the ashes that are (review 8).
  const urns = keepsakes.filter((k) => k.kind !== 'jewellery');
  const scattered = urns.length > 0 ? urns : keepsakes;
  // A state's law on a person's remains (California's 500 yards) says nothing of a pet's ashes.
  const forThem = rules.filter(
    (rule) => !scattered.every((k) => k.lovedOne && rule.conditions.loved_one_not?.includes(k.lovedOne.kind)),
  );
  const petsGap = petScatteringGap(scatter, rules, scattered);
  const onBoard = matched.some(
    (rule) =>
      scopeKindOf(rule) === 'cruise' &&
      (rule.conditions.purpose?.includes('scatter') || isScatteringRule(rule)),
  );
  // A cruise line's rule for its own ceremony does not speak for the law of the coast it sails by.
  const ship = onBoard ? "The cruise line's rule above is about its own ship. " : '';
  const ownLaw = regionalScatteringGap(scatter, matched, forThem, ship);
  if (ownLaw) return [ownLaw, ...petsGap];
  // A rule for this place, or one for every place in the country ("Germany doesn't allow
  // scattering ashes yourself", France's rules for nature), speaks for it: no gap beside it.
  const placeRules = matched.filter((rule) => isScatteringRule(rule) && scopeKindOf(rule) !== 'cruise');
  // Where every rule for this place speaks of one thing only (American Samoa: when to tell its
  // EPA), what none speaks of is still said, with whom to ask.
  const partial = placeRules.every((rule) => rule.leaves_unknown !== undefined);
  if (placeRules.length > 0 && partial) {
    const unknowns = [...new Set(placeRules.map((rule) => rule.leaves_unknown!.unknown))];
    const asks = [...new Set(placeRules.map((rule) => rule.leaves_unknown!.ask))];
    return [
      `We have no source on ${joinList(unknowns)}, in ${where}. ${capitalise(joinList(asks))} can say, before you scatter.`,
      ...petsGap,
    ];
  }
  if (placeRules.length > 0) return petsGap;
  // Only a pet's ashes, where every rule for this place speaks of a person's: said so, with whom to
  // ask, never "we have no rule" (review 20, finding 1: Denali's and Cape Lookout's pages speak of
  // human ashes).
  if (petsGap.length > 0) return [`${ship}${petsGap.join(' ')}`];
  const place: Record<NonNullable<typeof scatter.place>, string> = {
    sea: 'at sea',
    river_or_lake: 'on a river or lake',
    land: 'on land',
    national_park: 'in a national park',
    garden_of_remembrance: 'in a garden of remembrance',
  };
  // Where a rule's source for another place here speaks of a law that may reach this one without
  // saying so (Poland's 1959 law, at sea), that is said in place of a permission to ask for
  // (review 36, finding 8). Only for the loved ones it speaks of: never a person's law for a pet.
  const unsaid = [
    ...new Set(
      forThem
        .filter(
          (rule) =>
            isScatteringRule(rule) &&
            rule.not_said_at?.places.includes(scatter.place!) === true &&
            (rule.conditions.scatter_country?.includes(scatter.country) ?? false) &&
            (rule.conditions.scatter_region === undefined ||
              (scatter.region !== null && rule.conditions.scatter_region.includes(scatter.region))),
        )
        .map((rule) => rule.not_said_at!.said_as),
    ),
  ];
  const whom = unsaid.length > 0 ? unsaid.join(' ') : whomToAskAt(scatter);
  // A park the family named that no rule of ours speaks for is named, never dropped without a
  // word (review 23, finding 6).
  const site =
    scatter.site !== null && !rules.some((rule) => rule.conditions.scatter_site?.includes(scatter.site!))
      ? `, nor for the park you named (${scatter.site})`
      : '';
  return [
    `${ship}We have no rule from our research for scattering ashes ${place[scatter.place]} in ${where} yet${site}. ${whom}`,
  ];
}

/**
 * Who to ask about scattering at this place, as a sentence. Nobody owns the sea as a landowner
 * owns a field. Which authority gives permission differs by country (in Sweden a county board, not
 * the town), so with no rule of ours for the place, no level is named: a funeral director there
 * knows which it is (review 35b, finding 4, ad: a Danish family scattering at sea in Sweden).
 */
const THE_AUTHORITY = 'The authority that gives permission to scatter there';
const A_FUNERAL_DIRECTOR_KNOWS = 'a funeral director there can tell you which one that is.';

function whomToAskAt(scatter: NonNullable<TripFacts['scatter']>): string {
  return scatter.place === 'national_park'
    ? // A US national park is run by the park service; elsewhere we have no source on who runs
      // a park or owns its land, so both are named.
      scatter.country === 'US'
      ? 'The park itself is the one to ask.'
      : 'The national park authority, or whoever owns the land there, is the one to ask.'
    : scatter.place === 'garden_of_remembrance'
      ? 'The crematorium or cemetery is the one to ask.'
      : scatter.place === 'sea'
        ? `${THE_AUTHORITY} is the one to ask; ${A_FUNERAL_DIRECTOR_KNOWS}`
        : `${THE_AUTHORITY}, or whoever owns the land or water, is the one to ask; ${A_FUNERAL_DIRECTOR_KNOWS}`;
}

/**
 * Our rules for scattering here speak of a person's remains (California's, a national park's), so for
 * a pet's ashes scattered there it is an unknown, said with whom to ask (review 8, finding 10), also
 * when only a pet's ashes are scattered (review 20, finding 1).
 */
function petScatteringGap(
  scatter: NonNullable<TripFacts['scatter']>,
  rules: readonly Rule[],
  scattered: readonly KeepsakeFacts[],
): string[] {
  const place = scatter.place;
  if (place === null) return [];
  const pets = [...new Set(scattered.filter((k) => k.lovedOne?.kind === 'pet').map((k) => k.lovedOne!.name))];
  if (pets.length === 0) return [];
  const here = rules.filter(
    (rule) =>
      isScatteringRule(rule) &&
      scopeKindOf(rule) !== 'cruise' &&
      (rule.conditions.scatter_country?.includes(scatter.country) ?? false) &&
      (rule.conditions.scatter_region === undefined ||
        (scatter.region !== null && rule.conditions.scatter_region.includes(scatter.region))) &&
      speaksForPlace(rule, place) &&
      // One park's own rule speaks for that park only.
      (rule.conditions.scatter_site === undefined ||
        (scatter.site !== null && rule.conditions.scatter_site.includes(scatter.site))),
  );
  if (here.length === 0 || !here.every((rule) => rule.conditions.loved_one_not?.includes('pet'))) return [];
  const where = scatter.region ? regionName(scatter.region) : countryPhrase(scatter.country);
  const whom = whomToAskAt(scatter);
  return [
    `Our sources on scattering ashes ${PLACE_WORDS[place]} in ${where} speak about a person's ashes, not a pet's. For ${pets.join(' and ')}, ${whom.charAt(0).toLowerCase()}${whom.slice(1)}`,
  ];
}

/**
 * The ship may keep the ashes aboard at the end of this sailing: a cruise line our cruise rules name
 * (Norwegian to Iceland and back), or the same line sailing on from here to another port. A ferry
 * across and back (P&O to France, then home) lands its passengers, so no port of call is suggested
 * there (review 29, finding 10).
 */
function mayBePortOfCall(trip: TripFacts, leg: LegFacts, rules: readonly Rule[]): boolean {
  const next = trip.legs[leg.index + 1];
  if (leg.mode !== 'sea' || next?.mode !== 'sea' || next.from !== leg.to) return false;
  const cruiseLine =
    leg.carrier !== null &&
    rules.some((rule) => scopeKindOf(rule) === 'cruise' && rule.conditions.carrier?.includes(leg.carrier!));
  return cruiseLine || (next.carrier === leg.carrier && next.to !== leg.from);
}

/**
 * Whom to ask before driving across a border: not "at the border", since some have no border post
 * (Ireland and Northern Ireland); the country's mission, or coming home, home's own authorities,
 * as for entering it (coming-home.ts; review 35, t).
 */
function road(
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
  rules: readonly Rule[],
): string {
  return comingHome(trip, leg, keepsakes, rules)?.whom ?? embassyWhere(leg.to, askingFrom(trip, leg));
}

/**
 * Whom to ask about a pet's ashes entering a country: where a page we read names the body whose
 * import conditions cover them, that body (Australia's Department of Agriculture: its import case
 * "Human and animal remains - Cremated (ashes)", apps.daff.gov.au ICON, printed 5 October 2015, read
 * 2026-12-06); elsewhere the country's embassy, as for a person's (review 18, finding 9).
 */
const PET_ASHES_ENTRY: Readonly<Record<string, string>> = {
  AU: "Australia's Department of Agriculture, whose import conditions cover cremated animal remains,",
};

function askAboutPetOnEntry(country: string, home: string | null, askIn: string | null): string {
  return PET_ASHES_ENTRY[country] ?? askOnEntry(country, home, askIn);
}

/**
 * Whom to ask about taking ashes into a country: its embassy or consulate abroad (where the family
 * asks from: see askingFrom), and the border authorities when the family is coming home (nobody asks
 * their own country's embassy).
 */
function askOnEntry(country: string, home: string | null, askIn: string | null): string {
  return country === home
    ? `the border authorities of ${countryPhrase(country)}`
    : embassyWhere(country, askIn);
}

/** A place our entry rules speak for, as said: "Spain", or with what they also need of the loved one. */
interface SpokenFor {
  phrase: string;
  /** The rules for this place also need something of the loved one (a nationality). */
  more: boolean;
}

/** The homes our entry rules for `country` speak for, where they do not speak for `home`. */
function homesSpokenFor(
  country: string,
  home: string | null,
  rules: readonly Rule[],
  channel: 'trip' | 'shipment',
  notForThem: (rule: Rule) => boolean,
): SpokenFor[] {
  const speaking = rules.filter(
    (rule) =>
      isEntryRuleOf(rule, country, channel) &&
      rule.conditions.home !== undefined &&
      (home === null || !rule.conditions.home.includes(home) || notForThem(rule)),
  );
  const homes = [...new Set(speaking.flatMap((rule) => rule.conditions.home ?? []))];
  // Each home with what the rules for it also need of the loved one: Portugal's consulate in Rio
  // speaks for a Portuguese national who died in Brazil, not for every family there (review 21, 8).
  return homes.map((place) => {
    const clauses = new Set(
      speaking
        .filter((rule) => rule.conditions.home?.includes(place))
        // Where the family's own home is among them, the rule is said for what it needs that their
        // loved one is not: ashes from there (review 31, finding 4).
        .map((rule) => lovedOneClause(rule, place, place === home)),
    );
    const only = [...clauses][0]!;
    return {
      phrase: `${countryPhrase(place)}${clauses.size === 1 ? only : ''}`,
      more: clauses.size === 1 && only !== '',
    };
  });
}

/**
 * The places our entry rules for `country` speak of ashes going from, for any family (Germany's
 * missions in Mexico and South Africa, for an urn from there; Italy's in Edinburgh, for ashes from
 * the UK), other than `from`.
 */
const journeysSpokenFor = (
  country: string,
  from: string,
  rules: readonly Rule[],
  channel: 'trip' | 'shipment',
): string[] => [
  ...new Set(
    rules
      .filter((rule) => isEntryRuleOf(rule, country, channel) && rule.conditions.home === undefined)
      // Where the ashes are from counts as where they go from: Italy's consulate in Edinburgh, for
      // ashes leaving the UK whoever the family is (review 36b, finding 1).
      .flatMap((rule) => rule.conditions.from ?? rule.conditions.ashes_from ?? [])
      .filter((place) => place !== from),
  ),
];

/**
 * "Spain or the United States", or, where a place's rules also need something of the loved one,
 * that place said after the others, on its own, so the clause is never read as if it held for them
 * too: "Spain, or in the United States whose loved one was a national of Argentina" (review 25, 4).
 */
function sayPlaces(places: readonly SpokenFor[]): string {
  const plain = places
    .filter((p) => !p.more)
    .map((p) => p.phrase)
    .sort(compareText);
  const needing = places
    .filter((p) => p.more)
    .map((p) => p.phrase)
    .sort(compareText);
  if (plain.length === 0 || needing.length === 0)
    return joinList([...plain, ...needing].sort(compareText), 'or');
  return [joinList(plain, 'or'), ...needing.map((phrase) => `in ${phrase}`)].join(', or ');
}

/**
 * Where our sources on entering a country speak only for families living elsewhere (Spain's list
 * for families in the US), the homes they speak for, named; an empty string when there are none.
 */
export function entryRulesElsewhere(
  country: string,
  home: string | null,
  rules: readonly Rule[],
  channel: 'trip' | 'shipment',
  notForThem: (rule: Rule) => boolean = () => false,
): string {
  if (country === home) return '';
  // A family lives in one place: "families who live in Belgium or Luxembourg" (review 14, finding 7).
  return sayPlaces(homesSpokenFor(country, home, rules, channel, notForThem));
}

/**
 * Whom our sources on entering a country speak for, where none speaks for this family or sender;
 * '' where none speaks for families living elsewhere. One function for trips and shipments, so the
 * two cannot drift apart (review 29, finding 5). A trip names the families and, beside them, the
 * journeys our rules speak of: "families who live in Canada, Singapore or the United States, or for
 * ashes going from Canada, Mexico, …" (review 28, finding 4), said only beside those families, as
 * the rules for a journey alone leave nobody else a place to ask. A sender lives where they send
 * from, so a shipment's are one list of places ashes are sent from: "Canada, Mexico, Singapore,
 * South Africa or the United States".
 */
export function entrySpeaksOnlyFor(
  country: string,
  from: string,
  home: string | null,
  rules: readonly Rule[],
  channel: 'trip' | 'shipment',
  notForThem: (rule: Rule) => boolean = () => false,
): string {
  if (country === home) return '';
  const homes = homesSpokenFor(country, home, rules, channel, notForThem);
  const journeys = journeysSpokenFor(country, from, rules, channel);
  // A sender's places are one list, whether our rules speak of where they live or where the ashes
  // go from (Spain's list from the US funeral directors; review 31, finding 6). A trip's journeys
  // alone are said where no rule speaks for families (noEntryRule).
  if (homes.length === 0 && (channel === 'trip' || journeys.length === 0)) return '';
  if (channel === 'shipment') {
    const said = new Set(homes.map((p) => p.phrase));
    return sayPlaces([
      ...homes,
      ...journeys
        .map(countryPhrase)
        .filter((phrase) => !said.has(phrase))
        .map((phrase) => ({ phrase, more: false })),
    ]);
  }
  return `${sayPlaces(homes)}${orGoingFrom(journeys)}`;
}

/** ", or for ashes going from Canada or Mexico" after the families our rules speak for; '' for none. */
const orGoingFrom = (journeys: readonly string[]): string =>
  journeys.length === 0
    ? ''
    : `, or for ashes going from ${joinList(journeys.map(countryPhrase).sort(compareText), 'or')}`;

/**
 * Whether every one of our rules on entering the country speaks only for families living somewhere
 * this family does not (or, where they have not said, somewhere at all).
 */
function entryRulesAllElsewhere(country: string, home: string | null, rules: readonly Rule[]): boolean {
  const entering = rules.filter((rule) => isTripEntryRuleOf(rule, country));
  return (
    country !== home &&
    entering.length > 0 &&
    entering.every(
      (rule) => rule.conditions.home !== undefined && (home === null || !rule.conditions.home.includes(home)),
    )
  );
}

/**
 * What a rule for families living in `place` also needs of their loved one, as a clause ('' if
 * nothing); with `ofAshes`, where their ashes are from too.
 */
function lovedOneClause(rule: Rule, place: string, ofAshes = false): string {
  const died = rule.conditions.loss_country;
  const where =
    died === undefined
      ? null
      : died.length === 1 && died[0] === place
        ? 'there'
        : `in ${joinList(died.map(countryPhrase), 'or')}`;
  const nationals = rule.nationals_of
    ? `was a national of ${joinList(rule.nationals_of.map(countryPhrase), 'or')}`
    : null;
  const from = rule.conditions.ashes_from;
  const cremated =
    from === undefined || !ofAshes
      ? null
      : `was cremated ${from.length === 1 && from[0] === place ? 'there' : `in ${joinList(from.map(countryPhrase), 'or')}`}`;
  const what = [nationals, where && `died ${where}`, cremated].filter(
    (part): part is string => part !== null,
  );
  return what.length === 0 ? '' : ` whose loved one ${joinList(what)}`;
}

/**
 * A family coming home (the Philippines, from the UAE) whose country's rules we have only for
 * families elsewhere: whom those rules speak for, with "or whose loved one died there" where every
 * one of them also holds after a death there; an empty string when we have none (review 15, 8).
 */
function entryRulesForOthersComingHome(country: string, from: string, rules: readonly Rule[]): string {
  const others = rules.filter(
    (rule) =>
      isTripEntryRuleOf(rule, country) &&
      rule.conditions.home !== undefined &&
      !rule.conditions.home.includes(country),
  );
  if (others.length === 0) return '';
  const homes = [...new Set(others.flatMap((rule) => rule.conditions.home ?? []))];
  const died = others.every((rule) => rule.conditions.home_or_death_there)
    ? `, or whose loved one died ${homes.length === 1 ? 'there' : 'in one of them'}`
    : '';
  // The journeys they speak for too, as a family living elsewhere hears them (review 30, finding 6).
  const going = orGoingFrom(journeysSpokenFor(country, from, rules, 'trip'));
  return `${joinList(homes.map(countryPhrase).sort(compareText), 'or')}${died}${going}`;
}

/**
 * No rule of ours speaks for this family entering the country. Where our sources speak only for
 * families setting out from elsewhere, that is what is true: we know something, for them; this
 * family asks the country's mission where they live.
 * `from` is where the family asks from (askingFrom: on the way home, where the journey sets off).
 * `homeWhom`: the leg brings the ashes into the family's home, and whom they ask (coming-home.ts).
 */
function noEntryRule(
  country: string,
  from: string,
  home: string | null,
  rules: readonly Rule[],
  take: string,
  mode?: LegFacts['mode'],
  homeWhom: ComingHome | null = null,
  nationalities: readonly (string | null)[] = [],
  ashesOrigins: readonly (string | null)[] = [],
): string {
  // A rule for one nationality's families here (Portugal's consulate in Rio, for a Portuguese
  // national) that the family said their loved one was not: whom it speaks for is still said
  // (review 21, finding 8; review 27, finding 14). So is a rule for ashes from somewhere these
  // ashes are not from (the Los Angeles consulate's list, for ashes leaving the US, to a US family
  // with Lola's ashes from the Philippines; review 31, finding 4).
  const said = <T>(values: readonly (T | null)[], notIn: (value: T) => boolean) =>
    values.length > 0 && values.every((value) => value !== null && notIn(value));
  const notForThem = (rule: Rule) =>
    (rule.nationals_of !== undefined &&
      said(nationalities, (nation) => !rule.nationals_of!.includes(nation))) ||
    (rule.conditions.ashes_from !== undefined &&
      said(ashesOrigins, (place) => !rule.conditions.ashes_from!.includes(place)));
  const elsewhere = entrySpeaksOnlyFor(country, from, home, rules, 'trip', notForThem);
  const homeAmong =
    home !== null &&
    rules.some(
      (rule) =>
        scopeKindOf(rule) === 'country' &&
        rule.conditions.to?.includes(country) &&
        rule.conditions.home?.includes(home) &&
        notForThem(rule) &&
        standsForEntry(rule),
    );
  // Our sources speak of arriving another way (the Bahamas: by air), not this one (review 9, 17).
  const otherModes =
    mode === undefined
      ? []
      : [
          ...new Set(
            rules
              .filter(
                (rule) =>
                  isTripEntryRuleOf(rule, country) &&
                  rule.conditions.mode !== undefined &&
                  !rule.conditions.mode.includes(mode),
              )
              .flatMap((rule) => rule.conditions.mode ?? []),
          ),
        ];
  // Only where every rule of ours on entering speaks of another way of arriving.
  const entryRules = rules.filter((rule) => isTripEntryRuleOf(rule, country));
  const onlyOtherModes =
    mode !== undefined &&
    entryRules.length > 0 &&
    entryRules.every((rule) => rule.conditions.mode !== undefined && !rule.conditions.mode.includes(mode));
  if (!elsewhere && onlyOtherModes && otherModes.length > 0 && country !== home) {
    const how = joinList(otherModes.map((m) => ARRIVING_BY[m]).sort(compareText));
    return `Our sources on taking ashes into ${countryPhrase(country)} speak only about arriving ${how}. ${capitalise(askOnEntry(country, home, home === null ? null : from))} can tell you what they need arriving this way${take}.`;
  }
  if (!elsewhere) {
    // Coming home from abroad (after a death there, often): the border at home is too late to
    // ask, so the family asks home's own border authorities before they set off, never their
    // country's post abroad: whoever's ashes, however the trip is written (coming-home.ts).
    // Where our sources leave open whether home's rule on urns holds for these ashes, the question
    // is said, and who can answer it (coming-home.ts; review 35, finding 5).
    const whom = homeWhom?.openQuestion
      ? `${homeWhom.openQuestion} ${capitalise(homeWhom.whom)} can tell you before you set off whether it does`
      : homeWhom
        ? `${homeWhom.whom} can tell you, before you set off, what they need`
        : `${askOnEntry(country, home, home === null ? null : from)} can tell you what they need`;
    if (homeWhom?.back) {
      // Ashes that left home coming back: the customs of home, not a mission abroad, can say
      // whether they are declared on the way back in (review 17, finding 8), whatever rules home
      // has for other families: a German urn home from Austria is the same case as an Irish one
      // home from Spain (review 30, finding 6).
      return `We have no rule from our research for bringing ashes back into ${countryPhrase(country)} after they have left it. ${capitalise(homeWhom.whom)} can tell you, before you set off, whether anything is needed coming back${take}.`;
    }
    const others = homeWhom ? entryRulesForOthersComingHome(country, from, rules) : '';
    if (others) {
      return `Our sources on taking ashes into ${countryPhrase(country)} speak only for families who live in ${others}. ${capitalise(whom)}${take}.`;
    }
    // Our only sources speak of ashes going from elsewhere, whoever the family (the US funeral
    // directors' list for Spain; review 31, finding 6): that is said, never "no rule".
    const journeys = journeysSpokenFor(country, from, rules, 'trip');
    if (journeys.length > 0) {
      return `Our sources on taking ashes into ${countryPhrase(country)} speak only for ashes going from ${joinList(journeys.map(countryPhrase).sort(compareText), 'or')}. ${capitalise(whom)}${take}.`;
    }
    return `We have no rule from our research for taking ashes into ${countryPhrase(country)} yet. ${capitalise(whom)}${take}.`;
  }
  if (home === null) {
    // Where the family lives is not said: nobody is called "a family from" the place they set off.
    return `Our sources on taking ashes into ${countryPhrase(country)} speak only for families who live in ${elsewhere}. For any other family, ${embassyOf(country)} where you live can tell you what they need${take}.`;
  }
  if (homeAmong) {
    return `Our sources on taking ashes into ${countryPhrase(country)} speak only for families who live in ${elsewhere}. ${capitalise(embassyWhere(country, from))} can tell you what they need${take}.`;
  }
  const belongsTo = governedFrom(home);
  if (belongsTo !== undefined && speaksForFamiliesIn(belongsTo, country, rules)) {
    // A family in Puerto Rico is not told our sources are for families in the United States as if
    // Puerto Rico were not part of it: Mexico's consulates in New York and Calexico speak for their
    // own districts, and we found no word of theirs on Puerto Rico, so the mission serving Puerto
    // Rico is the one to ask (review 34b, finding 8).
    return `Our sources on taking ashes into ${countryPhrase(country)} speak for families who live in ${elsewhere}, and none of them says whether it speaks for families in ${countryPhrase(home)} too. ${capitalise(embassyWhere(country, from))} can tell you what they need${take}.`;
  }
  return `Our sources on taking ashes into ${countryPhrase(country)} speak only for families who live in ${elsewhere}. For a family from ${countryPhrase(home)}, ${embassyWhere(country, from)} can tell you what they need${take}.`;
}

/** Whether one of our rules on entering `country` speaks for families living in `place`. */
const speaksForFamiliesIn = (place: string, country: string, rules: readonly Rule[]): boolean =>
  rules.some((rule) => isTripEntryRuleOf(rule, country) && rule.conditions.home?.includes(place));

/** A country's rule for bringing ashes in, said of a trip or of a shipment. */
const isEntryRuleOf = (rule: Rule, country: string, channel: 'trip' | 'shipment'): boolean =>
  scopeKindOf(rule) === 'country' &&
  rule.conditions.to?.includes(country) === true &&
  standsForEntry(rule) &&
  (rule.conditions.channel ?? ['trip']).includes(channel);

/** A country's rule for bringing ashes in, said of a trip (not only of a shipment). */
const isTripEntryRuleOf = (rule: Rule, country: string): boolean => isEntryRuleOf(rule, country, 'trip');

const ARRIVING_BY: Record<LegFacts['mode'], string> = {
  air: 'by air',
  sea: 'by sea',
  rail: 'by rail',
  road: 'by road',
};

export const PLACE_WORDS: Record<NonNullable<TripFacts['scatter']>['place'] & string, string> = {
  sea: 'at sea',
  river_or_lake: 'on a river or lake',
  land: 'on land',
  national_park: 'in a national park',
  garden_of_remembrance: 'in a garden of remembrance',
};

/**
 * A country's own rules speak for it (the EPA's 3 nautical miles), but where our sources show that
 * its states add their own (California's 500 yards), another state's law is an unknown we name, and
 * a family who has not said which state is told the state may have its own.
 */
function regionalScatteringGap(
  scatter: NonNullable<TripFacts['scatter']>,
  matched: readonly Rule[],
  rules: readonly Rule[],
  ship: string,
): string | null {
  if (scatter.place === null) return null;
  const place = scatter.place;
  const regional = rules.filter(
    (rule) =>
      isScatteringRule(rule) &&
      rule.conditions.scatter_country?.includes(scatter.country) &&
      rule.conditions.scatter_region !== undefined &&
      speaksForPlace(rule, place),
  );
  const countryWide = matched.some(
    (rule) =>
      isScatteringRule(rule) &&
      scopeKindOf(rule) !== 'cruise' &&
      rule.conditions.scatter_region === undefined,
  );
  // Our sources may say the states add their own (US lakes: `regions_may_add`) where we have none.
  const regionsMayAdd = matched.some((rule) => isScatteringRule(rule) && rule.regions_may_add);
  if (regional.length === 0 && !regionsMayAdd) return null;
  if (matched.some((rule) => isScatteringRule(rule) && rule.conditions.scatter_region !== undefined)) {
    return null;
  }
  if (!countryWide) {
    // Only a nation's own rules speak for this place (England's, at sea): with the nation not
    // said, they are named as whose they are, never "no rule for the United Kingdom" (review 11,
    // finding 4). With another nation said, the plain "no rule for Scotland" below is true.
    return scatter.region
      ? null
      : ship +
          onlyRegionalRulesGap(
            scatter,
            regionsWithOwnRules(scatter, rules),
            PLACE_WORDS[place],
            whomToAskAt(scatter),
          );
  }
  const known = joinList(
    [...new Set(regional.flatMap((rule) => rule.conditions.scatter_region ?? []))]
      .map((code) => regionName(code))
      .sort(compareText),
  );
  const state = partWord(scatter.country);
  const whole = `Our rules above are for the whole of ${countryPhrase(scatter.country)}.`;
  if (regional.length === 0) {
    // None of a state's own: nothing to show once the state is said, so it is not asked for.
    return scatter.region
      ? `${whole} We have no source for ${regionName(scatter.region)}'s own rules on scattering ashes ${PLACE_WORDS[place]}; please ask ${regionName(scatter.region)}'s own authorities, or a funeral director there, before you scatter.`
      : `${whole} A ${state} may have its own rules on scattering ashes ${PLACE_WORDS[place]} too, and we have none of a ${state}'s own. Please ask the ${state}'s own authorities, or a funeral director there, before you scatter.`;
  }
  return scatter.region
    ? `${whole} We have no source for ${regionName(scatter.region)}'s own rules on scattering ashes ${PLACE_WORDS[place]} (we have a ${state}'s own only for ${known}); please ask ${regionName(scatter.region)}'s own authorities, or a funeral director there, before you scatter.`
    : `${whole} A ${state} may have its own rules on scattering ashes ${PLACE_WORDS[place]} too, and we have a ${state}'s own only for ${known}. Tell us which ${state}, or ask that ${state}'s own authorities, or a funeral director there, before you scatter.`;
}

/**
 * Whether a country's rule stands for its rules on entering: not one about what happens after
 * arriving (Italy), nor one step every family takes (India's health clearance; review 14, 1).
 */
export const standsForEntry = (rule: Rule): boolean => !rule.after_arrival && !rule.one_step_of_entry;

/** Not a country: a baby born without signs of life was never anyone's national (review 33, M3). */
const NEVER_A_NATIONAL = 'never a national';

/** The nationality the family gave for each person whose ashes these are (null where unsaid). */
const nationalitiesOf = (keepsakes: readonly KeepsakeFacts[]): (string | null)[] => [
  ...new Set(
    keepsakes
      .filter((k) => k.lovedOne !== undefined && k.lovedOne !== null && k.lovedOne.kind !== 'pet')
      .map((k) => (k.lovedOne!.bornAlive === false ? NEVER_A_NATIONAL : (k.lovedOne!.nationality ?? null))),
  ),
];

/** Where each person's ashes are from, as `ashes_from` reads it: cremated, else died (null where unsaid). */
const ashesOriginsOf = (keepsakes: readonly KeepsakeFacts[]): (string | null)[] => [
  ...new Set(
    keepsakes
      .filter((k) => k.lovedOne !== undefined && k.lovedOne !== null)
      .map((k) => k.lovedOne!.cremationCountry ?? k.lovedOne!.lossCountry ?? null),
  ),
];

/** A rule for scattering only, which says nothing about carrying the ashes on the way. */
const scattersOnly = (rule: Rule): boolean =>
  rule.conditions.purpose !== undefined && rule.conditions.purpose.every((purpose) => purpose === 'scatter');
