import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CHECKS_OPEN_EARLIEST,
  CHECKS_OPEN_HOUR,
  CHECKS_OPEN_LATEST,
  type purposes,
} from '../../../contracts/trips.js';
import {
  createTripBody,
  scatterPlaces,
  type ScatterPlace,
  type TripDetail,
} from '../../../contracts/trips.js';
import { Combobox } from '../../components/Combobox.js';
import { CountryAndPart } from '../../components/CountryAndPart.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { CheckboxField, RadioGroup, SelectField, TextArea, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { listWords } from '../../lib/format.js';
import { countryChoices } from '../../lib/places.js';
import { scatterPlaceWords } from '../../lib/words.js';
import { useKeepsakes, useTemplates, useTrip } from '../../lib/queries.js';
import { useRemoveTrip, useSaveTrip } from './mutations.js';
import { TripPending } from './TripFrame.js';

type Purpose = (typeof purposes)[number];
type ComeHome = 'yes' | 'no' | 'not_sure';
type Collecting = 'no' | 'yes';

const placeOf = (place: ScatterPlace | null | undefined): ScatterPlace | '' => place ?? '';
/** Not yet said stays not yet said. */
const comeHomeOf = (comes: boolean | null | undefined): ComeHome =>
  comes === true ? 'yes' : comes === false ? 'no' : 'not_sure';
/** A trip saved with where the ashes are collected answers "yes"; every other trip, "no". */
const collectingOf = (collectIn: string | null | undefined): Collecting => (collectIn ? 'yes' : 'no');

export function TripFormPage() {
  const { tripId } = useParams();
  if (!tripId) return <TripForm />;
  return <EditTrip id={tripId} />;
}

function EditTrip({ id }: { id: string }) {
  const trip = useTrip(id);
  // What was read last stays on screen if asking again fails (no signal, say).
  if (!trip.data) return <TripPending error={trip.error} onRetry={() => void trip.refetch()} />;
  return <TripForm key={id} existing={trip.data} />;
}

