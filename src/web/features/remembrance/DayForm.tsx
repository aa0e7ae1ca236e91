import { useId, useRef, useState } from 'react';
import { createDayBody, type recurrences } from '../../../contracts/remembrance.js';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { useLovedOnes } from '../../lib/queries.js';
import { useAddDay } from './mutations.js';

type Recurrence = (typeof recurrences)[number];

const NOBODY = '';

/** A day of the family's own: a tree planted, a first walk by the sea, a monthly moment. */
export function AddDay() {
  const add = useAddDay();
  const headingId = useId();
  const lovedOnes = useLovedOnes();
  const formRef = useRef<HTMLFormElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    initial: {
      title: '',
      date: '',
      recurrence: 'yearly' as Recurrence | '',
      time: '',
      lovedOneId: NOBODY,
      note: '',
    },
    schema: createDayBody,
    toBody: (v) => ({
      title: v.title,
      date: v.date,
      recurrence: v.recurrence || undefined,
      time: v.time || null,
      lovedOneId: v.lovedOneId || null,
      note: v.note,
    }),
    onSubmit: async (body, { setValues }) => {
      await add.mutateAsync(body);
      setAdded(body.title);
      setValues((v) => ({ ...v, title: '', date: '', time: '', note: '' }));
      formRef.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
    },
  });
  const { values, set, errors } = form;
  const change =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) => {
      setAdded(null);
      set(key)(value);
    };
  const people = lovedOnes.data?.lovedOnes ?? [];

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>Add a day of your own</h2>
      <p className="meta">A day that matters to your family, with a gentle reminder before it comes.</p>
      <form ref={formRef} className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Name of the day"
          name="title"
          value={values.title}
          onChange={change('title')}
          error={errors.title}
          maxLength={120}
          hint="For example: The day we planted Jack's tree."
        />
        <div className="two-up">
          <TextField
            label="Date"
            name="date"
            type="date"
            value={values.date}
            onChange={change('date')}
            error={errors.date}
          />
          <TextField
            label="Time"
            name="time"
            type="time"
            optional
            value={values.time}
            onChange={change('time')}
            error={errors.time}
            hint="Leave empty for the whole day."
          />
        </div>
        <RadioGroup<Recurrence>
          label="How often?"
          name="recurrence"
          value={values.recurrence}
          onChange={change('recurrence')}
          error={errors.recurrence}
          options={[
            { value: 'yearly', label: 'Every year' },
            { value: 'monthly', label: 'Every month' },
            { value: 'once', label: 'Just once' },
          ]}
        />
        {people.length > 0 && (
          <SelectField
            label="Whose day is it?"
            name="lovedOneId"
            optional
            value={values.lovedOneId}
            onChange={change('lovedOneId')}
            error={errors.lovedOneId}
            options={[
              { value: NOBODY, label: 'The whole family' },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        )}
        <TextArea
          label="A note"
          name="note"
          optional
          rows={2}
          maxLength={500}
          value={values.note}
          onChange={change('note')}
          error={errors.note}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            Add to the calendar
          </button>
        </div>
        <p role="status" className="meta">
          {added ? `Added “${added}” to the calendar.` : ''}
        </p>
      </form>
    </section>
  );
}
