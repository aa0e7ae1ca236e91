import { z } from 'zod';
import {
  ruleConfidences,
  ruleSeverities,
  scatterPlaces,
  travelBags,
  travelContainers,
  travelLovedOneKinds,
  travelModes,
  travelPurposes,
} from '../../contracts/travel-rules.js';
import { isPartialDate, isRealDate } from './dates.js';

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

export const screeningBodies = [
  'US-TSA',
  'CA-CATSA',
  'UK',
  'EU',
  'AU',
  'NZ-AVSEC',
  'JP',
  'SG',
  'AE',
  'IN-BCAS',
  'MX',
  'CH',
] as const;
export type ScreeningBody = (typeof screeningBodies)[number];

export const documentKeys = [
  'death_certificate',
  /** Taken in place of a death certificate by some (Jamaica's missions); made only where one was done. */
  'post_mortem_report',
  'cremation_certificate',
  'funeral_director_declaration',
  'deceased_passport',
  'certified_translation',
  'consular_certificate',
  'permit',
  'next_of_kin_proof',
  'health_certificate',
  /** Any other paper a source names (a letter, an itinerary): always with the source's own title. */
  'other_paper',
] as const;
export type DocumentKey = (typeof documentKeys)[number];

/**
 * Who published the source, which decides how far it can be trusted: `official` is the body that
 * sets the rule (a government, regulator, airline, carrier or charity speaking for itself);
 * `consulate` is a country's mission abroad, which speaks for people applying where it serves;
 * `professional` a funeral director, trade body, lawyer or hospital; the rest are secondary.
 */
export const sourceKinds = [
  'official',
  'consulate',
  'professional',
  'news',
  'retailer',
  'forum',
  'blog',
] as const;
export type SourceKind = (typeof sourceKinds)[number];

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'should be kebab-case, e.g. tsa-xray-required');
const country = z.string().regex(/^[A-Z]{2}$/, 'should be a two-letter country code such as GB');
const region = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'should be an ISO 3166-2 code such as GB-SCT');
const code = z.string().regex(/^[A-Z0-9]{2,12}$/, 'should be an upper-case carrier code such as BA');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'should list at least one value');
const sentence = z.string().trim().min(3, 'should be a sentence').max(600, 'should be under 600 characters');
const day = z.string().refine(isRealDate, 'should be a real date written YYYY-MM-DD');

