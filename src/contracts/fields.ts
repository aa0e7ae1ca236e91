import { countryLists } from './country-lists.js';
import { z } from 'zod';

// Field schemas shared by many contracts. Messages are written to be shown next to the field:
// kind, plain, and saying what to do.

export const idSchema = z.uuid({ error: 'This link looks incomplete. Please go back and try again.' });

/**
 * Control characters other than tab, newline and carriage return: never typed by a person, refused
 * by PostgreSQL (NUL), and invisible in a calendar feed or a PDF.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControl = (label: string) =>
  [
    (value: string) => !CONTROL.test(value),
    `${capitalise(label)} has hidden characters we cannot keep; please type it again.`,
  ] as const;

export const text = (label: string, max: number) =>
  z
    .string({ error: `Please fill in ${label}.` })
    .trim()
    .min(1, `Please fill in ${label}.`)
    .max(max, `Please keep ${label} under ${max} characters.`)
    .refine(...noControl(label));

/**
 * What a name may not hold, beyond `CONTROL`: tab and line breaks, C1 controls, and the bidi
 * embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069), which reverse how the
 * words after a name are shown in the summary or on the note handed to security staff. Right-to-left
 * names themselves (Arabic, Hebrew) need none of these (review 11, finding 13). Nor U+FFFD, the
 * mark a program leaves where it could not read a letter: a name holding it was garbled on its way
 * here ("Jos\uFFFD"), and would be repeated to the family so (review 13, finding 11).
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_A_NAME = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]/;

/**
 * Characters no one can see, copied in with a name from a phone's notes or a PDF: the soft hyphen,
 * the Mongolian vowel separator, the zero-width space, the left-to-right and right-to-left marks,
 * the word joiner and the invisible operators (U+2060–U+2064), the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: they turn the text around them without
 * being seen; review 22, finding 11), and a byte-order mark inside the text. "Jo" and "Jo\u200B" look the same, so two loved ones would both be shown as "Jo", and a
 * carrier we don't know would be repeated with the hidden character in it (review 17, finding 5).
 */
const HIDDEN = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * The zero-width non-joiner and joiner (U+200C, U+200D) belong inside some names (Persian, the
 * scripts of India) and in emoji sequences, always between two such characters; beside a space, at
 * either end, or beside a Latin letter or digit (where they change nothing one can see) they are
 * hidden characters too.
 */
const STRAY_JOINER =
  /(?:^|[\s\u0020-\u007E\u200C\u200D])[\u200C\u200D]|[\u200C\u200D](?:$|[\s\u0020-\u007E])/;

/** Whether a name holds characters no one can see (review 17, finding 5). */
export const hasHiddenCharacters = (value: string): boolean => HIDDEN.test(value) || STRAY_JOINER.test(value);

/** Whether a name holds only what a person types: nothing that changes the text around it. */
export const isPlainName = (value: string): boolean =>
  !NOT_IN_A_NAME.test(value) && !hasHiddenCharacters(value);

/** Said where a name holding characters no one can see is refused: never repeated back. */
export const HIDDEN_CHARACTERS_MESSAGE =
  'The name has hidden characters we cannot show; please type it again.';

/** Someone's or something's name: letters, spaces and punctuation. */
export const nameText = (label: string, max: number) =>
  text(label, max)
    .refine((value) => !hasHiddenCharacters(value), { message: HIDDEN_CHARACTERS_MESSAGE, abort: true })
    .refine(isPlainName, `Please use only letters, spaces and punctuation in ${label}.`);

/** Optional free text: empty strings become null so "cleared" and "never set" look the same. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${capitalise(label)} should be text.` })
    .trim()
    .max(max, `Please keep ${label} under ${max} characters.`)
    .refine(...noControl(label))
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const isRealDate = (value: string): boolean => {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export const localDate = (label: string) =>
  z
    .string({ error: `Please give ${label} as a date.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Please give ${label} as a date, for example 2026-03-14.`)
    .refine(isRealDate, `${capitalise(label)} is not a date that exists.`)
    .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', `Please check the year of ${label}.`);

export const optionalLocalDate = (label: string) =>
  z
    .union([localDate(label), z.literal('').transform(() => null)])
    .nullable()
    .optional();

export const localDateTime = (label: string) =>
  z
    .string({ error: `Please give ${label}.` })
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
      `Please give ${label} as a date and time, for example 2026-07-01T09:30.`,
    )
    .refine((v) => isRealDate(v.slice(0, 10)), `${capitalise(label)} is not a date that exists.`)
    // The same years as every other date: a leg in 9998 would have the calendar feed compute
    // eight thousand years of a time zone's rules.
    .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', `Please check the year of ${label}.`)
    .refine(
      (v) => Number(v.slice(11, 13)) < 24 && Number(v.slice(14, 16)) < 60,
      `Please check the time of ${label}.`,
    );

const isZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
};

export const timeZone = z
  .string({ error: 'Please choose a time zone.' })
  .min(1, 'Please choose a time zone.')
  .max(64, 'Please choose a time zone from the list.')
  .refine(isZone, 'Please choose a time zone from the list, for example Europe/London.');

/** An assigned ISO 3166-1 code ("XX", "EU" and "UK" are refused, each with a kind reason). */
export const countryCode = (label: string) =>
  z
    .string({ error: `Please choose ${label}.` })
    .trim()
    .toUpperCase()
    .superRefine((code, ctx) => {
      const { isCountryCode, reservedCodeHint } = countryLists();
      if (isCountryCode(code)) return;
      const message =
        reservedCodeHint(code) ?? `Please choose ${label} from the list (a two-letter code such as GB).`;
      ctx.addIssue({ code: 'custom', message });
    });

/** An ISO 3166-2 subdivision that exists ("GB-SCT", "US-CA"). */
export const regionCode = (label: string) =>
  z
    .string({ error: `Please choose ${label}.` })
    .trim()
    .toUpperCase()
    .superRefine((code, ctx) => {
      if (countryLists().regionCodeProblem(code) === null) return;
      ctx.addIssue({
        code: 'custom',
        message: `Please choose ${label} from the list (a code such as GB-SCT for Scotland).`,
      });
    });

export const email = z
  .string({ error: 'Please give your e-mail address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That e-mail address is longer than any we can store.')
  .pipe(z.email({ error: 'Please check the e-mail address; it should look like name@example.com.' }));

export const flag = (label: string) => z.boolean({ error: `Please say yes or no for ${label}.` });

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
