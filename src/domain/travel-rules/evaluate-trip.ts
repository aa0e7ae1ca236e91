import {
  holdsAshes,
  type RuleQuestion,
  type TravelBag,
  type TravelDocument,
  type TravelLegOutput,
  type TravelRulesInput,
  type TravelRulesOutput,
} from '../../contracts/travel-rules.js';
import { askedComingHome } from './coming-home.js';
import { buildDocumentList, issuedForDeathsIn, paperExceptions } from './document-list.js';
import { keepsakeGap, legGaps, onwardTo, PLACE_WORDS, whomPassingThrough } from './gaps.js';
import { landGaps } from './land-borders.js';
import { homeQuestion, homeUnknownRules, waitingRefusals } from './home-rules.js';
import { RULES } from './load-rules.js';
import { paperworkFor, type Paperwork } from './loss-paperwork.js';
import {
  conditionsHold,
  type DiedWhere,
  type MatchContext,
  whereCrematedDecides,
  whereTheyDiedDecides,
} from './match-conditions.js';
import { airlinesNamedInstead } from './named-carriers.js';
import {
  conflictSaidBefore,
  mergedGroups,
  ruleConflicts,
  toRequirements,
  type MatchedRule,
} from './requirements.js';
import {
  isPaperworkRule,
  isScatteringRule,
  LEAVING,
  type Rule,
  scopeKindOf,
  speaksOnlyOfPeople,
} from './rule-schema.js';
import { capitalise, carrierName, countryPhrase, scopeLabel, whoToAsk } from './names.js';
import { compareText, joinList } from './ordering.js';
import { otherWay } from './other-ways.js';
import { scatterRegionQuestion } from './scatter-region.js';
import { disputedByOwnSources } from './speakers.js';
import {
  ashesLeaveAgain,
  askingFrom,
  entryRulesInDoubt,
  inDoubtPassingThrough,
  isEntryRuleOf,
} from './passing-through.js';
import { buriedWhereScattered, scatteringNotBurialGaps, withoutBurialOnly } from './for-burial.js';
import {
  notSaidBefore,
  type StateUnknown,
  stateGaps,
  stateQuestions,
  statesUnknown,
  withoutSetAside,
} from './state-rules.js';
import { carrySummary, type PapersIfTheyDied, type Refusal, type UrnPapers } from './summary.js';
import { asIfFromHome, homeListsToTry, setOffElsewhereGaps } from './set-off-elsewhere.js';
import { oneSentAheadGap, sentAheadGap, urnsSentOn, withoutUrnsSent } from './sent-instead.js';
import { byWhereTheyDied, diedWhereQuestions } from './where-they-died.js';
import {
  type KeepsakeFacts,
  type LegFacts,
  type LovedOneFacts,
  type ScatterFacts,
  type TripFacts,
  tripFacts,
} from './trip-facts.js';

// The travel rules engine: a trip in; first, per loved one, what this family carries (and which
// papers do not exist for them); then per leg what applies (with sources), what we don't know and
// where sources disagree; and one list of papers per loved one. Pure and deterministic: the same
// input and day always give the same output, with no clock and no I/O.

export interface EvaluateOptions {
  /** YYYY-MM-DD, for whether a rule's last check is stale. */
  today: string;
  rules?: readonly Rule[];
}

/** Keepsakes with no loved one named are grouped under this stand-in, who has no paperwork facts. */
const UNNAMED: LovedOneFacts = {
  name: 'your loved one',
  named: false,
  kind: 'other',
  gestationWeeks: null,
  bornAlive: null,
  birthWeightG: null,
  lossCountry: null,
  lossRegion: null,
  cremationCountry: null,
  cremationRegion: null,
  nationality: null,
};