/** All present keys must hold (AND); a list means "any of these" (OR). See match-conditions.ts. */
export const conditionsSchema = z.strictObject({
  channel: list(z.enum(['trip', 'shipment'])).optional(),
  mode: list(z.enum(travelModes)).optional(),
  screening: list(z.enum(screeningBodies)).optional(),
  from: list(country).optional(),
  /** The leg does not depart from any of these countries ("arriving from outside the EU"). */
  from_not: list(country).optional(),
  /**
   * The ashes' journey to the end of this leg did not set off from any of these countries: where
   * they set off over changes of planes, ports of call where they stayed aboard and countries only
   * passed through (`journeyFrom`). Australia's advice to check the export rules of the country the
   * ashes leave says nothing to ashes on a cruise from Australia that never left the ship in New
   * Zealand (review 29, finding 11); ashes taken ashore there did leave it.
   */
  journey_from_not: list(country).optional(),
  /** The country the leg enters (never an airside connection or a port of call: see `via`). */
  to: list(country).optional(),
  touches: list(country).optional(),
  /** The leg ends at an airside connection, or a port of call, in one of these countries. */
  via: list(country).optional(),
  international: z.boolean().optional(),
  carrier: list(code).optional(),
  bag: list(z.enum(travelBags)).optional(),
  container: list(z.enum(travelContainers)).optional(),
  keepsake: list(z.enum(['ashes', 'jewellery'])).optional(),
  purpose: list(z.enum(travelPurposes)).optional(),
  /** The family's home country. */
  home: list(country).optional(),
  /**
   * `home` also holds for a family taking ashes home from one of those countries after a death
   * there (a Mexican family whose Papá died in California, flying home from the US), or setting off
   * with them from there, where they join the trip (a Canadian family collecting Lola's ashes in the
   * US and flying them to the Philippines; review 33b, M1): a consulate's
   * page on taking remains to its country speaks for whoever applies in its district, so it is
   * set only where the page is about that (a relative applies in person, "repatriation of ashes").
   */
  home_or_death_there: z.literal(true).optional(),
  trip_origin_not: list(country).optional(),
  /**
   * The ashes set out from one of these countries: where the cremation was when the family said,
   * else where the loved one died when they said, otherwise where the trip starts. A state's law on handing an urn to relatives (Germany's) is
   * for urns from there, not for a family only passing through.
   */
  ashes_from: list(country).optional(),
  /**
   * The family said the cremation was in one of these countries: never guessed from where the loved
   * one died or where the trip starts. France's prefect authorises an urn's leaving France where the
   * cremation was (or where the family lives there): a family who collected ashes cremated in France
   * after a death at home needs to hear of it, and a baby cremated at home never (review 34, 3).
   */
  cremated_in: list(country).optional(),
  /**
   * The cremation was in one of these states (ISO 3166-2): a state's own law on handing over an
   * urn (Hesse's, which says the crematorium does not hand it to relatives) speaks for ashes from
   * its crematoria, not for where the loved one died. It holds only when the family has said where
   * the cremation was, never by guess. Until then the family is asked, and the leg names the unknown.
   */
  ashes_from_region: list(region).optional(),
  /**
   * Not when the family has said the cremation was in one of these states: a country-wide note
   * ("as reported in 2017, in six states …, and elsewhere …") stands aside where a state's own rule
   * speaks, so the two never contradict (Hesse) or say the same twice (Bavaria; review 11,
   * finding 7). Still shown while the state is not said.
   */
  ashes_from_region_not: list(region).optional(),
  /**
   * The ashes are brought from outside these countries: the trip starts outside them, or the loved
   * one died outside them (when the family said). The EPA's 12 nautical miles for "remains brought
   * from outside the US" holds for a US family bringing Papá's ashes home from Mexico.
   */
  ashes_from_outside: list(country).optional(),
  /** The opposite: the trip starts in one of these, and the loved one died in one (or it is not said). */
  ashes_from_within: list(country).optional(),
  /**
   * The trip arrives in one of these countries on some leg: a paper for leaving one country
   * that another asks for (Ireland's coroner's certificate, for Poland) is needed on the way out,
   * however many countries lie between.
   */
  trip_reaches: list(country).optional(),
  /** The leg departs from an airside connection (a change of planes) or a port of call. */
  connection: z.literal(true).optional(),
  /** The family marked the leg as only changing planes, even where that still enters the country. */
  marked_connection: z.literal(true).optional(),
  loved_one: list(z.enum(travelLovedOneKinds)).optional(),
  /** Not for these kinds of loved one; still shown while the family has not said whose ashes. */
  loved_one_not: list(z.enum(travelLovedOneKinds)).optional(),
  loss_country: list(country).optional(),
  /**
   * Not when the loved one died in one of these countries ("after a death abroad"); still shown
   * while the family has not said where.
   */
  loss_country_not: list(country).optional(),
  loss_region: list(region).optional(),
  /** Born alive (however briefly) or born without signs of life; only for a baby. */
  born_alive: z.boolean().optional(),
  gestation_weeks_lt: z.number().int().min(1).max(45).optional(),
  gestation_weeks_gte: z.number().int().min(1).max(45).optional(),
  birth_weight_g_lt: z.number().int().min(1).max(7000).optional(),
  birth_weight_g_gte: z.number().int().min(1).max(7000).optional(),
  /**
   * Only where the baby's weight is not known: a rule that goes by the weeks then (Texas: 350 g, or 20
   * weeks when the weight is not known). While the family has not given a weight it is one of the
   * answers still open, said as its own case ("If the weight is not known: …").
   */
  birth_weight_known: z.literal(false).optional(),
  /**
   * Only where the weeks of pregnancy are not known: a rule that goes by the weight then (New South
   * Wales, South Australia, Victoria: stillborn from 20 weeks or, only where the weeks can't be
   * reliably established, from 400 g). Where the family has given the weeks it never holds, so the
   * weight is neither asked nor split on; while the weeks are not given, "not known" is one of the
   * answers still open, said as its own case ("If the weeks are not known and from 400 g: …").
   */
  gestation_weeks_known: z.literal(false).optional(),
  /** Scattering rules: they apply on the leg that reaches the place of scattering. */
  scatter_country: list(country).optional(),
  scatter_region: list(region).optional(),
  scatter_place: list(z.enum(scatterPlaces)).optional(),
  /**
   * Places its source does not speak against: Germany's "laid to rest in a cemetery" is not said of
   * a garden of remembrance, which is a cemetery's own (review 36, L9). Holds while the place is unsaid.
   */
  scatter_place_not: list(z.enum(scatterPlaces)).optional(),
  scatter_site: list(
    z.string().regex(/^[a-z]+:[a-z0-9-]+$/, 'should be a site code such as nps:dena'),
  ).optional(),
});
export type RuleConditions = z.infer<typeof conditionsSchema>;

