import type { TributeBackground, TributeSize, TributeWording } from '../../../contracts/tributes.js';

export const backgroundWords: Record<TributeBackground, string> = {
  dawn: 'Dawn (a soft warm colour)',
  sea: 'Sea (a pale blue-grey)',
  stone: 'Stone (a quiet grey)',
  night: 'Night (deep blue, light words)',
};

export const wordingWords = (name: string): Record<TributeWording, { label: string; hint: string }> => ({
  would_have_been: { label: `How old ${name} would have been`, hint: '“Would have been 6 today”' },
  years_since: { label: `How long since ${name} died`, hint: '“Died 6 years ago today”' },
  dates: { label: `${name}’s dates`, hint: 'The dates you gave for them' },
  name_only: { label: 'The name alone', hint: 'No dates' },
});

export const sizeWords: Record<TributeSize, string> = {
  portrait: 'Post (4:5, 1080 × 1350)',
  square: 'Square (1080 × 1080)',
  story: 'Story (1080 × 1920)',
};
