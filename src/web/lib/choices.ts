import type { Choice } from './places.js';

// How a searchable list (components/Combobox.tsx) matches what a person types to its options.

export const normalise = (text: string) =>
  text
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_/.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The options for a query, best first: those whose name or a keyword is exactly what was typed
 * ("uk" → United Kingdom, before Ukraine), then names and keywords starting with it, then names and
 * keywords containing it.
 */
export function rankChoices(choices: readonly Choice[], typed: string): Choice[] {
  const query = normalise(typed);
  if (!query) return [...choices];
  const exact: Choice[] = [];
  const starts: Choice[] = [];
  const contains: Choice[] = [];
  for (const choice of choices) {
    const words = [choice.label, ...(choice.keywords ?? [])].map(normalise);
    if (words.some((w) => w === query)) exact.push(choice);
    else if (words.some((w) => w.startsWith(query) || w.includes(` ${query}`))) starts.push(choice);
    else if (words.some((w) => w.includes(query))) contains.push(choice);
  }
  return [...exact, ...starts, ...contains];
}

/** The one option the typed text names exactly (its name, value or a keyword), if there is one. */
export function exactChoice(choices: readonly Choice[], typed: string): Choice | undefined {
  const query = normalise(typed);
  if (!query) return undefined;
  return choices.find((c) =>
    [c.label, c.value, ...(c.keywords ?? [])].some((word) => normalise(word) === query),
  );
}