export const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}, 'should be an http or https address');

const documentAskSchema = z.strictObject({
  key: z.enum(documentKeys),
  /** A more precise name, e.g. "Italian consular authorisation and seal". */
  title: sentence.optional(),
  /** Other documents the same rule accepts in its place ("a death or cremation certificate"). */
  or: list(z.enum(documentKeys)).optional(),
  /** The papers this one is made from: the originals a translation is of. */
  of: list(z.enum(documentKeys)).optional(),
  /**
   * Its title when one of `of` does not (or may not) exist for this loved one (a stillborn baby's
   * death certificate): never "a translation of the death certificate" beside "there isn't one".
   */
  title_without: sentence.optional(),
  /**
   * Its source says only who issues this paper, never that anyone asks for it or suggests it
   * (Germany's consulates in Canada): the summary says this sentence in place of "… suggests having
   * ready …" (review 19, finding 6).
   */
  said_as: sentence.optional(),
  /**
   * Its source names this paper only beside these (Poland's mission in Ireland lists the coroner's
   * certificate with the death certificate, for a person who died) and doesn't say it is issued for
   * a loved one without one of them (a baby born without signs of life, with no death certificate).
   * For such a loved one the paper is asked about first, never "carry", and said in `said_as`'s words,
   * naming whom to ask (review 30, finding 4).
   */
  unsure_without: z.strictObject({ papers: list(z.enum(documentKeys)), said_as: sentence }).optional(),
  /**
   * Whoever issues this paper does so for a death in these countries (an Irish coroner deals with a
   * death in Ireland: the Irish government's guidance, cited in `source_url`), and the rule's source
   * doesn't say what stands in for it after a death elsewhere. For a loved one the family said died
   * elsewhere it is asked about first, in `said_as`'s words naming whom to ask, never "carry" (a
   * family in Ireland whose Dad died and was cremated in Spain, flying on to Poland); while unsaid,
   * the leg says so and the family is asked where they died (review 35, u finding 4).
   */
  issued_for_deaths_in: z
    .strictObject({
      countries: list(country),
      said_as: sentence,
      source_url: httpUrl,
      source_date: z.string().refine(isPartialDate, 'should be YYYY, YYYY-MM or YYYY-MM-DD').nullable(),
      read_on: day,
    })
    .optional(),
  /**
   * What its source takes in this paper's place that is none of our kinds, in its own words (Poland's
   * mission in Ireland: "another document confirming the death"): for a loved one without this paper,
   * said beside "there isn't one", so the way forward its source gives is never dropped (review 30, 4).
   */
  or_words: sentence.optional(),
  /**
   * The paper is about the urn or its box (Italy's consular seal on the urn's box), not the person:
   * for an urn holding more than one loved one's ashes (twins), the summary says it once, for them
   * all, as a refusal about the urn is (review 30, finding 9).
   */
  for_the_urn: z.literal(true).optional(),
});
const documentNotIssuedSchema = z.strictObject({
  key: z.enum(documentKeys),
  /** Completes "There is no death certificate: <reason>." */
  reason: sentence,
  /**
   * The paper the baby is registered or recorded on instead, as its source names it ("stillbirth
   * certificate"); absent when the baby is not registered at all (below a country's threshold). The
   * packet's note for security names it, and never says "before the stage" for such a baby.
   */
  registered_on: z.string().min(3).optional(),
  /**
   * Registering is the parents' choice, not a duty (Ireland's stillbirths): the paper in
   * `registered_on` exists only if they registered, which the family is never asked, so the note for
   * security says it may be had, never that it is carried. Only with `registered_on`.
   */
  registration_optional: z.literal(true).optional(),
  /**
   * Whether the baby is registered at all turns on what the family cannot tell us (Australia before
   * 20 weeks, 400 g or more: registered only where the weeks could not be reliably established), so
   * the note for security says only that no death certificate was issued, never "not registered"
   * nor a paper carried instead. Never with `registered_on`.
   */
  registration_unsettled: z.literal(true).optional(),
  instead: sentence,
  /**
   * What to carry turns on where the baby was cremated (Texas: the funeral home files a Certificate
   * of Fetal Death for a baby cremated there, whatever the weight). `instead` is said while the
   * family has not said where; cremated in one of `regions`, `there`; cremated anywhere else,
   * `elsewhere`, with `{place}` for where it was, so the unknown there is named (review 31, finding 2).
   * `reason_elsewhere` is the reason said for a cremation anywhere else, without the words that speak
   * only of a cremation in one of `regions` (review 32, r32b: "for a baby cremated there" is Texas's).
   */
  by_cremation: z
    .strictObject({
      regions: list(region),
      there: sentence,
      elsewhere: sentence,
      reason_elsewhere: sentence.optional(),
    })
    .optional(),
  /**
   * Said after `reason` for a baby who may be one of twins or more (sharing an urn with another baby,
   * or of the same loss), with `{name}` for the baby: a source's note that a multiple pregnancy has
   * other rules (Ireland's), never dropped where the trip shows twins (review 31, finding 5).
   */
  if_multiple: sentence.optional(),
  /**
   * Said in place of `if_multiple` for a baby whose ashes the family put in one urn with another
   * baby's, with `{name}` and `{others}`: what they told us, never "If Ola was one of twins" (review
   * 32, r32a).
   */
  if_sharing_urn: sentence.optional(),
  /** Papers `instead` already names ("…, with the crematorium's certificate"), said once, not twice. */
  instead_includes: list(z.enum(documentKeys)).optional(),
  /**
   * The source speaks for most places, not each one ("most US states"): the paper "may not exist"
   * even when every fact about the loved one is known, never a flat "there is no". So does a source
   * that says only no regulations apply, never that the paper is not made (New Zealand's
   * crematorium before 20 weeks and under 400 g; review 27, finding 2).
   */
  varies: z.literal(true).optional(),
});

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
  source_kind: z.enum(sourceKinds),
  /** The date the source itself shows: YYYY, YYYY-MM or YYYY-MM-DD; null when it shows none. */
  source_date: z.string().refine(isPartialDate, 'should be YYYY, YYYY-MM or YYYY-MM-DD').nullable(),
  /** What else is known about the source's date ("undated page reproducing TSA's 2004 release"). */
  source_date_note: sentence.optional(),
  /** The day our research read the source (from an archived or stored copy). */
  read_on: day,
  /** The day a person last re-read the live source; absent until someone does. */
  rechecked_on: day.optional(),
  /**
   * Set while a `required` or `warning` rule rests on a low-confidence source and an official one
   * is being sought: whom the family should ask meanwhile ("British Airways").
   */
  awaiting_official: sentence.optional(),
  conflicts_with: list(kebab).optional(),
  /**
   * A consulate's page that speaks for only part of the family's home country (the Italian
   * consulate in Edinburgh, for a family anywhere in the UK). We cannot tell which part the family
   * lives in, so its papers are said as "may ask for", and the family asks the one serving them.
   */
  serves_part_of_home: z.literal(true).optional(),
  /**
   * The source speaks only of a loved one who was a national of these countries (Portugal's
   * consulate in Rio de Janeiro: "a Portuguese national"). Left out for a loved one the family
   * said was a national of another country; while unsaid it applies, and the family is asked once
   * (review 22, finding 8). A family it does not speak for is told whom it speaks for.
   */
  nationals_of: list(country).optional(),
  /**
   * The carrier does not take ashes in the hold (Ryanair): a family who chose the hold will carry
   * them in the cabin, so the X-ray rules for the cabin (a stone or metal urn) are shown as well.
   */
  moves_to_cabin: z.literal(true).optional(),
  /**
   * The carrier does not take ashes in the cabin (Ural Airlines; Etihad, reportedly): a family who
   * chose the cabin will pack them in the hold, so the summary says so first and the checked-bag
   * screening advice is shown (review 13, finding 16), as `moves_to_cabin` does the other way.
   */
  moves_to_hold: z.literal(true).optional(),
  /**
   * The bag this rule is for is open only on a condition its source names, short of a refusal
   * (Avianca's hold: only when a funeral home or cargo agency books it 48 hours ahead), where the same
   * page gives the other bag's way too: for a family who chose that bag, or has not chosen, the
   * summary says this sentence first, with what the page leaves unclear, never only the usual papers
   * (review 24, finding 4). Nothing is moved, as `moves_to_cabin` would: the page does not refuse.
   */
  bag_condition: sentence.optional(),
  /**
   * The journey as planned is not allowed (Germany: a family may not carry an urn in): the summary
   * says so first, before any paper, so nobody reads the list as if one more paper made it fine.
   */
  refuses_journey: z.literal(true).optional(),
  /**
   * With `refuses_journey`: the same source says the way open is to send the urn instead, through a
   * funeral home or a specialist carrier (Germany: an urn is shipped to a funeral home or cemetery,
   * never carried by the family). The summary then says the papers are for sending it, never
   * "bring" them on a journey it has just said is not allowed (review 16, finding 6).
   */
  sent_instead: z.literal(true).optional(),
  /**
   * The journey as planned may not be allowed, on a dated or weaker source (Singapore Airlines may
   * no longer accept ashes; six German states, as reported in 2017): said first in the summary,
   * as the doubt it is (its title says "may" or "reportedly"), before any paper (review 10).
   */
  may_refuse_journey: z.literal(true).optional(),
  /**
   * The carrier keeps the urn on board at its ports of call (Carnival): where the ship sails on
   * from a port with the same carrier, the ashes never enter that country, as on a leg marked
   * as a port of call (review 10, finding 12).
   */
  urn_stays_aboard: z.literal(true).optional(),
  /**
   * Who is speaking, when it is not the body the scope names: the US Embassy in London advising
   * Americans about taking ashes into the UK is not the UK asking. Named as the one who asks.
   */
  speaker: sentence.optional(),
  /**
   * Its `speaker` only advises and checks no papers on the way: a mission's page on another
   * country's rules (the US Embassy in London, on taking ashes into the UK). Its papers are
   * suggested, never "asks for", and it is never someone to let know that one is missing; lint
   * keeps it to a rule with a `speaker` that is `recommended` or `info` (review 35, finding 2).
   */
  only_advises: z.literal(true).optional(),
  /** Rules sharing a merge_key say the same thing and become one requirement with this id. */
  merge_key: kebab.optional(),
  /**
   * Said to a family living outside `home` whom `home_or_death_there` brought here, where the
   * source's list assumes an applicant living in the mission's district (India's High Commission
   * in Ottawa asks for proof of address and status in Canada): what that leaves unknown and whom to
   * ask. "{home}" becomes the family's country (review 18, finding 2).
   */
  living_elsewhere: sentence.optional(),
  /**
   * A scattering rule that speaks of one thing only (American Samoa's EPA: when to tell it), so the
   * rest of what a family needs to know there is still an unknown, said beside it with whom to ask,
   * never hidden because one rule matched (review 10, finding 5). `unknown` completes "we have no
   * source on …"; `ask` completes "… can say" ("American Samoa's EPA").
   */
  leaves_unknown: z.strictObject({ unknown: sentence, ask: sentence }).optional(),
  /**
   * A scattering rule said only at its `scatter_place`, whose source speaks of a law that may reach
   * these other places too without saying so (Poland's 1959 law, as a 2023 report tells it, lets
   * ashes rest only in a cemetery, and speaks of the sea only for a burial after a death aboard). The
   * rule stays unsaid there; where no other rule of ours speaks for the place, the gap says `said_as`
   * (what the source says, that it does not say whether it reaches there, and whom to ask) in place
   * of "the authority that gives permission to scatter there", which would suggest a permission our
   * own source gives no sign of (review 36, finding 8). Lint keeps it to a scattering rule, at places
   * its `scatter_place` does not name.
   */
  not_said_at: z.strictObject({ places: list(z.enum(scatterPlaces)), said_as: sentence }).optional(),
  /**
   * A sending country's own rule that says how an urn is sent from there (Germany: through the
   * funeral home or crematorium and a specialist carrier): where we have no rule for that country's
   * post, the gap says whom this rule names ("the funeral home or crematorium"), never "ask the
   * post office", which the rule above it has just said is not the way (review 22, finding 10).
   */
  sends_through: sentence.optional(),
  /**
   * The rule's source speaks of shipping an urn as cargo, not of a family carrying it (an Alberta
   * funeral home's checklist for the Bahamas): the papers it lists are what a family may be asked
   * for, to ask about before travelling, never "bring" (review 22, finding 4).
   */
  speaks_for_shipping: z.literal(true).optional(),
  /**
   * A country-wide scattering rule whose source says the states (or nations) may add their own for
   * this place (US lakes and rivers: "states may regulate them", `epa-inland`): where we have none
   * of a state's own, the state the family named is still an unknown we name, with whom to ask
   * (review 13, finding 18), as beside California's rules at sea.
   */
  regions_may_add: z.literal(true).optional(),
  /**
   * The source speaks of anything carried (every wooden article at Australia's border), not only of
   * a person's remains, so the rule applies to a pet's ashes too, though a country's rule would not.
   * On a carrier's rule, its source speaks of a pet's ashes as well as a person's (British Airways'
   * papers, `ba-carriage-docs`), so no "our sources speak about a person's ashes" is said beside it;
   * on one about scattering only (Carnival's "human or animal ashes"), that is said of scattering.
   */
  covers_pets: z.literal(true).optional(),
  /**
   * About what happens after arriving (Italy: ashes travel on overland), not about entering: it
   * does not stand for the country's entry rules, so a family with none is still told whom to ask.
   */
  after_arrival: z.literal(true).optional(),
  /**
   * One step or note about entering (India's eCARe portal for health clearances), not the country's
   * rules for entering: a family none of those speak for is still told whose rules we have and whom
   * to ask, as with `after_arrival` (review 14, finding 1).
   */
  one_step_of_entry: z.literal(true).optional(),
  /**
   * Its source speaks of ashes arriving to stay in the country (Belgium's list, with a town hall's
   * authorisation for burial or scattering there): left out where the family only passes through,
   * and the leg says so, with whom to ask (review 27, finding 9).
   */
  for_ashes_staying: z.literal(true).optional(),
  /**
   * A paper for leaving one country that another asks for ashes brought to stay there (Ireland's
   * coroner's certificate, on Poland's list for ashes brought to be buried): the countries whose
   * staying it speaks of, each one its `trip_reaches` names. Left out, and said so, where the
   * family brings the urn out of that country again, as `for_ashes_staying` is for an entry rule
   * (review 32, r32a tidy: one field, one meaning).
   */
  for_ashes_staying_in: list(country).optional(),
  /**
   * Its source speaks of ashes staying there to be buried (Poland's mission in Ireland: a permit
   * from the starosta where the remains are to be buried): left out for a trip scattering them in
   * that country, and the leg says so, with whom to ask (`../for-burial.ts`; review 33b, M3).
   */
  for_burial: z.literal(true).optional(),
  /**
   * A state's own rule, from the state's own source, allowing what country-wide rules say is not
   * allowed (Bremen's environment department: ashes may be scattered on private or public ground,
   * beside "Germany doesn't allow scattering ashes yourself"): the ids or merge_keys of those
   * rules, left out wherever this one holds, so a family is never told both (review 33b, M6). Or a
   * state's own newer page on the urn cremated there (Rhineland-Palatinate's 2025 law) beside an older
   * report on that state's law it replaced (the 2017 report): that report is left out (review 36, M4).
   */
  sets_aside: list(kebab).optional(),
  /**
   * The rule as said to a family whose loved one never had a passport (a baby who died before
   * birth, a pet): the same source's list without "the passport of the person who died", so no
   * parent is asked for a paper their baby never had. Lint requires it where the detail asks.
   */
  without_passport: z.strictObject({ title: sentence.optional(), detail: sentence }).optional(),
  /**
   * The rule's detail as said to a family sending the ashes (post, courier, air cargo), where the
   * detail speaks of ashes a family carries (India's eCARe note: "It does not say whether ashes a
   * family carries need one"): the same facts and source, in words true for sending, since nobody
   * carries anything (review 35b, fixAE finding 1). Lint keeps it to rules for shipments and trips.
   */
  when_sent: z.strictObject({ title: sentence.optional(), detail: sentence }).optional(),
  /**
   * Said after the detail where one of the loved ones the rule is for may have no death certificate
   * (a baby lost in pregnancy), whoever else travels with them: the source's list may ask for one
   * and we can't say what it takes instead. Kept apart from `without_passport`, which is said only
   * where nobody the rule is for had a passport (review 22, finding 3).
   */
  for_a_baby_without_certificate: sentence.optional(),
  document: z
    .strictObject({
      asks_for: list(documentAskSchema).optional(),
      /**
       * The source asks for every paper in asks_for together ("all the original documents"), where
       * others ask for papers and may take a substitute. A family without one of them is told this
       * way may be closed to them, never that the papers list has something to carry instead.
       */
      all_required: z.literal(true).optional(),
      /**
       * The source makes the one paper it names a condition of carrying the ashes this way and
       * names nothing in its place (Qatar in the hold: "provided that the passenger is in possession
       * of all necessary documentation, including a certified copy of a death certificate"). Said
       * like `all_required`: a family without it is told this way may be closed to them (review 18,
       * finding 1).
       */
      no_substitute: z.literal(true).optional(),
      not_issued: list(documentNotIssuedSchema).optional(),
    })
    .optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

