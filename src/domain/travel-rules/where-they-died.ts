import type { RuleQuestion } from '../../contracts/travel-rules.js';
import type { DiedWhere } from './match-conditions.js';
import { countryPhrase } from './names.js';
import { joinList } from './ordering.js';
import type { MatchedRule } from './requirements.js';

// A rule that holds only after a death in (or outside) a country, met while the family has not said
// where their loved one died: it is said with that condition, and the family is asked once, as for a
// nationality, never assumed (review 32, r32b finding 5; match-conditions.ts, whereTheyDiedDecides).

/**
 * "died in the United States", "died outside Japan", or, where the cremation decides, "was cremated in
 * France" ("were", for twins named together): France's prefect authorises an urn where it was
 * cremated, so that is what is said and asked (review 35, u finding 5).
 */
const where = (died: DiedWhere, several = false): string =>
  'in' in died
    ? `${died.cremated ? (several ? 'were cremated' : 'was cremated') : 'died'} in ${joinList(died.in.map(countryPhrase), 'or')}`
    : `died outside ${joinList(died.outside.map(countryPhrase))}`;

/**
 * Where `owner` must have died for one requirement (its rules, merged) to stand for them, or null
 * where it stands as said: where any of its rules holds for them as said, it is there whatever the
 * answer, so neither its note nor a question speaks of it (review 33b, H1: a French family leaving
 * France holds `fr-prefect-exit` as said, whatever `fr-prefect-exit-died-in-france` turns on).
 */
export function onlyIfTheyDied(group: readonly MatchedRule[], owner: string): DiedWhere | null {
  const conditions = group
    .filter((entry) => entry.owners.has(owner))
    .map((entry) => entry.diedWhere?.get(owner));
  if (conditions.length === 0 || conditions.some((died) => died === undefined)) return null;
  // Where one of its rules turns on the cremation (France's prefect, where the urn was cremated), the
  // cremation decides: a twin for a death there holds only for ashes from there (review 35, u 5).
  return conditions.find((died) => died !== undefined && 'in' in died && died.cremated) ?? conditions[0]!;
}

/**
 * One loved one's requirements on a leg (each its rules, merged), split: those that stand for them
 * as said, and those that stand only after a death (or a cremation) where the family has not said,
 * by that condition ("died in France", "was cremated in France"). What to carry is said from the first; the others each with their condition
 * (review 33b, M4: the prefect's permit in a UK family's summary, unconditionally).
 */
export function byWhereTheyDied(
  groups: readonly (readonly MatchedRule[])[],
  owner: string,
): { asSaid: MatchedRule[]; onlyIfDied: Map<string, MatchedRule[]> } {
  const asSaid: MatchedRule[] = [];
  const onlyIfDied = new Map<string, MatchedRule[]>();
  for (const group of groups) {
    const died = onlyIfTheyDied(group, owner);
    if (died === null) asSaid.push(...group);
    else onlyIfDied.set(where(died), [...(onlyIfDied.get(where(died)) ?? []), ...group]);
  }
  return { asSaid, onlyIfDied };
}

/**
 * Said beside a requirement whose rules hold for some of its loved ones only after a death where
 * the family has not said: "This applies only if Lola died in the United States; …". Null when
 * every loved one it is for is one it holds for as said.
 */
export function diedWhereNote(group: readonly MatchedRule[], owners: ReadonlySet<string>): string | null {
  const byPlace = new Map<string, { died: DiedWhere; names: string[] }>();
  for (const owner of owners) {
    const died = onlyIfTheyDied(group, owner);
    if (died === null) continue;
    const key = JSON.stringify(died);
    const entry = byPlace.get(key) ?? { died, names: [] };
    byPlace.set(key, { died, names: [...entry.names, owner] });
  }
  if (byPlace.size === 0) return null;
  const every = [...byPlace.values()].flatMap((entry) => entry.names).length === owners.size;
  return [...byPlace.values()]
    .map(({ died, names }) => {
      const who = joinList(names);
      const applies = every ? 'This applies' : `For ${who}, this applies`;
      const one = names.length === 1;
      const tell =
        'cremated' in died
          ? `where ${one ? `${who} was` : 'each was'} cremated`
          : `where ${one ? who : 'each'} died`;
      return `${applies} only if ${who} ${where(died, !one)}; tell us ${tell}, and we'll show it only if it is for your family.`;
    })
    .join(' ');
}

