import { useMemo, useState } from 'react';
import {
  createSupporterBody,
  MAX_SUGGESTION,
  supporterDaysBody,
  type Supporter,
  type SupporterReply,
  type SupportersResponse,
} from '../../../contracts/supporters.js';
import { useCan } from '../../app/session.js';
import { Combobox } from '../../components/Combobox.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { CheckboxField, FieldMessage, TextArea, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { EmptyState, LoadError, Loading, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { formatDate, formatInstant } from '../../lib/format.js';
import { withZone, zoneChoices } from '../../lib/places.js';
import {
  useAddSupporter,
  useDecideReply,
  useRemoveSupporter,
  useResendSupporter,
  useSetSupporterDays,
  useSupporterReplies,
  useSupporters,
} from './mutations.js';

// Supporters: grandparents, aunts, friends without an account who would like to be there on the
// hard days. Owners and adults add them, choose the days and write a suggestion for each; what the
// supporters send back waits here until someone accepts it.

const statusWords: Record<Supporter['status'], string> = {
  pending: 'Waiting for them to say yes',
  confirmed: 'Hears from you before these days',
  unsubscribed: 'Asked not to get these e-mails',
};

export function SupportersPage() {
  const canManage = useCan('family.invite');
  const supporters = useSupporters();
  if (!canManage)
    return (
      <Page title="Supporters">
        <Notice title="Supporters are looked after by the family’s parents">
          <p>Ask a parent in the family if you would like someone added.</p>
        </Notice>
      </Page>
    );
  return (
    <Page
      title="Supporters"
      lead={
        <p>
          People who would like to be there on the hard days. They need no account: before each day you
          choose, they get a short e-mail with your words, and can send a few words back.
        </p>
      }
    >
      {supporters.isPending ? (
        <Loading label="Loading supporters…" lines={2} />
      ) : supporters.isError ? (
        <LoadError
          error={supporters.error}
          what="your supporters"
          onRetry={() => void supporters.refetch()}
        />
      ) : (
        <>
          <RepliesSection />
          <section aria-labelledby="supporters-heading" className="card stack">
            <h2 id="supporters-heading">Your supporters</h2>
            {supporters.data.supporters.length === 0 ? (
              <EmptyState title="No one yet">
                <p>Add someone below. Nothing is sent to them until they say yes.</p>
              </EmptyState>
            ) : (
              <ul className="family-list">
                {supporters.data.supporters.map((s) => (
                  <SupporterItem
                    key={s.id}
                    supporter={s}
                    zone={supporters.data.familyZone}
                    days={supporters.data.days}
                  />
                ))}
              </ul>
            )}
          </section>
          <AddSupporter data={supporters.data} />
        </>
      )}
    </Page>
  );
}