/**
 * Whether a rule takes nothing in place of the papers it asks for: every paper together
 * (`all_required`, Emirates in the hold) or its one paper as a condition (`no_substitute`, Qatar).
 */
export const takesNoSubstitute = (rule: Pick<Rule, 'document'>): boolean =>
  rule.document?.all_required === true || rule.document?.no_substitute === true;
export type DocumentAsk = NonNullable<NonNullable<Rule['document']>['asks_for']>[number];
export type DocumentNotIssued = NonNullable<NonNullable<Rule['document']>['not_issued']>[number];

export const ruleFileSchema = z.strictObject({
  version: z.number().int().min(1),
  rules: z.array(z.unknown()),
});

/**
 * The words every rule saying `home_or_death_there` uses for whom to ask (lint checks it): said to a
 * family living elsewhere, they become "serving where Papá died".
 */
export const SERVING_WHERE_YOU_LIVE = 'serving where you live';

/**
 * In a country's rule's detail, the mission to ask, named where the family asks from on that leg
 * ("the embassy or consulate of Austria in Italy", or "… where you live" while not said; review 27,
 * finding 11). Lint keeps it to country rules.
 */
export const MISSION = '{mission}';

/**
 * In a trip rule for arriving in a country (`to`), the country the ashes set off from on the journey
 * that arrives there, past countries only passed through (`journeyFrom`): a paper "from the country
 * you leave" is named ("an exit permit from Germany" for a family driving from Hesse through Austria
 * and Italy to the ferry to Greece; review 31, r31a finding 7). Lint keeps it to such rules.
 */
