import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { checkForm, CHECK_FIELDS, failureOf, focusFirstInvalid, type FieldErrors } from '../lib/forms.js';

interface Options<V, S extends z.ZodType> {
  initial: V | (() => V);
  /** The contract schema the server uses for this body: the same messages, before sending. */
  schema: S;
  /** Turns the form's text values into the body the schema expects. */
  toBody: (values: V) => unknown;
  /** Sends the body; `setValues` lets a form clear itself after a save (e.g. "add another"). */
  onSubmit: (
    body: z.output<S>,
    tools: { setValues: (next: V | ((current: V) => V)) => void },
  ) => Promise<void>;
}

/**
 * Form state with the house rules: validate with the contract schema first, then send; show the
 * server's field messages next to their fields and its message at the top; focus the first field
 * that needs attention.
 */
export function useForm<V extends object, S extends z.ZodType>({
  initial,
  schema,
  toBody,
  onSubmit,
}: Options<V, S>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Checking can wait for the country lists (lib/forms.ts, checkForm): a second tap meanwhile must
  // not send the form twice.
  const checking = useRef(false);
  // Text typed into a field that it could not take (a country name matching none, say): the form
  // will not save while any is left, so nothing a person typed is dropped without a word.
  const [unmatched, setUnmatched] = useState<FieldErrors>({});

  const set =
    <K extends keyof V & string>(key: K) =>
    (value: V[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setErrors((current) => {
        if (!(key in current)) return current;
        const rest = { ...current };
        delete rest[key];
        return rest;
      });
    };

  /** For a field's `onUnmatched`: records (or clears, with null) what it could not take. */
  const unmatchedIn =
    (key: keyof V & string) =>
    (problem: string | null): void =>
      setUnmatched((current) => {
        if (problem !== null) return { ...current, [key]: problem };
        if (!(key in current)) return current;
        const rest = { ...current };
        delete rest[key];
        return rest;
      });

  const fail = (form: HTMLFormElement, fields: FieldErrors, text: string) => {
    setErrors(fields);
    setMessage(text);
    focusFirstInvalid(form, fields);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Kept now: React clears currentTarget once the event has been handled.
    const form = event.currentTarget;
    if (submitting || checking.current) return;
    checking.current = true;
    let checked: Awaited<ReturnType<typeof checkForm<S>>>;
    try {
      checked = await checkForm(schema, toBody(values));
    } finally {
      checking.current = false;
    }
    if (!checked.ok || Object.keys(unmatched).length > 0)
      return fail(form, { ...(checked.ok ? {} : checked.fields), ...unmatched }, CHECK_FIELDS);
    setSubmitting(true);
    setMessage(null);
    try {
      await onSubmit(checked.data, { setValues });
    } catch (error) {
      const failure = failureOf(error);
      fail(form, failure.fields, failure.message);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, setValues, set, errors, message, submitting, handleSubmit, unmatchedIn };
}