export function evaluateTrip(given: TravelRulesInput, options: EvaluateOptions): TravelRulesOutput {
  const rules = options.rules ?? RULES;
  const input = withPortsOfCall(given, rules);
  const facts = tripFacts(input);
  const noAshes = keepsakeGap(input.keepsakes.map((keepsake) => keepsake.kind));
  if (noAshes) {
    return {
      summary: [],
      questions: [],
      legs: facts.legs.map((leg) => emptyLeg(leg, [noAshes])),
      documents: [],
    };
  }

  const ashKeepsakes = facts.keepsakes.filter((keepsake) => holdsAshes(keepsake.kind));
  const owners = [...new Set(ashKeepsakes.map((keepsake) => keepsake.lovedOne ?? UNNAMED))];
  const paperworks = owners.map((lovedOne) => paperworkFor(rules, lovedOne, facts.home));
  const legRules = rules.filter((rule) => !isPaperworkRule(rule));
  // Only a speaker's own sources disagreeing weaken how firmly it asks (finding 18.7).
  const disputed = disputedByOwnSources(rules);

  const allKeepsakes = [...new Set(ashKeepsakes.map((keepsake) => keepsake.label))];
  const carriedAsPlanned = facts.legs.map((leg) =>
    leg.carriesAshes
      ? onlyPassingThrough(
          namingWhereFrom(withCabinScreening(legRules, facts, leg, ashKeepsakes), leg),
          facts,
          leg,
        )
      : [],
  );
  // Once every urn is sent instead (Germany), the legs after carry none (review 35, t05).
  // An urn sent instead on one leg is not carried on the legs after it; the others are (review 36).
  const sentAt = urnsSentOn(carriedAsPlanned, facts, ashKeepsakes);
  const goneBy = (index: number) =>
    new Set([...sentAt].filter(([, leg]) => leg < index).map(([label]) => label));
  const sentAhead = (index: number) =>
    ashKeepsakes.length > 0 && ashKeepsakes.every((keepsake) => goneBy(index).has(keepsake.label));
  const onBoard = (index: number) => ashKeepsakes.filter((keepsake) => !goneBy(index).has(keepsake.label));
  const carriedByLeg = carriedAsPlanned.map((entries, index) =>
    sentAhead(index) ? [] : withoutUrnsSent(entries, goneBy(index), ashKeepsakes),
  );
  const matchedByLeg = carriedByLeg.map((entries, index) =>
    withoutSetAside(withoutBurialOnly(entries, facts, facts.legs[index]!)),
  );
  // Rules for a burial where the family scatters, left out and said so on their leg (review 33b, M3).
  const burialOnlyByLeg = carriedByLeg.map((entries, index) =>
    entries.filter((entry) => buriedWhereScattered(entry.rule, facts, facts.legs[index]!)).map((e) => e.rule),
  );
  // A home post's list for ashes leaving home, where the ashes set off from elsewhere: left out and
  // said so on their leg (review 34, finding 2).
  const setOffElsewhereByLeg = facts.legs.map((leg, index) => {
    const tried = homeListsToTry(legRules, facts, leg);
    if (tried.length === 0 || sentAhead(index)) return [];
    const held = new Set(matchedByLeg[index]!.map((entry) => entry.rule.id));
    return matchLeg(tried, asIfFromHome(facts), leg, onBoard(index))
      .map((entry) => entry.rule)
      .filter((rule) => !held.has(rule.id) && !buriedWhereScattered(rule, facts, leg));
  });
  const rulesOf = (entries: readonly MatchedRule[], lovedOne: LovedOneFacts) =>
    entries
      .filter((entry) =>
        // By keepsake and by whose ashes: an urn holding twins' ashes has one label, and a rule for
        // one of them (a baby born without signs of life) is not the other's (review 23, finding 8).
        ashKeepsakes.some(
          (k) =>
            (k.lovedOne ?? UNNAMED) === lovedOne &&
            entry.keepsakes.has(k.label) &&
            entry.owners.has(lovedOne.name),
        ),
      )
      .map((entry) => entry.rule);
  // Which bag each rule was matched for, so a paper's list says how firmly it is asked bag by bag.
  const legBags = new Map<string, Set<TravelBag | null>>();
  matchedByLeg.forEach((entries, index) => {
    for (const { rule } of entries)
      legBags.set(rule.id, (legBags.get(rule.id) ?? new Set()).add(facts.legs[index]!.bag));
  });
  // Each leg's requirements, as shown; a paper asked for only by one that stands after a death where
  // the family has not said is not on the papers list, but said in the summary with that condition.
  const groupsByLeg = matchedByLeg.map((matched) => [...mergedGroups(matched, allKeepsakes).values()]);
  const splitFor = new Map(
    paperworks.map((paperwork) => [
      paperwork,
      groupsByLeg.map((groups) => byWhereTheyDied(groups, paperwork.lovedOne.name)),
    ]),
  );
  const refusalsFor = onceForEachUrn(
    paperworks.map((paperwork) =>
      refusalsOf(
        matchedByLeg.map((entries) => rulesOf(entries, paperwork.lovedOne)),
        facts,
      ),
    ),
    paperworks.map((paperwork) => paperwork.lovedOne.name),
    (title, name) =>
      new Set(
        matchedByLeg
          .flat()
          .filter((entry) => entry.rule.title === title && entry.owners.has(name))
          .flatMap((entry) => [...entry.keepsakes])
          .filter((label) =>
            ashKeepsakes.some((k) => k.label === label && (k.lovedOne ?? UNNAMED).name === name),
          ),
      ),
  );

  // A loved one whose urn is sent instead has papers for whoever sends it (review 35, t05).
  const documents: TravelDocument[] = paperworks.flatMap((paperwork, index) =>
    buildDocumentList(
      splitFor.get(paperwork)!.flatMap((split) => rulesOf(split.asSaid, paperwork.lovedOne)),
      paperwork,
      disputed,
      legBags,
      refusalsFor[index]!.some((refusal) => refusal.sentInstead === true),
    ),
  );
  const ifTheyDiedFor = (paperwork: Paperwork): PapersIfTheyDied[] => {
    const splits = splitFor.get(paperwork)!;
    const listed = new Set(
      documents.filter((d) => d.loved_one === paperwork.lovedOne.name).map((d) => d.title),
    );
    return [...new Set(splits.flatMap((split) => [...split.onlyIfDied.keys()]))].flatMap((place) => {
      const rulesThere = splits.flatMap((split) =>
        rulesOf(split.onlyIfDied.get(place) ?? [], paperwork.lovedOne),
      );
      const papers = buildDocumentList(rulesThere, paperwork, disputed, legBags).filter(
        (d) => (d.status === 'carry' || d.status === 'ask_first') && !listed.has(d.title),
      );
      return papers.length > 0 ? [{ onlyIf: place, documents: papers }] : [];
    });
  };

  // Per loved one, another way the same source leaves open where one is closed to them.
  const waysFor = new Map<Paperwork, string[]>(paperworks.map((paperwork) => [paperwork, []]));
  const unknownStates: StateUnknown[] = [];
  let homeAsked = false;
  const waitingOnHome: ReturnType<typeof waitingRefusals> = [];
  const waitingFor = new Map<Paperwork, ReturnType<typeof waitingRefusals>>(
    paperworks.map((paperwork) => [paperwork, []]),
  );
  // Each disagreement is set out in full on the first leg it applies to; later legs refer to it.
  const conflictSaidOn = new Map<string, string>();
  // A state's rule on an urn cremated there is said on the first leg it is met on (review 32, r32b).
  const stateRulesSaid = new Set<string>();
  // Why a paper is missing is said in full on the first leg, as a disagreement is (review 32, r32b).
  const reasonsSaidOn = new Map<string, string>();
  const whomHere = (rule: Rule) => whoToAskAbout(rule, facts.scatter?.place ?? null);
  const legs = facts.legs.map((leg, index): TravelLegOutput => {
    const matched = matchedByLeg[index]!;
    const sentTo = (labels: readonly string[]) => [
      ...new Set(labels.map((label) => facts.legs[sentAt.get(label)!]!.to)),
    ];
    if (leg.carriesAshes && sentAhead(index))
      return {
        ...emptyLeg(
          leg,
          sentTo([...goneBy(index)]).map((country) => ({ message: sentAheadGap(country) })),
        ),
        carries_ashes: false,
      };
    const aboard = onBoard(index);
    // The urns sent instead on an earlier leg, said on each leg after it, by whose they are.
    const sentEarlier = [...goneBy(index)].flatMap((label) => {
      const urn = ashKeepsakes.find((keepsake) => keepsake.label === label)!;
      return urn.lovedOne ? [{ name: urn.lovedOne.name, country: facts.legs[sentAt.get(label)!]!.to }] : [];
    });
    if (!leg.carriesAshes)
      return emptyLeg(
        leg,
        facts.collectIn && leg.index < (facts.joinsAt ?? 0)
          ? [
              {
                message: `The ashes join the trip in ${countryPhrase(facts.collectIn)}, so there is nothing to carry on this part of the journey.`,
              },
            ]
          : [],
      );
    const otherWays = (rule: Rule, paperwork: Paperwork) => {
      const way = otherWay(rule, paperwork, legRules, facts, leg, aboard);
      if (way) waysFor.get(paperwork)?.push(way);
      return way;
    };
    const exceptions = paperworks.flatMap((paperwork) =>
      paperExceptions(rulesOf(matched, paperwork.lovedOne), paperwork, facts.home, disputed, leg.bag, {
        said: reasonsSaidOn,
        here: legPhrase(leg),
      }),
    );
    const uncovered = paperworks.filter(
      (paperwork: Paperwork) =>
        paperwork.uncoveredLossCountry !== null &&
        exceptions.some((e) => e.loved_one === paperwork.lovedOne.name),
    );
    const rulesHere = matched.map((entry) => entry.rule);
    const statesHere = unknownStatesOn(legRules, facts, leg, aboard);
    unknownStates.push(...statesHere);
    const homeUnknown = homeUnknownRules(legRules, facts, leg, aboard, appliesTo, rulesHere);
    if (homeUnknown.length > 0) homeAsked = true;
    waitingOnHome.push(...waitingRefusals(homeUnknown));
    // Each loved one's summary says a refusal waiting on where the family lives that would be theirs.
    for (const paperwork of paperworks) {
      const theirs = aboard.filter((k) => (k.lovedOne ?? UNNAMED) === paperwork.lovedOne);
      waitingFor
        .get(paperwork)
        ?.push(...waitingRefusals(homeUnknownRules(legRules, facts, leg, theirs, appliesTo, rulesHere)));
    }
    // Entry and exit rules that ask papers for an urn still speak for the country: with only
    // jewellery aboard, "we have no rule for leaving the UK" would not be true.
    const jewellery = aboard.filter((k) => k.kind === 'jewellery');
    const forUrnsOnlyMatched =
      jewellery.length === 0
        ? []
        : matchLeg(
            legRules.filter(speaksOnlyOfUrns),
            facts,
            leg,
            jewellery.map((k) => ({ ...k, kind: 'ashes' as const })),
          );
    const forUrnsOnly = forUrnsOnlyMatched.map((entry) => entry.rule);
    // Whose ashes each rule was matched for, so one loved one's entry rule is not the other's.
    const ownersOf = new Map<Rule, Set<string>>();
    for (const entry of [...matched, ...forUrnsOnlyMatched])
      ownersOf.set(entry.rule, new Set([...(ownersOf.get(entry.rule) ?? []), ...entry.owners]));
    return {
      index,
      carries_ashes: true,
      requirements: toRequirements(notSaidBefore(matched, stateRulesSaid), {
        today: options.today,
        allKeepsakes,
        paperworks,
        home: facts.home,
        otherWays,
        askingFrom: askingFrom(facts, leg),
        comingHome: askedComingHome(facts, leg, aboard, legRules),
      }),
      gaps: legGaps({
        trip: facts,
        leg,
        forAshesStaying: ashesLeaveAgain(facts, leg)
          ? matchLeg(
              legRules.filter((rule) => staysThere(rule, leg)),
              facts,
              leg,
              aboard,
            ).map((entry) => entry.rule)
          : [],
        keepsakes: aboard,
        matched: rulesHere,
        forUrnsOnly,
        rules: legRules,
        hasDocuments: documents.length > 0,
        uncovered,
        homeUnknown,
        ownersOf,
        entrySaidElsewhere: setOffElsewhereByLeg[index]!.length > 0,
      }).concat(
        stateGaps(statesHere),
        sentEarlier.map(({ name, country }) => ({ message: oneSentAheadGap([name], country) })),
        landGaps(leg),
        scatteringNotBurialGaps(
          facts,
          leg,
          burialOnlyByLeg[index]!,
          documents.length > 0 ? '; take the documents listed below with you' : '',
        ),
        setOffElsewhereGaps(
          facts,
          leg,
          setOffElsewhereByLeg[index]!,
          documents.length > 0 ? '; take the documents listed below with you' : '',
        ),
      ),
      conflicts: ruleConflicts(rulesHere, 'trip', whomHere).map((conflict) => {
        const key = [...conflict.rule_ids].sort().join(' ');
        const where = conflictSaidOn.get(key);
        if (where === undefined) {
          conflictSaidOn.set(key, legPhrase(leg));
          return conflict;
        }
        const group = rulesHere.filter((rule) => conflict.rule_ids.includes(rule.id));
        return { ...conflict, message: conflictSaidBefore(group, where, whomHere) };
      }),
      exceptions,
    };
  });

  // Airlines whose papers a country's rule naming other airlines leaves unsaid, for one loved one's
  // ashes, where the airline has no rule of its own on that leg (review 28, finding 5).
  const unsaidBy = (lovedOne: LovedOneFacts): string[] => [
    ...new Set(
      facts.legs.flatMap((leg, index) => {
        const theirs = onBoard(index).filter((k) => (k.lovedOne ?? UNNAMED) === lovedOne);
        const own = rulesOf(matchedByLeg[index]!, lovedOne).some((rule) => scopeKindOf(rule) === 'airline');
        return leg.carriesAshes &&
          theirs.length > 0 &&
          !own &&
          airlinesNamedInstead(facts, leg, theirs, legRules).length > 0
          ? [carrierName(leg.carrier!)]
          : [];
      }),
    ),
  ];
  const urnPapers = onceForEachSharedUrn(
    matchedByLeg.flat(),
    paperworks.map((paperwork) => paperwork.lovedOne.name),
    (label, name) => ashKeepsakes.some((k) => k.label === label && (k.lovedOne ?? UNNAMED).name === name),
  );

  const names = paperworks.map((paperwork) => paperwork.lovedOne.name);
  return {
    summary: sameAsTheirUrnSharer(
      names,
      (one, other) =>
        ashKeepsakes.some(
          (k) =>
            k.lovedOne?.name === one &&
            ashKeepsakes.some((o) => o.label === k.label && o.lovedOne?.name === other),
        ),
      paperworks.map((paperwork, index) =>
        carrySummary(paperwork.lovedOne.name, documents, {
          otherWays: waysFor.get(paperwork) ?? [],
          refusals: [
            ...refusalsFor[index]!,
            ...mergedRefusals(waitingFor.get(paperwork) ?? []).map(({ title, homes }): Refusal => ({
              title,
              passingThrough: null,
              waitsOnHome: homes,
            })),
          ],
          kind: paperwork.lovedOne.kind,
          unsaidBy: unsaidBy(paperwork.lovedOne),
          urnPapers: urnPapers[index]!,
          ifTheyDied: ifTheyDiedFor(paperwork),
          beforeScattering: scatteringAsks(
            matchedByLeg.flatMap((entries) => rulesOf(entries, paperwork.lovedOne)),
          ),
          scatteringNote: unsaidWhereTheyScatter(facts, legRules, legs, paperwork.lovedOne),
        }),
      ),
    ),
    questions: onceEach([
      // A baby's "Where was … born?" says what turns on where they died, where something does.
      ...withDiedWhere(
        paperworks.flatMap((paperwork) => paperwork.questions),
        groupsByLeg.flat(),
        papersOnWhereTheyDied(groupsByLeg.flat(), paperworks),
      ),
      ...stateQuestions(unknownStates),
      ...(homeAsked ? [homeQuestion(mergedRefusals(waitingOnHome))] : []),
      ...scatterQuestions(facts, legRules, ashKeepsakes),
      ...nationalityQuestions(matchedByLeg.flat(), ashKeepsakes),
      ...diedWhereQuestions(groupsByLeg.flat(), [], papersOnWhereTheyDied(groupsByLeg.flat(), paperworks)),
    ]),
    legs: gapsSaidOnce(legs, facts.legs),
    documents,
  };
}

