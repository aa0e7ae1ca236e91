import type { z } from 'zod';
import { CountryListsNotLoaded, loadCountryLists } from '../../contracts/country-lists.js';
import { isApiError } from './api.js';

/** Field path ("name", "legs.0.from") to the message shown next to that field. */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

/** Runs a contract schema over a form's values; the first message per field wins. */
export function check<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    fields[path] ??= issue.message;
  }
  return { ok: false, fields };
}

/**
 * `check`, for a form: a schema that checks a country or region code needs the ISO lists, which the
 * web app loads only with the forms that ask for one (contracts/country-lists.ts); if they have not
 * arrived yet, this waits for them and checks again. Nothing is let through unchecked meanwhile.
 */
export async function checkForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<Checked<z.output<S>>> {
  try {
    return check(schema, input);
  } catch (error) {
    if (!(error instanceof CountryListsNotLoaded)) throw error;
    await loadCountryLists();
    return check(schema, input);
  }
}

export const CHECK_FIELDS = 'Please check the highlighted fields.';

/** What a form shows after a failed save: the server's message on top, its field messages inline. */
export function failureOf(error: unknown): { message: string; fields: FieldErrors } {
  if (isApiError(error)) return { message: error.message, fields: error.fields };
  return { message: 'Something went wrong. Please try again in a moment.', fields: {} };
}

/** Empty text becomes null; anything else a whole number, or NaN so the schema can say why. */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Moves focus to the first field with a message, so a keyboard or screen-reader user lands on it. */
export function focusFirstInvalid(form: HTMLFormElement | null, fields: FieldErrors): void {
  if (!form) return;
  const names = Object.keys(fields);
  requestAnimationFrame(() => {
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) return invalid.focus();
    const byName = names
      .map((n) => form.querySelector<HTMLElement>(`[name="${CSS.escape(n)}"]`))
      .find(Boolean);
    byName?.focus();
  });
}
