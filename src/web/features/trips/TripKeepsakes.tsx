import { useId, useState } from 'react';
import {
  addTripKeepsakeBody,
  updateTripKeepsakeBody,
  type TripDetail,
  type TripKeepsake,
} from '../../../contracts/trips.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { SelectField, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { EmptyState } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { useKeepsakes } from '../../lib/queries.js';
import { inBag } from './describe.js';
import { useBringKeepsake, useLeaveKeepsake, useUpdateTripKeepsake } from './mutations.js';

// The keepsakes coming on a trip: who carries each and in which bag, and bringing another along.

const NOBODY = '';
/** Anyone on the trip can carry a keepsake; "not decided yet" is a fine answer for a while. */
export const carrierOptions = (trip: TripDetail) => [
  { value: NOBODY, label: 'Not decided yet' },
  ...trip.travellers.map((t) => ({ value: t.id, label: t.name })),
];

export function KeepsakesAlong({ trip }: { trip: TripDetail }) {
  const keepsakes = useKeepsakes();
  const along = new Set(trip.keepsakes.map((k) => k.keepsakeId));
  const left = (keepsakes.data?.keepsakes ?? []).filter((k) => !along.has(k.id));
  return (
    <section aria-labelledby="keepsakes-heading">
      <h2 id="keepsakes-heading">Keepsakes coming along</h2>
      {trip.keepsakes.length === 0 ? (
        <EmptyState title="No keepsakes on this trip yet">
          <p>
            Keepsakes marked “travels with us” join new trips by themselves. You can also bring one along
            here.
          </p>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {trip.keepsakes.map((k) => (
            <li key={k.id} className="card">
              <KeepsakeAlong trip={trip} keepsake={k} />
            </li>
          ))}
        </ul>
      )}
      {trip.can.edit && left.length > 0 && <BringKeepsake trip={trip} left={left} />}
    </section>
  );
}

function KeepsakeAlong({ trip, keepsake }: { trip: TripDetail; keepsake: TripKeepsake }) {
  const [dialog, ask] = useConfirm();
  const update = useUpdateTripKeepsake(keepsake.id);
  const leaving = useLeaveKeepsake(keepsake.id);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: {
      carrierTravellerId: keepsake.carrierTravellerId ?? NOBODY,
      bagDescription: keepsake.bagDescription,
    },
    schema: updateTripKeepsakeBody,
    toBody: (v) => ({ carrierTravellerId: v.carrierTravellerId || null, bagDescription: v.bagDescription }),
    onSubmit: async (body) => {
      setSaved(false);
      await update.mutateAsync(body);
      setSaved(true);
    },
  });

  const leave = async () => {
    leaving.reset();
    const yes = await ask({
      title: `Leave ${keepsake.name} at home this time?`,
      body: <p>It comes off this trip and its packing list. Nothing else changes.</p>,
      confirmLabel: 'Leave it at home',
      cancelLabel: 'Keep it on the trip',
    });
    if (!yes) return;
    leaving.mutate();
  };

  return (
    <>
      {dialog}
      <h3 className="card-title">{keepsake.name}</h3>
      {leaving.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(leaving.error)}</p>
        </Notice>
      )}
      {trip.can.edit ? (
        <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
          <FormNotice message={form.message} />
          <div className="two-up">
            <SelectField
              label="Who carries it?"
              name="carrierTravellerId"
              value={form.values.carrierTravellerId}
              onChange={(v) => {
                setSaved(false);
                form.set('carrierTravellerId')(v);
              }}
              error={form.errors.carrierTravellerId}
              options={carrierOptions(trip)}
            />
            <TextField
              label="Which bag?"
              name="bagDescription"
              value={form.values.bagDescription}
              onChange={(v) => {
                setSaved(false);
                form.set('bagDescription')(v);
              }}
              error={form.errors.bagDescription}
              hint="For example: carry-on bag, Mum's rucksack."
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button secondary small" disabled={form.submitting}>
              Save <span className="visually-hidden">who carries {keepsake.name}</span>
            </button>
            <button type="button" className="button quiet small" onClick={() => void leave()}>
              Leave at home
            </button>
          </div>
          <p role="status" className="meta">
            {saved ? 'Saved.' : ''}
          </p>
        </form>
      ) : (
        <p className="meta">
          {keepsake.carrierName ? `Carried by ${keepsake.carrierName}` : 'Nobody chosen to carry it yet'},{' '}
          {inBag(keepsake.bagDescription)}
        </p>
      )}
    </>
  );
}

function BringKeepsake({ trip, left }: { trip: TripDetail; left: Array<{ id: string; name: string }> }) {
  const bring = useBringKeepsake(trip.trip.id);
  const headingId = useId();
  const form = useForm({
    initial: {
      keepsakeId: left[0]?.id ?? '',
      carrierTravellerId: trip.travellers[0]?.id ?? NOBODY,
      bagDescription: 'carry-on bag',
    },
    schema: addTripKeepsakeBody,
    toBody: (v) => ({ ...v, carrierTravellerId: v.carrierTravellerId || null }),
    onSubmit: async (body) => {
      await bring.mutateAsync(body);
    },
  });
  return (
    <form
      aria-labelledby={headingId}
      className="card stack"
      noValidate
      onSubmit={(e) => void form.handleSubmit(e)}
    >
      <h3 id={headingId}>Bring another keepsake</h3>
      <FormNotice message={form.message} />
      <SelectField
        label="Keepsake"
        name="keepsakeId"
        value={form.values.keepsakeId}
        onChange={form.set('keepsakeId')}
        error={form.errors.keepsakeId}
        options={left.map((k) => ({ value: k.id, label: k.name }))}
      />
      <div className="two-up">
        <SelectField
          label="Who carries it?"
          name="carrierTravellerId"
          value={form.values.carrierTravellerId}
          onChange={form.set('carrierTravellerId')}
          error={form.errors.carrierTravellerId}
          options={carrierOptions(trip)}
        />
        <TextField
          label="Which bag?"
          name="bagDescription"
          value={form.values.bagDescription}
          onChange={form.set('bagDescription')}
          error={form.errors.bagDescription}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={form.submitting}>
          Bring it along
        </button>
      </div>
    </form>
  );
}