/**
 * Where did they die, asked once for each loved one for whom a requirement shown turns on it: the
 * requirements of every leg, each as its rules merged (requirements.ts, mergedGroups), so a
 * question is asked only where the answer changes what is shown, as the note is said. Where it
 * turns on the cremation (France's prefect), "Where was … cremated?" is asked instead, once, beside
 * any "Where did … die?" for other requirements (review 35, u finding 5). `papers`: what turns on
 * where they died within a requirement that stands either way (an Irish coroner's certificate).
 */
export function diedWhereQuestions(
  groups: readonly (readonly MatchedRule[])[],
  asked: readonly RuleQuestion[] = [],
  papers: ReadonlyMap<string, readonly string[]> = new Map(),
): RuleQuestion[] {
  const clauses = new Map<string, string[]>([...papers].map(([owner, theirs]) => [owner, [...theirs]]));
  const onlyPapers = new Set(papers.keys());
  const cremation = new Map<string, string[]>();
  for (const group of groups) {
    for (const owner of new Set(group.flatMap((entry) => [...entry.owners]))) {
      const died = onlyIfTheyDied(group, owner);
      if (died === null) continue;
      const title = group.find((entry) => entry.diedWhere?.has(owner))!.rule.title;
      const clause = `“${title}” applies only if ${owner} ${where(died)}`;
      const by = 'cremated' in died ? cremation : clauses;
      if (by === clauses) onlyPapers.delete(owner);
      const theirs = by.get(owner) ?? [];
      if (!theirs.includes(clause)) by.set(owner, [...theirs, clause]);
    }
  }
  const diedQuestions = [...clauses].map(([owner, theirs]) => {
    // A baby lost in pregnancy is asked where they were born (loss-paperwork.ts), and that one answer
    // is where they died too: one question says both, not "born" asked and "died" dropped (review
    // 33b, Q2: "Where was Poppy born?" asked while the notes said "tell us where Poppy died").
    const born = asked.find((q) => q.loved_one === owner && q.field === 'loss_country');
    if (born) {
      return {
        ...born,
        message: `${born.message} Your answer also tells us where ${owner} died, which decides some of what we show: ${joinList(theirs)}.`,
      };
    }
    return diedQuestion(owner, theirs, onlyPapers.has(owner));
  });
  const crematedQuestions = [...cremation].map(([owner, theirs]) => crematedQuestion(owner, theirs));
  return [...diedQuestions, ...crematedQuestions];
}

const diedQuestion = (owner: string, theirs: readonly string[], onlyPapers: boolean): RuleQuestion => {
  const one = theirs.length === 1;
  // A paper issued for a death in one country is still asked about after a death elsewhere, with
  // whom to ask: never "shown only if it is for your family" (review 35, u finding 4).
  const then = onlyPapers
    ? `we'll say whether to bring ${one ? 'it' : 'each'} or whom to ask instead`
    : `we'll show ${one ? 'it' : 'each'} only if it is for your family`;
  return {
    loved_one: owner,
    field: 'loss_country' as const,
    message: `Where did ${owner} die? Some of what we show depends on it: ${joinList(theirs)}. Tell us where ${owner} died, and ${then}.`,
  };
};

const crematedQuestion = (owner: string, theirs: readonly string[]): RuleQuestion => ({
  loved_one: owner,
  field: 'cremated_in' as const,
  message: `Where was ${owner} cremated? Some of what we show depends on it: ${joinList(theirs)}. Tell us where ${owner} was cremated, and we'll show ${theirs.length === 1 ? 'it' : 'each'} only if it is for your family.`,
});
