import type { Prompt } from '../../../contracts/journal.js';

// Gentle prompts for the journal: one at a time, always with "not today", and none at all in
// "quiet years". Each is taken from what bereavement charities and the baby-loss community already
// offer families (shared/research/anchors-refresh.md); the source is named beside each.

const PROMPTS: ReadonlyArray<{ id: string; text: (name: string) => string }> = [
  // Winston's Wish, "ten ways for special days": a letter beginning "If you came back for just five minutes…".
  { id: 'five-minutes', text: (name) => `If ${name} came back for just five minutes, what would you say?` },
  // Winston's Wish, "Alternative goodbyes": "I remember when…".
  { id: 'remember-when', text: (name) => `I remember when ${name}…` },
  // Winston's Wish, "Alternative goodbyes": "My wish for the future is…".
  { id: 'wish', text: () => 'My wish for the future is…' },
  // Capture Your Grief (Carly Marie Dudley), October subject "Most treasured item".
  { id: 'treasured-item', text: (name) => `Something of ${name}'s you treasure, and why.` },
  // Capture Your Grief, October subject "Special place".
  { id: 'special-place', text: (name) => `A place that makes you think of ${name}.` },
  // Capture Your Grief, October subject "Symbol".
  { id: 'symbol', text: (name) => `Is there a symbol, a colour or a song that stands for ${name}?` },
  // Capture Your Grief, October subject "Supportive friends/family".
  { id: 'supporters', text: () => 'Someone who has stood beside you, and what they did.' },
  // Dougy Center, December 2021: favourite foods and a place at the table on special days.
  { id: 'favourite-food', text: (name) => `A meal, a smell or a taste that brings ${name} back.` },
];

const DAY_MS = 86_400_000;

/**
 * The prompt for a local date: it changes once a day and never repeats two days running, so no
 * prompt is "missed" and nothing is counted or kept about which were answered.
 */
export function promptFor(localDate: string, lovedOneName: string): Prompt {
  const dayNumber = Math.floor(Date.parse(`${localDate}T00:00:00Z`) / DAY_MS);
  const prompt = PROMPTS[((dayNumber % PROMPTS.length) + PROMPTS.length) % PROMPTS.length]!;
  return { id: prompt.id, text: prompt.text(lovedOneName) };
}
