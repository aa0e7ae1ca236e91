import type { MemoryItem } from '../../../contracts/memory-box.js';

/**
 * The label on a drawing or letter, as Artkive's plaque: "Mia, 7 · 6 December 2026". The day is the
 * one it was where the phone is (a drawing made just after midnight belongs to the new day).
 */
export function itemLabel(
  item: Pick<MemoryItem, 'byName' | 'byAge' | 'createdAt'>,
  timeZone?: string,
): string {
  const who = item.byAge === null ? item.byName : `${item.byName}, ${item.byAge}`;
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(timeZone && { timeZone }),
  }).format(new Date(item.createdAt));
  return `${who} · ${day}`;
}

const kindWords: Record<MemoryItem['kind'], string> = {
  drawing: 'drawing',
  letter: 'letter',
  voice: 'voice note',
};

export const kindWord = (item: Pick<MemoryItem, 'kind'>) => kindWords[item.kind];

/** "2 seconds", "1 minute 5 seconds". */
export function lengthWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}