/**
 * Where the family scatters somewhere no rule of ours speaks for, and a rule's source for another
 * place there speaks of a law that may reach this one without saying so (Poland's 1959 law, at sea),
 * the note on the journey says so: the summary points to it, "about scattering ashes at sea in
 * Poland", as it names the rules that ask something (review 36c, finding 3). Null otherwise, and for
 * a loved one the rule does not speak of (a pet).
 */
function unsaidWhereTheyScatter(
  facts: TripFacts,
  rules: readonly Rule[],
  legs: readonly TravelLegOutput[],
  lovedOne: LovedOneFacts,
): string | null {
  const scatter = facts.scatter;
  if (!scatter?.place) return null;
  const said = rules.some(
    (rule) =>
      rule.not_said_at?.places.includes(scatter.place!) === true &&
      !(rule.conditions.loved_one_not?.includes(lovedOne.kind) ?? false) &&
      legs.some((leg) => leg.gaps.some((gap) => gap.message.includes(rule.not_said_at!.said_as))),
  );
  return said ? `scattering ashes ${PLACE_WORDS[scatter.place]} in ${countryPhrase(scatter.country)}` : null;
}

/**
 * The scattering rules that ask something of a family or say scattering isn't allowed, by title,
 * each once (Germany's two sources share one), bans and warnings first.
 */
