import type { RuleQuestion } from '../../contracts/travel-rules.js';
import type { DiedWhere } from './match-conditions.js';
import { countryPhrase } from './names.js';
import { joinList } from './ordering.js';
import type { MatchedRule } from './requirements.js';

// A rule that holds only after a death in (or outside) a country, met while the family has not said
// where their loved one died: it is said with that condition, and the family is asked once, as for a
// nationality, never assumed (review 32, r32b finding 5; match-conditions.ts, whereTheyDiedDecides).

/** "in the United States", "outside Japan". */
const where = (died: DiedWhere): string =>
  'in' in died
    ? `in ${joinList(died.in.map(countryPhrase), 'or')}`
    : `outside ${joinList(died.outside.map(countryPhrase))}`;

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
  return conditions[0]!;
}

/**
 * One loved one's requirements on a leg (each its rules, merged), split: those that stand for them
 * as said, and those that stand only after a death where the family has not said, by that place
 * ("in France"). What to carry is said from the first; the others each with their condition
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
  const byPlace = new Map<string, string[]>();
  for (const owner of owners) {
    const died = onlyIfTheyDied(group, owner);
    if (died === null) continue;
    const place = where(died);
    byPlace.set(place, [...(byPlace.get(place) ?? []), owner]);
  }
  if (byPlace.size === 0) return null;
  const every = [...byPlace.values()].flat().length === owners.size;
  return [...byPlace]
    .map(([place, names]) => {
      const who = joinList(names);
      const applies = every ? 'This applies' : `For ${who}, this applies`;
      return `${applies} only if ${who} died ${place}; tell us where ${names.length === 1 ? who : 'each'} died, and we'll show it only if it is for your family.`;
    })
    .join(' ');
}

/**
 * Where did they die, asked once for each loved one for whom a requirement shown turns on it: the
 * requirements of every leg, each as its rules merged (requirements.ts, mergedGroups), so a
 * question is asked only where the answer changes what is shown, as the note is said.
 */
export function diedWhereQuestions(
  groups: readonly (readonly MatchedRule[])[],
  asked: readonly RuleQuestion[] = [],
): RuleQuestion[] {
  const clauses = new Map<string, string[]>();
  for (const group of groups) {
    for (const owner of new Set(group.flatMap((entry) => [...entry.owners]))) {
      const died = onlyIfTheyDied(group, owner);
      if (died === null) continue;
      const title = group.find((entry) => entry.diedWhere?.has(owner))!.rule.title;
      const clause = `“${title}” applies only if ${owner} died ${where(died)}`;
      const theirs = clauses.get(owner) ?? [];
      if (!theirs.includes(clause)) clauses.set(owner, [...theirs, clause]);
    }
  }
  return [...clauses].map(([owner, theirs]) => {
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
    return diedQuestion(owner, theirs);
  });
}

const diedQuestion = (owner: string, theirs: readonly string[]): RuleQuestion => ({
  loved_one: owner,
  field: 'loss_country' as const,
  message: `Where did ${owner} die? Some of what we show depends on it: ${joinList(theirs)}. Tell us where ${owner} died, and we'll show ${theirs.length === 1 ? 'it' : 'each'} only if it is for your family.`,
});
