import { z } from 'zod';
import { idSchema, text } from './fields.js';

// The children's memory box (modules/memory-box): a loved one's drawings, letters and voice notes.
// A child in child mode and a teen with their own login add to it; parents see everything and can
// keep an item private to the parents.

/**
 * Letter openings the children's bereavement charities use (Winston's Wish's "ten ways for special
 * days" and "alternative goodbyes"). One is offered at a time; a blank page is always there too.
 */
export const letterPrompts = [
  'If you came back for five minutes, I would…',
  'I remember when we…',
  'Something I want to tell you is…',
  'You made me laugh when…',
  'Today I thought about you because…',
  'My wish for the future is…',
] as const;

/** A voice note may be this long: long enough to say something, short enough to keep. */
export const voiceNoteLimits = { maxSeconds: 180, maxBytes: 10 * 1024 * 1024 } as const;

/** The types a voice note may say it is; what it really is, is read from its bytes. */
export const voiceUploadContentTypes = [
  'audio/webm',
  'audio/ogg',
  'audio/mp4',
  'audio/mpeg',
  'audio/aac',
  'audio/x-m4a',
];

export const memoryItemKinds = ['drawing', 'letter', 'voice'] as const;

export const memoryItem = z.object({
  id: idSchema,
  lovedOneId: idSchema,
  kind: z.enum(memoryItemKinds),
  /** Kept for the parents only: nobody else sees it, its image or its sound, through any route. */
  parentsOnly: z.boolean(),
  /** The label: who made it, their age that day if a grown-up gave the month they were born, and when. */
  byName: z.string(),
  byAge: z.number().int().nullable(),
  createdAt: z.string(),
  /** A letter's opening (one of the prompts) and what was written; null for other kinds. */
  prompt: z.string().nullable(),
  text: z.string().nullable(),
  /** A drawing's picture. */
  imageUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  /** A voice note's sound and its length in seconds. */
  audioUrl: z.string().nullable(),
  audioSeconds: z.number().int().nullable(),
});
export type MemoryItem = z.infer<typeof memoryItem>;

export const memoryBoxResponse = z.object({
  /** The loved ones whose boxes these are (so child mode, which cannot read loved ones, can choose). */
  lovedOnes: z.array(z.object({ id: idSchema, displayName: z.string() })),
  items: z.array(memoryItem),
});
export type MemoryBoxResponse = z.infer<typeof memoryBoxResponse>;

export const memoryItemResponse = z.object({ item: memoryItem });

export const addLetterBody = z
  .object({
    prompt: z
      .enum(letterPrompts, { error: 'Please choose one of the openings, or a blank page.' })
      .nullable(),
    text: text('the letter', 10_000),
  })
  .strict();
export type AddLetterBody = z.infer<typeof addLetterBody>;

export const updateMemoryItemBody = z
  .object({
    parentsOnly: z.boolean({ error: 'Please say whether only the parents should see this.' }).optional(),
  })
  .strict();
export type UpdateMemoryItemBody = z.infer<typeof updateMemoryItemBody>;
