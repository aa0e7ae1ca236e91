import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { createTravellerBody, type TripDetail } from '../../../contracts/trips.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { CheckboxField, SelectField, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { useMembers, useTrip } from '../../lib/queries.js';
import { useAddTraveller, useLinkTraveller, useRemoveTraveller } from './mutations.js';
import { TripFrame, TripPending } from './TripFrame.js';
import { KeepsakesAlong } from './TripKeepsakes.js';

export function TripPeoplePage() {
  const { tripId = '' } = useParams();
  const trip = useTrip(tripId);
  // What was read last stays on screen if asking again fails (no signal, say).
  if (!trip.data) return <TripPending error={trip.error} onRetry={() => void trip.refetch()} />;
  return (
    <TripFrame trip={trip.data} title="People and keepsakes">
      <Travellers trip={trip.data} />
      <KeepsakesAlong trip={trip.data} />
    </TripFrame>
  );
}

function Travellers({ trip }: { trip: TripDetail }) {
  const members = useMembers();
  const [dialog, ask] = useConfirm();
  const removal = useRemoveTraveller();
  const onTrip = new Set(trip.travellers.map((t) => t.memberId).filter(Boolean));
  const free = (members.data?.members ?? []).filter((m) => !onTrip.has(m.id));

  const remove = async (id: string, name: string) => {
    removal.reset();
    const yes = await ask({
      title: `Take ${name} off this trip?`,
      body: <p>Their own items on the packing list become shared items.</p>,
      confirmLabel: `Take ${name} off`,
      cancelLabel: 'Keep them on',
    });
    if (!yes) return;
    removal.mutate(id);
  };

  return (
    <section aria-labelledby="travellers-heading">
      {dialog}
      <h2 id="travellers-heading">Who is travelling</h2>
      {removal.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(removal.error)}</p>
        </Notice>
      )}
      <ul className="card-list">
        {trip.travellers.map((t) => (
          <li key={t.id} className="card">
            <p className="card-title">{t.name}</p>
            <p className="meta">
              {t.memberId ? 'In your family on Alongside' : 'Travelling with you, without an account'}
              {t.isChild && ' · a child'}
            </p>
            {trip.can.edit && (
              <button type="button" className="button quiet small" onClick={() => void remove(t.id, t.name)}>
                Take <span className="visually-hidden">{t.name}</span> off the trip
              </button>
            )}
            {trip.can.edit && !t.memberId && free.length > 0 && (
              <LinkToMember key={free.map((m) => m.id).join()} traveller={t} free={free} />
            )}
          </li>
        ))}
      </ul>
      {trip.can.edit && (
        <>
          {free.length > 0 && <AddMember key={free.map((m) => m.id).join()} trip={trip} free={free} />}
          <AddPerson trip={trip} />
        </>
      )}
    </section>
  );
}

/**
 * Someone added without an account who has joined the family since (through an invite): an adult
 * says which member they are, and they stay the same traveller, so what they confirmed stays theirs.
 */
function LinkToMember({
  traveller,
  free,
}: {
  traveller: TripDetail['travellers'][number];
  free: Array<{ id: string; displayName: string }>;
}) {
  const link = useLinkTraveller();
  const [memberId, setMemberId] = useState(free[0]?.id ?? '');
  return (
    <details>
      <summary>Has {traveller.name} joined the family on Alongside?</summary>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          link.mutate({ travellerId: traveller.id, memberId });
        }}
      >
        <p className="meta">
          Choose who they are now. What {traveller.name} has confirmed stays theirs, under the name they
          joined with.
        </p>
        {link.isError && (
          <Notice tone="warm" alert>
            <p>{messageOf(link.error)}</p>
          </Notice>
        )}
        <SelectField
          label={`${traveller.name} is`}
          name={`member-for-${traveller.id}`}
          value={memberId}
          onChange={setMemberId}
          options={free.map((m) => ({ value: m.id, label: m.displayName }))}
        />
        <div className="form-actions">
          <button type="submit" className="button secondary small" disabled={link.isPending || !memberId}>
            {link.isPending ? 'Saving…' : 'This is them'}
          </button>
        </div>
      </form>
    </details>
  );
}

function AddMember({
  trip,
  free,
}: {
  trip: TripDetail;
  free: Array<{ id: string; displayName: string; role: string }>;
}) {
  const add = useAddTraveller(trip.trip.id);
  const headingId = useId();
  const form = useForm({
    initial: { memberId: free[0]?.id ?? '' },
    schema: createTravellerBody,
    toBody: (v) => ({
      memberId: v.memberId || null,
      isChild: free.find((m) => m.id === v.memberId)?.role === 'child',
    }),
    onSubmit: async (body) => {
      await add.mutateAsync(body);
    },
  });
  return (
    <form
      aria-labelledby={headingId}
      className="card stack"
      noValidate
      onSubmit={(e) => void form.handleSubmit(e)}
    >
      <h3 id={headingId}>Add someone from your family</h3>
      <FormNotice message={form.message} />
      <SelectField
        label="Family member"
        name="memberId"
        value={form.values.memberId}
        onChange={form.set('memberId')}
        error={form.errors.memberId ?? form.errors.name}
        options={free.map((m) => ({ value: m.id, label: m.displayName }))}
      />
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={form.submitting}>
          Add to the trip
        </button>
      </div>
    </form>
  );
}

function AddPerson({ trip }: { trip: TripDetail }) {
  const add = useAddTraveller(trip.trip.id);
  const headingId = useId();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    initial: { name: '', isChild: false },
    schema: createTravellerBody,
    toBody: (v) => ({ name: v.name, isChild: v.isChild }),
    onSubmit: async (body, { setValues }) => {
      await add.mutateAsync(body);
      setAdded(body.name ?? null);
      setValues({ name: '', isChild: false });
    },
  });
  return (
    <form
      aria-labelledby={headingId}
      className="card stack"
      noValidate
      onSubmit={(e) => void form.handleSubmit(e)}
    >
      <h3 id={headingId}>Add someone without an account</h3>
      <p className="meta">
        For example a young child, or a friend coming along. They can confirm keepsakes with you.
      </p>
      <FormNotice message={form.message} />
      <TextField
        label="Their name"
        name="name"
        value={form.values.name}
        onChange={(v) => {
          setAdded(null);
          form.set('name')(v);
        }}
        error={form.errors.name}
      />
      <CheckboxField
        label="This is a child"
        name="isChild"
        checked={form.values.isChild}
        onChange={form.set('isChild')}
      />
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={form.submitting}>
          Add to the trip
        </button>
      </div>
      <p role="status" className="meta">
        {added ? `${added} is on the trip.` : ''}
      </p>
    </form>
  );
}