function scatteringAsks(rules: readonly Rule[]): string[] {
  const asking = rules.filter(
    (rule) =>
      scopeKindOf(rule) === 'scattering' && (rule.severity === 'warning' || rule.severity === 'required'),
  );
  return [
    ...new Set(
      [
        ...asking.filter((rule) => rule.severity === 'warning'),
        ...asking.filter((rule) => rule.severity === 'required'),
      ].map((rule) => rule.title),
    ),
  ];
}

/**
 * Twins whose ashes share one urn, with word for word the same summary but for their names (Ola
 * and Ela, review 31, finding 8: some 230 words each, twice): the later one's says so in a line,
 * pointing to the first, and keeps its own papers list (`carry`, `not_issued`). Said in full
 * wherever one word differs.
 */
function sameAsTheirUrnSharer<T extends { text: string }>(
  names: readonly string[],
  shareUrn: (one: string, other: string) => boolean,
  summaries: readonly T[],
): T[] {
  // Each name for the other, both at once: "Ola shares an urn with Ela" reads, for Ela, "Ela shares
  // an urn with Ola" (review 32, r32a).
  const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = (text: string, from: string, to: string) =>
    text.replace(new RegExp(`\\b(?:${escaped(from)}|${escaped(to)})\\b`, 'g'), (name) =>
      name === from ? to : from,
    );
  return summaries.map((summary, later) => {
    const first = summaries.findIndex(
      (earlier, one) =>
        one < later &&
        shareUrn(names[one]!, names[later]!) &&
        named(earlier.text, names[one]!, names[later]!) === summary.text,
    );
    return first < 0
      ? summary
      : {
          ...summary,
          text: `For ${names[later]}, everything said for ${names[first]} holds too: their ashes share one urn, and the same papers and notes apply to each.`,
        };
  });
}

/**
 * A cruise line that keeps the urn on board at its ports of call (Carnival) sails on from a port
 * with the family: the ashes never enter that country, so the leg is a port of call whether or not
 * the family marked it (review 10, finding 12). Only where the next leg is the same line sailing on
 * from there, and the family has not said they go ashore: one leaving the ship takes the urn too.
 */
function withPortsOfCall(input: TravelRulesInput, rules: readonly Rule[]): TravelRulesInput {
  const sailsOn = input.legs.map((leg, index) => {
    const next = input.legs[index + 1];
    return (
      leg.mode === 'sea' &&
      leg.from !== leg.to &&
      // A family who said they go ashore here (connection: false) is taken at their word.
      leg.connection === undefined &&
      // So is one who plans to scatter ashore here: their plan is shown as they made it, with the
      // line's rule that the urn stays on board said first (review 22, finding 1).
      !scattersAshoreIn(input, leg.to) &&
      next?.mode === 'sea' &&
      next.from === leg.to &&
      next.carrier !== undefined &&
      next.carrier.toUpperCase() === leg.carrier?.toUpperCase()
    );
  });
  if (!sailsOn.includes(true)) return input;
  const aboard = rules.filter((rule) => rule.urn_stays_aboard);
  const facts = tripFacts(input);
  const urns = facts.keepsakes.filter((keepsake) => holdsAshes(keepsake.kind));
  const legs = input.legs.map((leg, index) =>
    sailsOn[index] && matchLeg(aboard, facts, facts.legs[index]!, urns).length > 0
      ? { ...leg, connection: true }
      : leg,
  );
  return { ...input, legs };
}

