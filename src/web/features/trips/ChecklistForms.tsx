import { useRef, useState } from 'react';
import {
  createChecklistItemBody,
  saveTemplateBody,
  type checklistScopes,
  type TripDetail,
} from '../../../contracts/trips.js';
import { useSignedIn } from '../../app/session.js';
import { RadioGroup, SelectField, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { myTraveller } from './describe.js';
import { useAddChecklistItem, useSaveAsList } from './mutations.js';

// Adding to a trip's packing list, and keeping its items as a list for next time.

type Scope = (typeof checklistScopes)[number];

export function AddItem({ trip }: { trip: TripDetail }) {
  const session = useSignedIn();
  const add = useAddChecklistItem(trip.trip.id);
  const me = myTraveller(trip, session.member.id);
  const input = useRef<HTMLFormElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    initial: {
      label: '',
      scope: 'shared' as Scope | '',
      ownerTravellerId: me?.id ?? trip.travellers[0]?.id ?? '',
    },
    schema: createChecklistItemBody,
    toBody: (v) => ({
      label: v.label,
      scope: v.scope || undefined,
      ownerTravellerId: v.scope === 'personal' ? v.ownerTravellerId || null : null,
    }),
    onSubmit: async (body, { setValues }) => {
      await add.mutateAsync(body);
      setAdded(body.label);
      setValues((v) => ({ ...v, label: '' }));
      input.current?.querySelector<HTMLInputElement>('input[name="label"]')?.focus();
    },
  });
  const { values, set, errors } = form;
  return (
    <section aria-labelledby="add-heading" className="card">
      <h2 id="add-heading">Add to the list</h2>
      <form ref={input} className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Something to pack"
          name="label"
          value={values.label}
          onChange={(v) => {
            setAdded(null);
            set('label')(v);
          }}
          error={errors.label}
          hint="For example: Jack's little blanket, sun cream, the travel papers."
        />
        <RadioGroup<Scope>
          label="Who is it for?"
          name="scope"
          value={values.scope}
          onChange={set('scope')}
          error={errors.scope}
          options={[
            { value: 'shared', label: 'Everyone' },
            { value: 'personal', label: 'One person' },
          ]}
        />
        {values.scope === 'personal' && (
          <SelectField
            label="Whose is it?"
            name="ownerTravellerId"
            value={values.ownerTravellerId}
            onChange={set('ownerTravellerId')}
            error={errors.ownerTravellerId}
            options={trip.travellers.map((t) => ({ value: t.id, label: t.name }))}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            Add to the list
          </button>
        </div>
        <p role="status" className="meta">
          {added ? `Added “${added}”.` : ''}
        </p>
      </form>
    </section>
  );
}

export function SaveAsList({ tripId }: { tripId: string }) {
  const save = useSaveAsList(tripId);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    initial: { name: '' },
    schema: saveTemplateBody,
    toBody: (v) => v,
    onSubmit: async (body, { setValues }) => {
      await save.mutateAsync(body);
      setSaved(body.name);
      setValues({ name: '' });
    },
  });
  return (
    <section aria-labelledby="save-heading" className="card">
      <h2 id="save-heading">Save as a list</h2>
      <p className="meta">
        Keep this trip&apos;s own items to start the next trip from. Keepsakes are added by themselves.
      </p>
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Name for the list"
          name="name"
          value={form.values.name}
          onChange={(v) => {
            setSaved(null);
            form.set('name')(v);
          }}
          error={form.errors.name}
          hint="For example: Beach trips."
        />
        <div className="form-actions">
          <button type="submit" className="button secondary" disabled={form.submitting}>
            Save as a list
          </button>
        </div>
        <p role="status" className="meta">
          {saved ? `Saved “${saved}”. You can start a new trip from it.` : ''}
        </p>
      </form>
    </section>
  );
}