function SupporterItem({
  supporter,
  zone,
  days,
}: {
  supporter: Supporter;
  zone: string;
  days: SupportersResponse['days'];
}) {
  const [editing, setEditing] = useState(false);
  const remove = useRemoveSupporter();
  const resend = useResendSupporter();
  const [dialog, ask] = useConfirm();
  const failed = [remove, resend].find((m) => m.isError)?.error;
  return (
    <li>
      {dialog}
      <p>
        <strong>{supporter.name}</strong> <span className="meta">· {supporter.email}</span>
      </p>
      <p className="meta">
        {statusWords[supporter.status]} · their time zone: {supporter.timeZone}
      </p>
      {supporter.days.length > 0 && (
        <ul className="stack">
          {supporter.days.map((d) => (
            <li key={d.dayId}>
              <p>
                {d.title}: “{d.suggestion}”
              </p>
              {d.nextEmailAt && <p className="meta">Next e-mail: {formatInstant(d.nextEmailAt, zone)}</p>}
            </li>
          ))}
        </ul>
      )}
      {failed !== undefined && (
        <Notice tone="warm" alert>
          <p>{messageOf(failed)}</p>
        </Notice>
      )}
      {resend.isSuccess && (
        <p role="status" className="meta">
          We sent the e-mail again.
        </p>
      )}
      {editing && <EditDays supporter={supporter} days={days} onDone={() => setEditing(false)} />}
      <div className="button-row">
        {!editing && (
          <button type="button" className="button secondary small" onClick={() => setEditing(true)}>
            Change days and words
          </button>
        )}
        {supporter.status === 'pending' && (
          <button
            type="button"
            className="button secondary small"
            disabled={resend.isPending}
            onClick={() => resend.mutate(supporter.id)}
          >
            {resend.isPending ? 'Sending…' : 'Send the e-mail again'}
          </button>
        )}
        <button
          type="button"
          className="button secondary small"
          disabled={remove.isPending}
          onClick={() => {
            void ask({
              title: `Remove ${supporter.name}?`,
              body: 'They will get no more e-mails from Alongside, and their links will stop working.',
              confirmLabel: 'Remove',
            }).then((yes) => yes && remove.mutate(supporter.id));
          }}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

function AddSupporter({ data }: { data: SupportersResponse }) {
  const add = useAddSupporter();
  const zones = useMemo(() => withZone(zoneChoices(), data.familyZone), [data.familyZone]);
  const [added, setAdded] = useState<string | null>(null);
  const noDays: Record<string, string> = {};
  const form = useForm({
    initial: {
      name: '',
      email: '',
      timeZone: data.familyZone,
      chosen: noDays,
    },
    schema: createSupporterBody,
    toBody: (v) => ({
      name: v.name,
      email: v.email,
      timeZone: v.timeZone,
      days: data.days
        .filter((d) => d.id in v.chosen)
        .map((d) => ({ dayId: d.id, suggestion: v.chosen[d.id] })),
    }),
    onSubmit: async (body, { setValues }) => {
      await add.mutateAsync(body);
      setAdded(body.name);
      setValues({ name: '', email: '', timeZone: data.familyZone, chosen: {} });
    },
  });
  const { values, set, errors } = form;
  return (
    <section aria-labelledby="add-supporter-heading" className="card stack">
      <h2 id="add-supporter-heading">Add a supporter</h2>
      {!data.emailAvailable && (
        <Notice title="E-mail is not set up on this server yet">
          <p>You can add people now; nothing can reach them until e-mail is set up.</p>
        </Notice>
      )}
      <div role="status">
        {added && (
          <Notice tone="done" title={`${added} is on your list`}>
            <p>
              We have asked them by e-mail whether they would like this. Nothing else is sent until they say
              yes.
            </p>
          </Notice>
        )}
      </div>
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Their name"
          name="name"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          hint="As they like to be called, for example Grandma."
        />
        <TextField
          label="Their e-mail address"
          name="email"
          type="email"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
        <Combobox
          label="Their time zone"
          name="timeZone"
          value={values.timeZone}
          onChange={set('timeZone')}
          choices={zones}
          error={errors.timeZone}
          hint="So a day kept at a set hour, like the Wave of Light at 7 pm, reaches them at their own 7 pm."
        />
        <DayChoices
          days={data.days}
          chosen={values.chosen}
          onChange={set('chosen')}
          errors={errors}
          idPrefix="add"
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Adding…' : 'Add and ask them by e-mail'}
          </button>
        </div>
      </form>
    </section>
  );
}

function RepliesSection() {
  const replies = useSupporterReplies();
  if (replies.isPending) return <Loading label="Loading messages…" lines={1} />;
  if (replies.isError)
    return <LoadError error={replies.error} what="the messages" onRetry={() => void replies.refetch()} />;
  const waiting = replies.data.replies.filter((r) => r.status === 'pending');
  return (
    <section aria-labelledby="replies-heading" className="card stack">
      <h2 id="replies-heading">Messages from supporters</h2>
      {waiting.length === 0 ? (
        <p className="meta">
          No messages waiting. When a supporter writes, it waits here until you accept it.
        </p>
      ) : (
        <ul className="family-list">
          {waiting.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReplyItem({ reply }: { reply: SupporterReply }) {
  const decide = useDecideReply();
  return (
    <li>
      <p>
        <strong>{reply.supporterName}</strong>{' '}
        <span className="meta">
          · {reply.dayTitle}, {formatDate(reply.occurrenceDate)}
        </span>
      </p>
      <blockquote>{reply.message}</blockquote>
      {reply.photo && (
        <a href={reply.photo.url} target="_blank" rel="noreferrer">
          <img
            className="supporter-photo"
            src={reply.photo.thumbnailUrl}
            alt={`The photo ${reply.supporterName} sent with this message`}
          />
        </a>
      )}
      {decide.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(decide.error)}</p>
        </Notice>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button small"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ replyId: reply.id, accept: true })}
        >
          Accept and share with the family
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ replyId: reply.id, accept: false })}
        >
          Decline
        </button>
      </div>
    </li>
  );
}

/** The family's days as tick boxes, each chosen one with the family's words for it. */
function DayChoices({
  days,
  chosen,
  onChange,
  errors,
  idPrefix,
}: {
  days: SupportersResponse['days'];
  chosen: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const chosenIds = days.filter((d) => d.id in chosen).map((d) => d.id);
  return (
    <fieldset className="field stack">
      <legend className="field-label">Which days?</legend>
      {days.length === 0 ? (
        <p className="meta">
          Your calendar has no days yet. Add a loved one’s dates, or a day of your own, first.
        </p>
      ) : (
        days.map((day) => {
          const on = day.id in chosen;
          const index = chosenIds.indexOf(day.id);
          return (
            <div key={day.id} className="stack">
              <CheckboxField
                label={day.time ? `${day.title} (${day.time})` : day.title}
                name={`${idPrefix}-day-${day.id}`}
                checked={on}
                onChange={(checked) => {
                  const next = { ...chosen };
                  if (checked) next[day.id] = '';
                  else delete next[day.id];
                  onChange(next);
                }}
              />
              {on && (
                <TextArea
                  label={`Your suggestion for ${day.title}`}
                  name={`${idPrefix}-suggestion-${day.id}`}
                  rows={2}
                  maxLength={MAX_SUGGESTION}
                  value={chosen[day.id] ?? ''}
                  onChange={(text) => onChange({ ...chosen, [day.id]: text })}
                  error={errors[`days.${index}.suggestion`]}
                  hint="For example: Light a candle for Jack at 7 pm and send us a photo."
                />
              )}
            </div>
          );
        })
      )}
      <FieldMessage id={`${idPrefix}-days-error`} error={errors.days} />
    </fieldset>
  );
}

function EditDays({
  supporter,
  days,
  onDone,
}: {
  supporter: Supporter;
  days: SupportersResponse['days'];
  onDone: () => void;
}) {
  const setDays = useSetSupporterDays();
  const form = useForm({
    initial: { chosen: Object.fromEntries(supporter.days.map((d) => [d.dayId, d.suggestion])) },
    schema: supporterDaysBody,
    toBody: (v) => ({
      days: days.filter((d) => d.id in v.chosen).map((d) => ({ dayId: d.id, suggestion: v.chosen[d.id] })),
    }),
    onSubmit: async (body) => {
      await setDays.mutateAsync({ supporterId: supporter.id, body });
      onDone();
    },
  });
  return (
    <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
      <FormNotice message={form.message} />
      <DayChoices
        days={days}
        chosen={form.values.chosen}
        onChange={form.set('chosen')}
        errors={form.errors}
        idPrefix={`edit-${supporter.id}`}
      />
      <div className="button-row">
        <button type="submit" className="button small" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save the days'}
        </button>
        <button type="button" className="button secondary small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