/** The family plans to scatter in this country somewhere that is not the sea. */
const scattersAshoreIn = (input: TravelRulesInput, country: string): boolean =>
  input.scatter !== undefined && input.scatter.country === country && input.scatter.place !== 'sea';

function matchLeg(
  rules: readonly Rule[],
  facts: ReturnType<typeof tripFacts>,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
): MatchedRule[] {
  const matched: MatchedRule[] = [];
  for (const rule of rules) {
    const labels = new Set<string>();
    const owners = new Set<string>();
    const heldIn = new Map<string, { owners: string[]; container: string }>();
    const diedWhere = new Map<string, DiedWhere>();
    for (const keepsake of keepsakes) {
      if (!appliesTo(rule, keepsake)) continue;
      const ctx: MatchContext = { channel: 'trip', trip: facts, leg, keepsake };
      // Holding only after a death where the family has not said, it is shown and asked about.
      const died =
        whereTheyDiedDecides(rule.conditions, ctx, rule.scope) ??
        whereCrematedDecides(rule.conditions, ctx, rule.scope);
      if (!(died !== null && 'in' in died) && !conditionsHold(rule.conditions, ctx, rule.scope)) continue;
      const owner = (keepsake.lovedOne ?? UNNAMED).name;
      if (died) diedWhere.set(owner, died);
      labels.add(keepsake.label);
      owners.add(owner);
      heldIn.set(keepsake.label, {
        owners: [...(heldIn.get(keepsake.label)?.owners ?? []), owner],
        container: keepsake.container,
      });
    }
    if (labels.size > 0)
      matched.push({ rule, keepsakes: labels, owners, heldIn, ...(diedWhere.size > 0 && { diedWhere }) });
  }
  return matched;
}

/**
 * A country's rule speaks of a person's remains; papers are asked for an urn, not jewellery; and
 * jewellery is worn, not scattered: a rule on scattering is about the ashes that are (review 8).
 */
const appliesTo = (rule: Rule, keepsake: KeepsakeFacts): boolean =>
  !(keepsake.lovedOne?.kind === 'pet' && speaksOnlyOfPeople(rule)) &&
  // A consulate's list for its own nationals, where the family said the loved one was not one
  // (review 22, finding 8); unsaid, it still applies and the family is asked (nationalityQuestions).
  // A baby born without signs of life was never anyone's national: never asked (review 33, M3).
  !(
    rule.nationals_of !== undefined &&
    (keepsake.lovedOne?.kind === 'pet' ||
      keepsake.lovedOne?.bornAlive === false ||
      saidNotNational(rule.nationals_of, keepsake.lovedOne))
  ) &&
  !(keepsake.kind === 'jewellery' && (asksPapersOnlyForUrns(rule) || isScatteringRule(rule)));

/**
 * Our sources ask for papers for an urn or a box of ashes; none says keepsake jewellery needs them.
 * Only a rule that names jewellery gives jewellery a papers list; otherwise the jewellery gap says
 * plainly that we found nothing, rather than a list beside a "no source" note.
 */
const asksPapersOnlyForUrns = (rule: Rule): boolean =>
  (rule.document?.asks_for?.length ?? 0) > 0 && !rule.conditions.keepsake?.includes('jewellery');

/**
 * Rules that speak for a journey but not for keepsake jewellery: papers asked for an urn, and a
 * ship's or train's own rules for an urn (Carnival: the urn stays on board). With only jewellery
 * aboard they are not shown, yet they still speak for that carrier or country, so no "we have no
 * rule" gap appears beside the jewellery note.
 */
const speaksOnlyOfUrns = (rule: Rule): boolean => {
  const kind = scopeKindOf(rule);
  // An airline's or a country's rule for urns (Qantas: a clean container; Germany: no family may
  // carry an urn) speaks for it as much as a ship's does (review 9, finding 7).
  const urnsOnly =
    (kind === 'cruise' || kind === 'rail' || kind === 'airline' || kind === 'country') &&
    rule.conditions.keepsake !== undefined &&
    !rule.conditions.keepsake.includes('jewellery');
  return urnsOnly || asksPapersOnlyForUrns(rule);
};

/** Security or container advice only for one bag ("seal the container and label it": checked). */
const isScreeningOnlyFor = (rule: Rule, bag: 'checked' | 'carry_on'): boolean => {
  const kind = scopeKindOf(rule);
  return (
    (kind === 'container' || kind === 'security') &&
    rule.conditions.bag !== undefined &&
    rule.conditions.bag.every((one) => one === bag)
  );
};

/** The rule sends the ashes from the bag the family chose to the other one. */
const movesFrom = (rule: Rule, bag: 'checked' | 'carry_on'): boolean =>
  bag === 'checked' ? rule.moves_to_cabin === true : rule.moves_to_hold === true;

/**
 * A carrier that does not take ashes in the bag the family chose sends them to the other: the
 * hold refused (Ryanair), what the cabin X-ray may not see through (a stone or metal urn) is said as
 * well, never lost; the cabin refused (Ural Airlines; Etihad, reportedly), the advice for packing a
 * checked bag ("seal the container and label it") is (review 13, finding 16).
 */
function withCabinScreening(
  rules: readonly Rule[],
  facts: ReturnType<typeof tripFacts>,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
): MatchedRule[] {
  const all = matchLeg(rules, facts, leg, keepsakes);
  const chosen = leg.bag;
  if (chosen === null) return all;
  const moving = all.filter((entry) => movesFrom(entry.rule, chosen));
  if (moving.length === 0) return all;
  const other = chosen === 'checked' ? 'carry_on' : 'checked';
  // Advice for the bag chosen is not offered as the way where the carrier refuses it (Southwest's
  // hold); where our sources disagree about that carrier (American), it may still be open.
  const refused = moving.some((entry) => (entry.rule.conflicts_with?.length ?? 0) === 0);
  const matched = refused
    ? all.filter((entry) => movesFrom(entry.rule, chosen) || !isScreeningOnlyFor(entry.rule, chosen))
    : all;
  const have = new Set(matched.map((entry) => entry.rule.id));
  const screening = rules.filter((rule) => {
    const kind = scopeKindOf(rule);
    return (
      (kind === 'container' || kind === 'security') &&
      rule.conditions.bag?.includes(other) &&
      !have.has(rule.id)
    );
  });
  return [...matched, ...matchLeg(screening, facts, { ...leg, bag: other }, keepsakes)];
}

