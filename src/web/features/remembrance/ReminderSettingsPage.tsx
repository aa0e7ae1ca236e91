import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  leads,
  preferencesBody,
  type DayKind,
  type Lead,
  type PreferencesResponse,
} from '../../../contracts/remembrance.js';
import { CheckboxField, FieldMessage, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import type { FieldErrors } from '../../lib/forms.js';
import { useReminderPreferences } from '../../lib/queries.js';
import { leadWords } from '../../lib/words.js';
import { useSavePreferences } from './mutations.js';
import { errorFor, groups, toBody, valuesOf, type GroupId, type GroupValues } from './reminder-groups.js';

export function ReminderSettingsPage() {
  const preferences = useReminderPreferences();
  return (
    <Page
      title="Reminder settings"
      lead={
        <p>
          Gentle reminders before the days that matter: which days, when, and how they reach you. In the app
          they appear under Reminders, at the top of every page.
        </p>
      }
      actions={
        <Link className="button secondary small" to="/calendar">
          Back to the calendar
        </Link>
      }
    >
      {preferences.isPending ? (
        <Loading label="Loading your reminder settings…" />
      ) : preferences.isError ? (
        <LoadError
          error={preferences.error}
          what="your reminder settings"
          onRetry={() => void preferences.refetch()}
        />
      ) : (
        <PreferencesForm answer={preferences.data} />
      )}
    </Page>
  );
}

function PreferencesForm({ answer }: { answer: PreferencesResponse }) {
  const save = useSavePreferences();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: () => valuesOf(answer.preferences),
    schema: preferencesBody,
    toBody,
    onSubmit: async (body) => {
      setSaved(false);
      await save.mutateAsync(body);
      setSaved(true);
    },
  });
  const { values, setValues, errors } = form;
  const setGroup = (id: GroupId, patch: Partial<GroupValues>) => {
    setSaved(false);
    setValues((v) => ({ ...v, groups: { ...v.groups, [id]: { ...v.groups[id], ...patch } } }));
  };
  const setQuiet = (key: 'quietStart' | 'quietEnd') => (value: string) => {
    setSaved(false);
    form.set(key)(value);
  };

  return (
    <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
      <FormNotice message={form.message} />
      {groups.map((g) => (
        <GroupFields
          key={g.id}
          group={g}
          values={values.groups[g.id]}
          onChange={(patch) => setGroup(g.id, patch)}
          errors={errors}
          emailAvailable={answer.emailAvailable}
          email={answer.email}
        />
      ))}
      <fieldset className="card field">
        <legend className="field-label group-legend">Quiet hours</legend>
        <p className="field-hint">
          No reminders between these times; one that falls inside waits until they end. Leave both empty for
          none.
        </p>
        <div className="two-up">
          <TextField
            label="Quiet from"
            name="quietStart"
            type="time"
            optional
            value={values.quietStart}
            onChange={setQuiet('quietStart')}
            error={errorFor(errors, 'quietStart')}
          />
          <TextField
            label="Until"
            name="quietEnd"
            type="time"
            optional
            value={values.quietEnd}
            onChange={setQuiet('quietEnd')}
            error={errorFor(errors, 'quietEnd')}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.submitting}>
          Save reminder settings
        </button>
      </div>
      <p role="status" className="meta">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}

function GroupFields({
  group,
  values,
  onChange,
  errors,
  emailAvailable,
  email,
}: {
  group: (typeof groups)[number];
  values: GroupValues;
  onChange: (patch: Partial<GroupValues>) => void;
  errors: FieldErrors;
  emailAvailable: boolean;
  email: string;
}) {
  const id = useId();
  const kinds = group.kinds as readonly DayKind[];
  const leadsError = errorFor(errors, 'leads', kinds);
  const toggleLead = (lead: Lead, on: boolean) =>
    onChange({ leads: on ? [...values.leads, lead] : values.leads.filter((l) => l !== lead) });
  const timed = group.id === 'trip';
  // A ritual says its own time ("Remind us" on its form): here only whether and how they reach you.
  const ritual = group.id === 'ritual';

  return (
    <fieldset className="card field reminder-group" aria-describedby={`${id}-hint`}>
      <legend className="field-label group-legend">{group.title}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {group.hint}
      </p>
      <CheckboxField
        asSwitch
        label="In the app"
        name={`${group.id}-inApp`}
        checked={values.inApp}
        onChange={(inApp) => onChange({ inApp })}
        error={errorFor(errors, 'inApp', kinds)}
      />
      <CheckboxField
        asSwitch
        label="By e-mail"
        name={`${group.id}-email`}
        checked={emailAvailable && values.email}
        disabled={!emailAvailable}
        onChange={(on) => onChange({ email: on })}
        error={errorFor(errors, 'email', kinds)}
        hint={
          emailAvailable
            ? `To ${email}. Each e-mail has a link to stop them.`
            : 'This server has no e-mail set up, so reminders come in the app.'
        }
      />
      {ritual ? (
        <p className="field-hint">Each ritual says when, on its own form: at its time, or an hour before.</p>
      ) : (
        <fieldset className="field" aria-describedby={leadsError ? `${id}-leads-error` : undefined}>
          <legend className="field-label">When</legend>
          {leads
            .slice()
            .reverse()
            .map((lead) => (
              <CheckboxField
                key={lead}
                label={leadWords[lead]}
                name={`${group.id}-lead-${lead}`}
                checked={values.leads.includes(lead)}
                onChange={(on) => toggleLead(lead, on)}
              />
            ))}
          <FieldMessage id={`${id}-leads-error`} error={leadsError} />
        </fieldset>
      )}
      {ritual ? null : timed ? (
        <p className="field-hint">These come at their own time, such as the evening before you leave.</p>
      ) : (
        <TextField
          label="Time of day"
          name={`${group.id}-remindAt`}
          type="time"
          className="narrow"
          value={values.remindAt}
          onChange={(remindAt) => onChange({ remindAt })}
          error={errorFor(errors, 'remindAt', kinds)}
          hint={
            group.id === 'awareness'
              ? 'On your family’s clock. A day with its own time, such as the Wave of Light, is remembered an hour before.'
              : 'On your family’s clock.'
          }
        />
      )}
    </fieldset>
  );
}