function TripForm({ existing }: { existing?: TripDetail }) {
  const navigate = useNavigate();
  const save = useSaveTrip(existing?.trip.id);
  const removal = useRemoveTrip();
  const templates = useTemplates();
  const keepsakes = useKeepsakes();
  const [dialog, ask] = useConfirm();
  const trip = existing?.trip;

  const form = useForm({
    initial: {
      name: trip?.name ?? '',
      startsOn: trip?.startsOn ?? '',
      endsOn: trip?.endsOn ?? '',
      purpose: (trip?.purpose ?? 'carry') as Purpose | '',
      requireTwoPeople: trip?.requireTwoPeople ?? false,
      notes: trip?.notes ?? '',
      templateId: '',
      scatterCountry: trip?.scatterCountry ?? '',
      scatterRegion: trip?.scatterRegion ?? '',
      scatterPlace: placeOf(trip?.scatterPlace),
      ashesComeHome: comeHomeOf(trip?.ashesComeHome),
      checksOpenHour: String(trip?.checksOpenHour ?? CHECKS_OPEN_HOUR),
      collecting: collectingOf(trip?.collectIn),
      collectIn: trip?.collectIn ?? '',
    },
    schema: createTripBody,
    toBody: ({
      templateId,
      scatterCountry,
      scatterRegion,
      scatterPlace,
      ashesComeHome,
      checksOpenHour,
      collecting,
      collectIn,
      ...v
    }) => ({
      ...v,
      checksOpenHour: Number(checksOpenHour),
      // "Yes" with no country yet is sent as it is, for the check to ask where (never saved as "no").
      collectIn: collecting === 'yes' ? collectIn : null,
      purpose: v.purpose || undefined,
      // Where they scatter matters only on a scattering trip; a carrying trip keeps none of it.
      ...(v.purpose === 'scatter'
        ? {
            scatterCountry: scatterCountry || null,
            scatterRegion: scatterCountry && scatterRegion ? scatterRegion : null,
            scatterPlace: scatterPlace || null,
            ashesComeHome: ashesComeHome === 'not_sure' ? null : ashesComeHome === 'yes',
          }
        : { scatterCountry: null, scatterRegion: null, scatterPlace: null, ashesComeHome: null }),
      // A saved list can only start a trip; editing leaves the list as it is.
      ...(!existing && { templateId: templateId || null }),
    }),
    onSubmit: async (body) => {
      const detail = await save.mutateAsync(body);
      await navigate(`/trips/${detail.trip.id}`);
    },
  });
  const { values, set, errors } = form;
  const travelling = (keepsakes.data?.keepsakes ?? []).filter((k) => k.travelsWithUs).map((k) => k.name);
  const saved = templates.data?.templates ?? [];
  const countries = useMemo(() => countryChoices(), []);

  const remove = async () => {
    if (!existing) return;
    const yes = await ask({
      title: `Delete the trip “${existing.trip.name}”?`,
      body: (
        <p>Its packing list, legs and the record of who confirmed what go with it. Your keepsakes stay.</p>
      ),
      confirmLabel: 'Delete the trip',
      cancelLabel: 'Keep it',
    });
    if (!yes) return;
    removal.mutate(existing.trip.id, { onSuccess: () => void navigate('/trips') });
  };

  return (
    <Page
      title={existing ? `Trip details · ${existing.trip.name}` : 'Plan a trip'}
      heading={existing ? 'Trip details' : 'Plan a trip'}
    >
      {dialog}
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        {removal.isError && (
          <Notice tone="warm" alert>
            <p>{messageOf(removal.error)}</p>
          </Notice>
        )}
        <TextField
          label="Name of the trip"
          name="name"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          hint="For example: Summer in Spain, or Grandma's 80th."
        />
        <div className="two-up">
          <TextField
            label="First day"
            name="startsOn"
            type="date"
            optional
            value={values.startsOn}
            onChange={set('startsOn')}
            error={errors.startsOn}
          />
          <TextField
            label="Last day"
            name="endsOn"
            type="date"
            optional
            value={values.endsOn}
            onChange={set('endsOn')}
            error={errors.endsOn}
          />
        </div>
        <RadioGroup<Purpose>
          label="Carrying or scattering?"
          name="purpose"
          value={values.purpose}
          onChange={set('purpose')}
          error={errors.purpose}
          options={[
            {
              value: 'carry',
              label: 'Carrying them with us',
              hint: 'They come along and come home with you.',
            },
            {
              value: 'scatter',
              label: 'Scattering their ashes',
              hint: 'Some or all of the ashes stay at a special place.',
            },
          ]}
        />
        {values.purpose === 'scatter' && (
          <fieldset className="field">
            <legend className="field-label">Where you will scatter</legend>
            <p className="field-hint">
              Rules for scattering belong to the place: a country, a state, the sea. Leave out what you do not
              know yet.
            </p>
            <div className="stack">
              <CountryAndPart
                names={{ country: 'scatterCountry', part: 'scatterRegion' }}
                country={values.scatterCountry}
                part={values.scatterRegion}
                onCountry={set('scatterCountry')}
                onPart={set('scatterRegion')}
                unmatched={{
                  country: form.unmatchedIn('scatterCountry'),
                  part: form.unmatchedIn('scatterRegion'),
                }}
                errors={errors}
                countryLabel="Country"
                partHint="A state, or one of the UK's nations: some rules are theirs alone."
              />
              <RadioGroup<ScatterPlace | ''>
                label="What kind of place?"
                name="scatterPlace"
                value={values.scatterPlace}
                onChange={set('scatterPlace')}
                error={errors.scatterPlace}
                options={[
                  ...scatterPlaces.map((place) => ({ value: place, label: scatterPlaceWords[place] })),
                  { value: '' as const, label: 'We have not chosen yet' },
                ]}
              />
              <RadioGroup<ComeHome>
                label="Do some ashes come home with you?"
                name="ashesComeHome"
                value={values.ashesComeHome}
                onChange={set('ashesComeHome')}
                error={errors.ashesComeHome}
                hint="If all of them stay, we stop listing rules for carrying them after the scattering."
                options={[
                  { value: 'yes', label: 'Yes, some come home with us' },
                  { value: 'no', label: 'No, all of them stay there' },
                  { value: 'not_sure', label: 'We are not sure yet' },
                ]}
              />
            </div>
          </fieldset>
        )}
        <RadioGroup<Collecting>
          label="Are you collecting the ashes on this trip?"
          name="collecting"
          value={values.collecting}
          onChange={(collecting) => {
            set('collecting')(collecting);
            // Where they are collected is not asked then: text it could not take goes with the field.
            if (collecting === 'no') form.unmatchedIn('collectIn')(null);
          }}
          error={errors.collecting}
          hint="Some families travel out first and collect the ashes from a crematorium or funeral home there."
          options={[
            { value: 'no', label: 'No, they travel with us from the start' },
            { value: 'yes', label: 'Yes, we collect them on the way' },
          ]}
        />
        {values.collecting === 'yes' && (
          <Combobox
            label="Where do you collect them?"
            name="collectIn"
            value={values.collectIn}
            onChange={set('collectIn')}
            onUnmatched={form.unmatchedIn('collectIn')}
            notFound={(text) =>
              `We don’t know “${text}” as a country here. Please choose the country from the suggestions, or answer “No” above.`
            }
            choices={countries}
            error={errors.collectIn}
            hint="The country you collect them in. Until you leave it with them, there is nothing to carry."
          />
        )}
        <CheckboxField
          label="Ask two people to confirm keepsakes"
          name="requireTwoPeople"
          checked={values.requireTwoPeople}
          onChange={set('requireTwoPeople')}
          error={errors.requireTwoPeople}
          hint="At each check, two different people say they have the keepsake. One of them can be a child."
        />
        <SelectField
          label="Packing counts from"
          name="checksOpenHour"
          value={values.checksOpenHour}
          onChange={set('checksOpenHour')}
          error={errors.checksOpenHour}
          hint="Saying a keepsake is packed before this time, the day before a departure, is kept as “packed early”, and the app asks again from then, so “done” on the day means packed for that journey."
          options={openingHours}
        />
        {!existing && saved.length > 0 && (
          <SelectField
            label="Start from a saved list"
            name="templateId"
            optional
            value={values.templateId}
            onChange={set('templateId')}
            error={errors.templateId}
            options={[
              { value: '', label: 'No, start with an empty list' },
              ...saved.map((t) => ({ value: t.id, label: `${t.name} (${t.itemCount} items)` })),
            ]}
          />
        )}
        <TextArea
          label="Notes"
          name="notes"
          optional
          rows={3}
          value={values.notes}
          onChange={set('notes')}
          error={errors.notes}
        />
        {!existing && travelling.length > 0 && (
          <Notice>
            <p>
              Coming along automatically, because they travel with you:{' '}
              <strong>{listWords(travelling)}</strong>. You can change who carries them on the trip page.
            </p>
          </Notice>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {existing ? 'Save changes' : 'Plan this trip'}
          </button>
          <Link className="button secondary" to={existing ? `/trips/${existing.trip.id}` : '/trips'}>
            Cancel
          </Link>
        </div>
      </form>
      {existing && existing.can.edit && (
        <section aria-labelledby="delete-heading" className="card" style={{ marginTop: '2rem' }}>
          <h2 id="delete-heading">Delete this trip</h2>
          <p>
            If the trip is not happening, you can delete it. Your loved ones and keepsakes are not affected.
          </p>
          <button type="button" className="button secondary" onClick={() => void remove()}>
            Delete this trip
          </button>
        </section>
      )}
    </Page>
  );
}

/** The hours the day before a departure from which its checks may open, the usual one first said so. */
const openingHours = Array.from({ length: CHECKS_OPEN_LATEST - CHECKS_OPEN_EARLIEST + 1 }, (_, i) => {
  const hour = CHECKS_OPEN_EARLIEST + i;
  const time = `${String(hour).padStart(2, '0')}:00`;
  return {
    value: String(hour),
    label: hour === CHECKS_OPEN_HOUR ? `${time} the day before (usual)` : `${time} the day before`,
  };
});