/**
 * Whom to ask about a rule on this trip: a scattering rule for several places (England's advice for
 * rivers, lakes and the sea) is said for the place the family chose, so a scattering at sea names
 * the local authority for that coast, never a landowner (finding 18.7).
 */
const LEG_WORDS: Record<LegFacts['mode'], string> = {
  air: 'flight',
  sea: 'sailing',
  rail: 'train journey',
  road: 'drive',
};

/**
 * A gap said word for word on several legs (no rule for Kenya Airways on each of three flights) is
 * said in full once, on the first, naming the other legs it goes for; a later leg says its first
 * sentence, "as said for" the first leg (and that whom to ask is said there, where the rest names
 * someone), as
 * a disagreement set out on an earlier leg is (review 35b, fixAE finding 3). Only legs carrying the
 * ashes: "nothing to carry on this part of the journey" stays as it is.
 */
function gapsSaidOnce(legs: readonly TravelLegOutput[], facts: readonly LegFacts[]): TravelLegOutput[] {
  const legsSaying = new Map<string, number[]>();
  legs.forEach((leg, index) => {
    if (!leg.carries_ashes) return;
    for (const message of new Set(leg.gaps.map((gap) => gap.message)))
      legsSaying.set(message, [...(legsSaying.get(message) ?? []), index]);
  });
  return legs.map((leg, index) => {
    if (!leg.carries_ashes) return leg;
    const gaps = leg.gaps.map((gap) => {
      const saying = legsSaying.get(gap.message) ?? [];
      if (saying.length < 2) return gap;
      const [first, ...later] = saying;
      if (index !== first) {
        const lead = /^(.+?)[.!]( |$)/.exec(gap.message)?.[1] ?? gap.message.replace(/[.!]$/, '');
        const asks = /\bask\b|can tell you|can say/i.test(gap.message.slice(lead.length));
        // "As said for the flight from the United Kingdom to Kenya, we have no rule … yet; whom to
        // ask is said there." A name that starts the sentence keeps its capital.
        const said = lead.replace(/^(We|Our|The|A|An|If|Please) /, (word) => word.toLowerCase());
        return {
          ...gap,
          message: `As said for ${legPhrase(facts[first!]!)}, ${said}${asks ? '; whom to ask is said there' : ''}.`,
        };
      }
      const others = joinList(later.map((at) => legPhrase(facts[at]!)));
      return { ...gap, message: `${gap.message} This goes for ${others} too.` };
    });
    return { ...leg, gaps };
  });
}

/** A leg as a family names it: "the flight from Australia to Singapore", "the drive within Spain". */
function legPhrase(leg: LegFacts): string {
  const route =
    leg.from === leg.to
      ? `within ${countryPhrase(leg.from)}`
      : `from ${countryPhrase(leg.from)} to ${countryPhrase(leg.to)}`;
  return `the ${LEG_WORDS[leg.mode]} ${route}`;
}

function whoToAskAbout(rule: Rule, place: ScatterFacts['place']): string {
  const places = rule.conditions.scatter_place;
  if (scopeKindOf(rule) !== 'scattering' || place === null || !places?.includes(place)) return whoToAsk(rule);
  return whoToAsk({ scope: rule.scope, conditions: { ...rule.conditions, scatter_place: [place] } });
}

/**
 * A rule's "{leaving}" (rule-schema.ts), named on this leg: the country the ashes set off from on
 * the journey that arrives here, past countries only passed through (review 31, r31a finding 7).
 */
function namingWhereFrom(matched: MatchedRule[], leg: LegFacts): MatchedRule[] {
  return matched.map((entry) => {
    const text = JSON.stringify(entry.rule);
    if (!text.includes(LEAVING)) return entry;
    const where = countryPhrase(leg.journeyFrom ?? leg.setsOffFrom);
    return { ...entry, rule: JSON.parse(text.replaceAll(LEAVING, where)) as Rule };
  });
}

/**
 * A country's rules for the way in, where the family only passes through it (a flight to Germany
 * and the train on to Austria): our sources don't say whether they bind a family then, so that
 * country only "may ask" for its papers, each rule says so, and the leg says whom to ask
 * (passing-through.ts).
 */
function onlyPassingThrough(
  matched: MatchedRule[],
  facts: ReturnType<typeof tripFacts>,
  leg: LegFacts,
): MatchedRule[] {
  if (!ashesLeaveAgain(facts, leg)) return matched;
  const inDoubt = entryRulesInDoubt(facts, leg);
  return matched
    .filter((entry) => !staysThere(entry.rule, leg))
    .map((entry) =>
      // A rule about changing planes there speaks for exactly this, so it is not in doubt (review 28, 3).
      inDoubt && isEntryRuleOf(entry.rule, leg.to) && !speaksOfChangingThere(entry.rule)
        ? { ...entry, rule: inDoubtPassingThrough(entry.rule) }
        : entry,
    );
}

/**
 * A country's rule for ashes arriving to stay there, which says nothing of passing through (review
 * 27, 9), or a paper for leaving another country that it asks for ashes staying in it (Ireland's
 * coroner's certificate, on Poland's list for ashes brought to be buried: `for_ashes_staying_in`;
 * review 32).
 */
const staysThere = (rule: Rule, leg: LegFacts): boolean =>
  (rule.for_ashes_staying === true && isEntryRuleOf(rule, leg.to)) ||
  rule.for_ashes_staying_in?.includes(leg.to) === true;

const speaksOfChangingThere = (rule: Rule): boolean =>
  rule.conditions.connection === true || rule.conditions.marked_connection === true;

/**
 * Rules saying the journey is not allowed as planned, each once, in journey order. A country's rule
 * for bringing ashes in, met on a leg that only passes through it (driving through Germany to
 * Poland), is said with that doubt: our sources don't say whether it binds a family passing through
 * (review 11, finding 3). Met anywhere else on the trip, it is said flatly.
 */
