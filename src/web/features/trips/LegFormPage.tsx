import { useMemo, useRef } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { bags } from '../../../contracts/trips.js';
import {
  canStopWithoutEntering,
  ENTERED_WHEN_CHANGING_PLANES,
  checkpointsByMode,
  createLegBody,
  legModes,
  type CheckpointKind,
  type Leg,
  type LegMode,
  type TripDetail,
} from '../../../contracts/trips.js';
import { defaultCheckpoints } from '../../../domain/trips/checks.js';
import { useSignedIn } from '../../app/session.js';
import { Combobox } from '../../components/Combobox.js';
import { CarrierField } from './CarrierField.js';
import { PlaceField } from './PlaceField.js';
import { CheckboxField, RadioGroup, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { LoadError, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { countryChoices, countryName, withZone, zoneChoices, zonesOfCountry } from '../../lib/places.js';
import { useTrip } from '../../lib/queries.js';
import { checkWords, modeWords } from '../../lib/words.js';
import { useSaveLeg } from './mutations.js';
import { TripPending } from './TripFrame.js';

type Bag = (typeof bags)[number];

export function LegFormPage() {
  const { tripId = '', legId } = useParams();
  const trip = useTrip(tripId);
  // What was read last stays on screen if asking again fails (no signal, say).
  if (!trip.data) return <TripPending error={trip.error} onRetry={() => void trip.refetch()} />;
  const existing = legId ? trip.data.legs.find((l) => l.id === legId) : undefined;
  if (legId && !existing)
    return (
      <Page title="Edit departure">
        <LoadError
          notFound
          what="this part of the journey"
          back={{ to: `/trips/${tripId}`, label: 'Back to the trip' }}
        />
      </Page>
    );
  return <LegForm key={legId ?? 'new'} trip={trip.data} existing={existing} />;
}

/**
 * Picks the zone a departure from this country most likely uses: its only zone, the current one if it
 * is there, or the one zone on the same continent as the current one (Spain from London: Madrid).
 */
function zoneFor(country: string, current: string): { zone: string; several: boolean } {
  const zones = zonesOfCountry(country);
  if (zones.length === 0) return { zone: current, several: false };
  if (zones.length === 1) return { zone: zones[0]!, several: false };
  if (zones.includes(current)) return { zone: current, several: true };
  const area = current.split('/')[0];
  const same = zones.filter((z) => z.split('/')[0] === area);
  return { zone: same.length === 1 ? same[0]! : '', several: true };
}

function LegForm({ trip, existing }: { trip: TripDetail; existing: Leg | undefined }) {
  const session = useSignedIn();
  const navigate = useNavigate();
  const save = useSaveLeg(trip.trip.id, existing?.id);
  const [search] = useSearchParams();
  const countries = useMemo(() => countryChoices(), []);
  const zoneTouched = useRef(Boolean(existing));
  const checkpointsTouched = useRef(Boolean(existing));

  // "Add the way home" starts from the way out, reversed.
  const wayHome = !existing && search.get('way') === 'home';
  const out = trip.legs.find((l) => !l.isReturn) ?? trip.legs[0];
  const from = existing?.fromCountry ?? (wayHome ? out?.toCountry : '') ?? '';
  const initialZone =
    existing?.departureZone ?? (from ? zoneFor(from, session.family.homeZone).zone : session.family.homeZone);
  const mode: LegMode = existing?.mode ?? (wayHome && out ? out.mode : 'air');
  const isReturn = existing?.isReturn ?? wayHome;

  const form = useForm({
    initial: {
      mode: mode as LegMode | '',
      label: existing?.label ?? '',
      fromCountry: from,
      toCountry: existing?.toCountry ?? (wayHome ? out?.fromCountry : '') ?? '',
      fromPlace: existing?.fromPlace ?? (wayHome ? (out?.toPlace ?? '') : ''),
      toPlace: existing?.toPlace ?? (wayHome ? (out?.fromPlace ?? '') : ''),
      carrier: existing?.carrier ?? (wayHome ? (out?.carrier ?? '') : ''),
      bag: (existing?.bag ?? (wayHome && out ? out.bag : 'carry_on')) as Bag | '',
      departureLocal: existing?.departureLocal ?? '',
      departureZone: initialZone,
      isReturn,
      connection: existing?.connection ?? false,
      arrivalLocal: existing?.arrivalLocal ?? '',
      arrivalZone: existing?.arrivalZone ?? '',
      checkpoints: existing
        ? existing.checks.map((c) => c.kind).filter((k): k is CheckpointKind => k !== 'before_you_leave')
        : defaultCheckpoints(mode, isReturn),
      // The town picked from the gazetteer (the way home starts from a typed name only).
      toPlaceId: existing?.toPlaceId ?? (null as string | null),
    },
    schema: createLegBody,
    toBody: (v) => ({
      ...v,
      mode: v.mode || undefined,
      bag: v.bag || undefined,
      fromCountry: v.fromCountry || undefined,
      toCountry: v.toCountry || undefined,
      departureZone: v.departureZone || undefined,
      // An arrival time is optional; one with no zone is asked for its zone.
      arrivalLocal: v.arrivalLocal || null,
      arrivalZone: v.arrivalLocal ? v.arrivalZone || undefined : null,
      // Only a flight (airside) or a sailing (a port of call) stops without entering the country.
      connection: v.mode !== '' && canStopWithoutEntering(v.mode) && v.connection,
      checkpoints: v.mode
        ? v.checkpoints.filter((c) => checkpointsByMode[v.mode as LegMode].includes(c))
        : [],
    }),
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      await navigate(`/trips/${trip.trip.id}`);
    },
  });
  const { values, set, errors, setValues } = form;
  const zones = useMemo(() => withZone(zoneChoices(), values.departureZone), [values.departureZone]);
  const arrivalZones = useMemo(() => withZone(zoneChoices(), values.arrivalZone), [values.arrivalZone]);
  const countryZones = values.fromCountry ? zonesOfCountry(values.fromCountry) : [];

  const chooseFrom = (code: string) => {
    set('fromCountry')(code);
    if (!code || zoneTouched.current) return;
    const { zone } = zoneFor(code, values.departureZone || session.family.homeZone);
    setValues((v) => ({ ...v, departureZone: zone }));
  };

  const resetCheckpoints = (nextMode: LegMode | '', nextReturn: boolean) => {
    if (checkpointsTouched.current || !nextMode) return;
    setValues((v) => ({ ...v, checkpoints: defaultCheckpoints(nextMode, nextReturn) }));
  };

  const toggleCheckpoint = (kind: CheckpointKind, wanted: boolean) => {
    checkpointsTouched.current = true;
    setValues((v) => ({
      ...v,
      checkpoints: wanted ? [...v.checkpoints, kind] : v.checkpoints.filter((k) => k !== kind),
    }));
  };

  return (
    <Page
      title={existing ? 'Edit departure' : wayHome ? 'The way home' : 'Add a departure'}
      lead={<p>For {trip.trip.name}. Each departure gets its own “Before you leave” check.</p>}
    >
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <RadioGroup<LegMode>
          tiles
          label="How are you travelling?"
          name="mode"
          value={values.mode}
          onChange={(m) => {
            set('mode')(m);
            resetCheckpoints(m, values.isReturn);
          }}
          error={errors.mode}
          options={legModes.map((m) => ({ value: m, label: modeWords[m].label }))}
        />
        <div className="two-up">
          <Combobox
            label="Leaving from (country)"
            name="fromCountry"
            value={values.fromCountry}
            onChange={chooseFrom}
            choices={countries}
            error={errors.fromCountry}
          />
          <Combobox
            label="Going to (country)"
            name="toCountry"
            value={values.toCountry}
            onChange={(code) =>
              // A town picked in one country is not in another; its name stays, as typed text.
              setValues((v) => ({
                ...v,
                toCountry: code,
                toPlaceId: code === v.toCountry ? v.toPlaceId : null,
              }))
            }
            choices={countries}
            error={errors.toCountry}
          />
        </div>
        <div className="two-up">
          <TextField
            label="Leaving from (airport, station or town)"
            name="fromPlace"
            optional
            value={values.fromPlace}
            onChange={set('fromPlace')}
            error={errors.fromPlace}
          />
          <PlaceField
            country={values.toCountry}
            placeId={values.toPlaceId}
            place={values.toPlace}
            onChange={(next) => setValues((v) => ({ ...v, ...next }))}
            error={errors.toPlaceId ?? errors.toPlace}
          />
        </div>
        <CarrierField
          key={values.mode || 'air'}
          mode={values.mode || 'air'}
          value={values.carrier}
          onChange={set('carrier')}
          onUnmatched={form.unmatchedIn('carrier')}
          error={errors.carrier}
        />
        <RadioGroup<Bag>
          label="Where do the keepsakes travel?"
          name="bag"
          value={values.bag}
          onChange={set('bag')}
          error={errors.bag}
          options={[
            {
              value: 'carry_on',
              label: 'Carry-on, with you',
              hint: 'Most airlines ask for ashes in the cabin.',
            },
            {
              value: 'checked',
              label: 'Checked bag, in the hold',
              hint: 'Some airlines do not allow ashes in the hold.',
            },
          ]}
        />
        <div className="two-up">
          <TextField
            label="Departure date and time"
            name="departureLocal"
            type="datetime-local"
            value={values.departureLocal}
            onChange={set('departureLocal')}
            error={errors.departureLocal}
            hint="As the clock shows where you leave from."
          />
          <Combobox
            label="Time zone where you leave from"
            name="departureZone"
            value={values.departureZone}
            onChange={(zone) => {
              zoneTouched.current = true;
              set('departureZone')(zone);
            }}
            choices={zones}
            suggested={countryZones}
            error={errors.departureZone}
            hint={
              countryZones.length > 1
                ? `${countryName(values.fromCountry)} has more than one time zone; please check this one.`
                : 'Type a city to search.'
            }
          />
        </div>
        <div className="two-up">
          <TextField
            label="Arrival date and time"
            name="arrivalLocal"
            type="datetime-local"
            optional
            value={values.arrivalLocal}
            onChange={set('arrivalLocal')}
            error={errors.arrivalLocal}
            hint="As the clock shows where you arrive. Or tap “We’ve arrived” on the trip when you get there."
          />
          <Combobox
            label="Time zone where you arrive"
            name="arrivalZone"
            optional
            value={values.arrivalZone}
            onChange={set('arrivalZone')}
            choices={arrivalZones}
            suggested={values.toCountry ? zonesOfCountry(values.toCountry) : []}
            error={errors.arrivalZone}
            hint="Type a city to search."
          />
        </div>
        <CheckboxField
          label="This is the way home"
          name="isReturn"
          checked={values.isReturn}
          onChange={(checked) => {
            set('isReturn')(checked);
            resetCheckpoints(values.mode, checked);
          }}
          error={errors.isReturn}
          hint="Adds a check for leaving where you stayed: that is where things get left behind."
        />
        {values.mode !== '' && canStopWithoutEntering(values.mode) && (
          <CheckboxField
            {...stopWords(values.mode, values.toCountry || null)}
            name="connection"
            checked={values.connection}
            onChange={set('connection')}
            error={errors.connection}
          />
        )}
        {values.mode && (
          <fieldset className="field">
            <legend className="field-label">Checkpoints on the way</legend>
            <p className="field-hint">
              Small checks at the moments keepsakes get left behind. “Before you leave” is always there.
            </p>
            {checkpointsByMode[values.mode].map((kind) => (
              <CheckboxField
                key={kind}
                label={checkWords[kind].title}
                name={`checkpoint-${kind}`}
                checked={values.checkpoints.includes(kind)}
                onChange={(checked) => toggleCheckpoint(kind, checked)}
              />
            ))}
            {errors.checkpoints && <p className="field-error">{errors.checkpoints}</p>}
          </fieldset>
        )}
        <TextField
          label="A name for this part"
          name="label"
          optional
          value={values.label}
          onChange={set('label')}
          error={errors.label}
          hint="For example: Flight to Málaga."
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {existing ? 'Save changes' : 'Save this departure'}
          </button>
          <Link className="button secondary" to={`/trips/${trip.trip.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** A flight that only changes planes, or a sailing that only calls at a port, in the family's words. */
function stopWords(mode: LegMode, code: string | null): { label: string; hint: string } {
  const country = code ? countryName(code) : null;
  if (mode === 'sea') {
    return {
      label: country
        ? `A port of call in ${country}: the ashes stay on board`
        : 'A port of call: the ashes stay on board',
      hint: 'Tick this when the ship calls here and sails on with the ashes still aboard: the rules for entering that country then do not apply. Add the next sailing from there too.',
    };
  }
  const label = country
    ? `Only changing planes in ${country}`
    : 'Only changing planes where this flight lands';
  // Where there is no airside transit (the US), changing planes still means entering: never
  // promise that the rules for entering do not apply.
  return code && ENTERED_WHEN_CHANGING_PLANES.has(code)
    ? {
        label,
        hint: `In ${country} there is no staying airside: everyone arriving from abroad goes through its border control at the first airport, so its rules for entering still apply. Tick this all the same and add the next flight; the rules will say so.`,
      }
    : {
        label,
        hint: 'Tick this when you stay airside and fly on: the rules for entering that country then do not apply. Add the next flight from there too.',
      };
}