export const LEAVING = '{leaving}';

export const scopeKindOf = (rule: Pick<Rule, 'scope'>): ScopeKind => {
  const kind = scopeKinds.find((k) => rule.scope.startsWith(`${k}:`));
  if (!kind) throw new Error(`Rule scope "${rule.scope}" has no known kind.`);
  return kind;
};
export const scopeNameOf = (rule: Pick<Rule, 'scope'>): string => rule.scope.split(':')[1] ?? '';

/** Paperwork rules describe what is (not) issued after a loss; they are judged once per loved one. */
export const isPaperworkRule = (rule: Rule): boolean => rule.document?.not_issued !== undefined;

/** Scattering rules apply on the leg that reaches the place where the ashes are scattered. */
export const isScatteringRule = (rule: Rule): boolean => {
  const c = rule.conditions;
  return (
    c.scatter_country !== undefined ||
    c.scatter_region !== undefined ||
    c.scatter_place !== undefined ||
    c.scatter_place_not !== undefined ||
    c.scatter_site !== undefined
  );
};

/** Whether a scattering rule speaks for this place: named by `scatter_place`, not by `scatter_place_not`. */
export const speaksForPlace = (rule: Rule, place: (typeof scatterPlaces)[number]): boolean =>
  (rule.conditions.scatter_place?.includes(place) ?? true) &&
  !(rule.conditions.scatter_place_not?.includes(place) ?? false);

/**
 * Rules about entering a country, and every consulate's page, speak of a person's remains (the law
 * on human remains); none of our sources says they cover a pet's ashes, so they are not applied to
 * a pet's, and the family is told whom to ask instead.
 */
export const speaksOnlyOfPeople = (rule: Rule): boolean =>
  rule.covers_pets !== true && (scopeKindOf(rule) === 'country' || rule.source_kind === 'consulate');