function refusalsOf(
  rulesByLeg: readonly (readonly Rule[])[],
  facts: ReturnType<typeof tripFacts>,
): Refusal[] {
  const found = new Map<string, Refusal>();
  rulesByLeg.forEach((rules, index) => {
    const leg = facts.legs[index]!;
    for (const rule of rules) {
      // The cabin the family chose (or has not yet decided against) is refused: the hold is the way.
      const toHold = rule.moves_to_hold === true && leg.bag !== 'checked';
      // The hold the family chose is refused (Ryanair): the cabin is the way, said as first (review 17, 3).
      const toCabin = rule.moves_to_cabin === true && leg.bag === 'checked';
      // The line keeps the urn on board at its ports of call, and the family means to scatter it
      // ashore at one (review 22, finding 1).
      const next = facts.legs[index + 1];
      const portOfCall =
        leg.markedConnection ||
        (next !== undefined && next.mode === 'sea' && next.from === leg.to && next.carrier === leg.carrier);
      const kept =
        rule.urn_stays_aboard === true &&
        leg.mode === 'sea' &&
        leg.carrier !== null &&
        portOfCall &&
        facts.scatter !== null &&
        facts.scatter.place !== null &&
        facts.scatter.place !== 'sea' &&
        facts.scatter.country === leg.to;
      if (kept) {
        const key = `${rule.id}|ashore`;
        if (!found.has(key))
          found.set(key, {
            title: rule.title,
            passingThrough: null,
            keptAboard: {
              carrier: leg.carrier!,
              country: leg.to,
              place: PLACE_WORDS[facts.scatter!.place!],
            },
          });
        continue;
      }
      // A bag open only on a condition (Avianca's hold, booked ahead): said first, in its own words,
      // for a family who chose it or has not chosen; nothing is refused or moved (review 24, 4).
      if (rule.bag_condition !== undefined) {
        const chose = rule.conditions.bag;
        if (leg.bag === null || chose === undefined || chose.includes(leg.bag))
          found.set(`${rule.id}|bag`, {
            title: rule.title,
            passingThrough: null,
            saidFirst: rule.bag_condition,
          });
        continue;
      }
      if (!rule.refuses_journey && !rule.may_refuse_journey && !toHold && !toCabin) continue;
      const through = entryRulesInDoubt(facts, leg) && isEntryRuleOf(rule, leg.to);
      // A "may" refusal another source on this leg contradicts is a disagreement (review 15, 1).
      const disputed =
        rule.may_refuse_journey === true &&
        ['airline', 'cruise', 'rail'].includes(scopeKindOf(rule)) &&
        rules.some(
          (other) => other.conflicts_with?.includes(rule.id) || rule.conflicts_with?.includes(other.id),
        );
      const refusal: Refusal = {
        title: rule.title,
        passingThrough: through
          ? { country: leg.to, onTo: onwardTo(facts, leg), whom: whomPassingThrough(facts, leg) }
          : null,
        ...(toHold && { then: 'checked', askFirst: rule.awaiting_official !== undefined }),
        ...(toCabin && { then: 'cabin', askFirst: rule.awaiting_official !== undefined }),
        // Said flatly, a refusal whose source says the urn is sent instead frames the papers (review 16, 6).
        ...(rule.sent_instead &&
          rule.refuses_journey &&
          !through &&
          !toHold &&
          !toCabin && { sentInstead: true }),
        ...(disputed && { disputed: { about: scopeLabel(rule), ask: whoToAsk(rule) } }),
      };
      const earlier = found.get(rule.title);
      if (!earlier || (earlier.passingThrough && !refusal.passingThrough)) found.set(rule.title, refusal);
    }
  });
  return [...found.values()];
}

/**
 * An urn holding more than one loved one's ashes (twins cremated together, `loved_one: ["Rosie",
 * "Lily"]`): a refusal met for that urn is about the urn, so it is said once, in the first one's
 * summary, naming each whose ashes it holds ("Before anything else, for Rosie and Lily: …"); the
 * others' summaries keep it (their papers are still "to have ready" where it is sent instead) but
 * do not say it again (review 29, finding 9). `urnsOf` gives the labels of the urns a refusal was
 * met for, for one loved one. Refusals about separate urns are each said.
 */
function onceForEachUrn(
  refusalsByOne: readonly Refusal[][],
  names: readonly string[],
  urnsOf: (title: string, name: string) => ReadonlySet<string>,
): Refusal[][] {
  const lists = refusalsByOne.map((list) => [...list]);
  const first = new Map<string, { one: number; at: number; urns: ReadonlySet<string> }>();
  lists.forEach((list, one) => {
    list.forEach((refusal, at) => {
      if (refusal.disputed || refusal.waitsOnHome) return;
      const urns = urnsOf(refusal.title, names[one]!);
      const earlier = first.get(refusal.title);
      if (earlier === undefined) {
        first.set(refusal.title, { one, at, urns });
        return;
      }
      if (![...urns].some((urn) => earlier.urns.has(urn))) return;
      list[at] = { ...refusal, saidFor: names[earlier.one]! };
      const said = lists[earlier.one]![earlier.at]!;
      lists[earlier.one]![earlier.at] = { ...said, alsoFor: [...(said.alsoFor ?? []), names[one]!] };
    });
  });
  return lists;
}

/**
 * A paper about the urn (`for_the_urn`: Italy's seal on the urn's box) asked for an urn that holds
 * more than one loved one's ashes: said in the first one's summary, naming the others, and not again
 * in theirs, as `onceForEachUrn` does for a refusal (review 30, finding 9). By the paper's title, per
 * loved one; `holds` tells whether an urn (a keepsake's label) holds that loved one's ashes.
 */
