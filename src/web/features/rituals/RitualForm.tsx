import { useId } from 'react';
import {
  repeats,
  ritualBody,
  ritualWhens,
  type Ritual,
  type RitualRemind,
  type RitualWhen,
  type Repeat,
} from '../../../contracts/rituals.js';
import { RadioGroup, TextArea, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { useSaveRitual } from './mutations.js';
import { whenWords } from './words.js';

const repeatLabels: Record<Repeat, string> = {
  yearly: 'Every year',
  monthly: 'Every month',
  weekly: 'Every week',
  once: 'Just once',
};

type RemindChoice = RitualRemind | 'no';

/** "Remind us": an arrival or a first night home has no hour before to know, only its time. */
function remindOptions(when: RitualWhen): Array<{ value: RemindChoice; label: string }> {
  const ownTime = when === 'arrival' || when === 'first_night_home';
  return [
    { value: 'no', label: 'No reminder' },
    { value: 'at_time', label: ownTime ? 'When it comes round' : 'At its time' },
    ...(ownTime ? [] : [{ value: 'hour_before' as const, label: 'An hour before' }]),
  ];
}

/** The form's choice for a ritual's stored "Remind us" (none: 'no'). */
const remindChoiceOf = (ritual?: Ritual): RemindChoice => ritual?.remind ?? 'no';

/** Adding a ritual for a loved one, or changing one (`ritual`). */
export function RitualForm({
  lovedOneId,
  lovedOneName,
  ritual,
  onDone,
}: {
  lovedOneId: string;
  lovedOneName: string;
  ritual?: Ritual;
  onDone: () => void;
}) {
  const save = useSaveRitual(lovedOneId);
  const headingId = useId();
  const form = useForm({
    initial: {
      title: ritual?.title ?? '',
      whatToDo: ritual?.whatToDo ?? '',
      when: ritual?.when ?? 'arrival',
      repeat: ritual?.repeat ?? 'yearly',
      date: ritual?.date ?? '',
      time: ritual?.time ?? '',
      whoUsually: ritual?.whoUsually ?? '',
      childrenPart: ritual?.childrenPart ?? '',
      remind: remindChoiceOf(ritual),
    },
    schema: ritualBody,
    toBody: (v) => ({
      title: v.title,
      whatToDo: v.whatToDo,
      when: v.when,
      ...(v.when === 'schedule' && {
        repeat: v.repeat,
        date: v.date || undefined,
        time: v.time || undefined,
      }),
      whoUsually: v.whoUsually,
      childrenPart: v.childrenPart,
      // An hour before, chosen for a schedule and left behind when "when" changed: its time instead.
      remind: remindOptions(v.when).some((o) => o.value === v.remind)
        ? v.remind === 'no'
          ? null
          : v.remind
        : 'at_time',
    }),
    onSubmit: async (body) => {
      await save.mutateAsync({ ritualId: ritual?.id, body });
      onDone();
    },
  });
  const { values, set, errors } = form;

  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{ritual ? `Change “${ritual.title}”` : `A ritual for ${lovedOneName}`}</h3>
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="What you call it"
          name="title"
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          maxLength={80}
          hint={`For example: Water for ${lovedOneName}.`}
        />
        <TextArea
          label="What you do"
          name="whatToDo"
          rows={2}
          maxLength={300}
          value={values.whatToDo}
          onChange={set('whatToDo')}
          error={errors.whatToDo}
        />
        <RadioGroup<RitualWhen>
          label="When"
          name="when"
          value={values.when}
          onChange={set('when')}
          error={errors.when}
          options={ritualWhens.map((when) => ({ value: when, label: whenWords[when] }))}
        />
        {values.when === 'schedule' && (
          <>
            <RadioGroup<Repeat>
              label="How often?"
              name="repeat"
              value={values.repeat}
              onChange={set('repeat')}
              error={errors.repeat}
              options={repeats.map((repeat) => ({ value: repeat, label: repeatLabels[repeat] }))}
            />
            <div className="two-up">
              <TextField
                label="From"
                name="date"
                type="date"
                value={values.date}
                onChange={set('date')}
                error={errors.date}
              />
              <TextField
                label="At"
                name="time"
                type="time"
                value={values.time}
                onChange={set('time')}
                error={errors.time}
                hint="On the clock where you live."
              />
            </div>
          </>
        )}
        <RadioGroup<RemindChoice>
          label="Remind us"
          name="remind"
          value={
            remindOptions(values.when).some((o) => o.value === values.remind) ? values.remind : 'at_time'
          }
          onChange={set('remind')}
          error={errors.remind}
          options={remindOptions(values.when)}
          hint="In the app, or by e-mail, for each of you who chose ritual reminders in Reminder settings."
        />
        <TextField
          label="Who usually does it"
          name="whoUsually"
          optional
          value={values.whoUsually}
          onChange={set('whoUsually')}
          error={errors.whoUsually}
          maxLength={80}
          hint="For example: The children, or Dad."
        />
        <TextArea
          label="A part for the children"
          name="childrenPart"
          optional
          rows={2}
          maxLength={300}
          value={values.childrenPart}
          onChange={set('childrenPart')}
          error={errors.childrenPart}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {ritual ? 'Save the ritual' : 'Add the ritual'}
          </button>
          <button type="button" className="button secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