function onceForEachSharedUrn(
  entries: readonly MatchedRule[],
  names: readonly string[],
  holds: (label: string, name: string) => boolean,
): UrnPapers[] {
  const lists = names.map(() => new Map<string, { alsoFor?: readonly string[]; saidFor?: string }>());
  const first = new Map<string, { one: number; urns: Set<string> }>();
  names.forEach((name, one) => {
    for (const entry of entries) {
      if (!entry.owners.has(name)) continue;
      const urns = new Set([...entry.keepsakes].filter((label) => holds(label, name)));
      for (const ask of entry.rule.document?.asks_for ?? []) {
        if (ask.for_the_urn !== true || ask.title === undefined) continue;
        const earlier = first.get(ask.title);
        if (earlier === undefined || earlier.one === one) {
          if (earlier === undefined) first.set(ask.title, { one, urns: new Set(urns) });
          else urns.forEach((urn) => earlier.urns.add(urn));
          continue;
        }
        if (lists[one]!.has(ask.title) || ![...urns].some((urn) => earlier.urns.has(urn))) continue;
        lists[one]!.set(ask.title, { saidFor: names[earlier.one]! });
        const said = lists[earlier.one]!.get(ask.title)?.alsoFor ?? [];
        lists[earlier.one]!.set(ask.title, { alsoFor: [...said, name] });
      }
    }
  });
  return lists;
}

/** A state's own rule that would apply here, but for the state the family has not named. */
function unknownStatesOn(
  rules: readonly Rule[],
  facts: ReturnType<typeof tripFacts>,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
): StateUnknown[] {
  const found = new Map<string, StateUnknown>();
  for (const keepsake of keepsakes) {
    const name = (keepsake.lovedOne ?? UNNAMED).name;
    const ctx: MatchContext = { channel: 'trip', trip: facts, leg, keepsake };
    const forThem = rules.filter((rule) => !(keepsake.lovedOne?.kind === 'pet' && speaksOnlyOfPeople(rule)));
    for (const unknown of statesUnknown(forThem, ctx, name)) found.set(`${unknown.rule.id}|${name}`, unknown);
  }
  return [...found.values()];
}

/** Each question asked once: the same loved one's state may be asked for two reasons. */
/** Waiting refusals from every leg, each said once with every home it speaks for. */
function mergedRefusals(refusals: ReturnType<typeof waitingRefusals>): ReturnType<typeof waitingRefusals> {
  const byTitle = new Map<string, Set<string>>();
  for (const { title, homes } of refusals) {
    const all = byTitle.get(title) ?? new Set<string>();
    homes.forEach((home) => all.add(home));
    byTitle.set(title, all);
  }
  return [...byTitle].map(([title, homes]) => ({ title, homes: [...homes].sort(compareText) }));
}

/**
 * For each loved one whose death place is unsaid, the papers shown for them that are issued for a
 * death in one country (an Irish coroner's certificate): asked about as a requirement that turns on
 * it is (review 35, u finding 4).
 */
function papersOnWhereTheyDied(
  groups: readonly (readonly MatchedRule[])[],
  paperworks: readonly Paperwork[],
): Map<string, string[]> {
  const byOwner = new Map<string, string[]>();
  for (const paperwork of paperworks) {
    const name = paperwork.lovedOne.name;
    const clauses = groups
      .flat()
      .filter((entry) => entry.owners.has(name))
      .flatMap((entry) =>
        (entry.rule.document?.asks_for ?? []).flatMap((ask) => issuedForDeathsIn(ask, paperwork) ?? []),
      );
    if (clauses.length > 0) byOwner.set(name, [...new Set(clauses)]);
  }
  return byOwner;
}

/** Each question, or the same question joined with what turns on where that loved one died. */
function withDiedWhere(
  questions: readonly RuleQuestion[],
  groups: readonly (readonly MatchedRule[])[],
  papers: ReadonlyMap<string, readonly string[]>,
): RuleQuestion[] {
  const joined = diedWhereQuestions(groups, questions, papers);
  return questions.map(
    (question) =>
      joined.find((q) => q.loved_one === question.loved_one && q.field === question.field) ?? question,
  );
}

function onceEach(questions: readonly RuleQuestion[]): RuleQuestion[] {
  const seen = new Set<string>();
  return questions.filter((question) => {
    const key = `${question.loved_one ?? ''}|${question.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function emptyLeg(leg: LegFacts, gaps: TravelLegOutput['gaps']): TravelLegOutput {
  return {
    index: leg.index,
    carries_ashes: leg.carriesAshes,
    requirements: [],
    gaps,
    conflicts: [],
    exceptions: [],
  };
}

/**
 * A rule speaking only for a country's nationals (Portugal's consulate in Rio de Janeiro) that
 * applies to a loved one whose nationality the family has not said: asked once, gently, so the
 * list can be left out for a family it does not speak for (review 22, finding 8).
 */
/** The family said the loved one's nationality, and it is none of these. */
const saidNotNational = (nations: readonly string[], lovedOne: LovedOneFacts | null): boolean =>
  typeof lovedOne?.nationality === 'string' && !nations.includes(lovedOne.nationality);

function nationalityQuestions(
  matched: readonly MatchedRule[],
  keepsakes: readonly KeepsakeFacts[],
): RuleQuestion[] {
  // Whose nationality the family has not said (a keepsake with no loved one named: "your loved one").
  const unsaid = new Set(
    keepsakes.flatMap((k) =>
      (k.lovedOne ?? UNNAMED).nationality === null ? [(k.lovedOne ?? UNNAMED).name] : [],
    ),
  );
  return matched.flatMap(({ rule, owners }) => {
    if (rule.nationals_of === undefined) return [];
    const nations = joinList(rule.nationals_of.map(countryPhrase), 'or');
    return [...owners]
      .filter((owner) => unsaid.has(owner))
      .map((owner) => ({
        loved_one: owner,
        field: 'nationality' as const,
        message: `Was ${owner} a national of ${nations}? ${capitalise(rule.speaker ?? scopeLabel(rule))} speaks only for nationals of ${nations}; tell us ${owner}'s nationality and we'll show its list only if it is for your family.`,
      }));
  });
}

function scatterQuestions(
  facts: ReturnType<typeof tripFacts>,
  rules: readonly Rule[],
  keepsakes: readonly KeepsakeFacts[],
): RuleQuestion[] {
  if (!facts.scatter) return [];
  if (facts.scatter.place !== null) {
    const region = scatterRegionQuestion(facts.scatter, rules, keepsakes, (place) => PLACE_WORDS[place]);
    return region ? [region] : [];
  }
  return [
    {
      loved_one: null,
      field: 'scatter_place',
      message:
        'Where will you scatter the ashes: at sea, on a river or lake, on land, in a national park, or in a garden of remembrance? The rules differ for each, so we can only show the ones for the place you choose.',
    },
  ];
}
