import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { createLovedOneBody, lovedOneKinds, type LovedOne } from '../../../contracts/loved-ones.js';
import { Combobox } from '../../components/Combobox.js';
import { CountryAndPart } from '../../components/CountryAndPart.js';
import { RadioGroup, TextArea, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { numberOrNull } from '../../lib/forms.js';
import { countryChoices } from '../../lib/places.js';
import { useLovedOne } from '../../lib/queries.js';
import { lovedOneKindWords } from '../../lib/words.js';
import { useSaveLovedOne } from './mutations.js';

type Kind = (typeof lovedOneKinds)[number];

export function LovedOneFormPage() {
  const { lovedOneId } = useParams();
  if (!lovedOneId) return <LovedOneForm />;
  return <EditLovedOne id={lovedOneId} />;
}

function EditLovedOne({ id }: { id: string }) {
  const lovedOne = useLovedOne(id);
  if (lovedOne.isPending)
    return (
      <Page title="Edit details" busy>
        <Loading />
      </Page>
    );
  if (lovedOne.isError)
    return (
      <Page title="Edit details">
        <LoadError
          error={lovedOne.error}
          what="their details"
          onRetry={() => void lovedOne.refetch()}
          back={{ to: '/loved-ones', label: 'Back to loved ones' }}
        />
      </Page>
    );
  return <LovedOneForm key={id} existing={lovedOne.data.lovedOne} />;
}

const initialOf = (l?: LovedOne) => ({
  name: l?.name ?? '',
  kind: l?.kind ?? ('' as Kind | ''),
  relationship: l?.relationship ?? '',
  dateOfLoss: l?.dateOfLoss ?? '',
  dueDate: l?.dueDate ?? '',
  gestationWeeks: l?.gestationWeeks ? String(l.gestationWeeks) : '',
  lossCountry: l?.lossCountry ?? '',
  lossRegion: l?.lossRegion ?? '',
  cremationCountry: l?.cremationCountry ?? '',
  cremationRegion: l?.cremationRegion ?? '',
  nationality: l?.nationality ?? '',
  bornAlive: answerOf(l?.bornAlive),
  birthWeightGrams: l?.birthWeightGrams ? String(l.birthWeightGrams) : '',
  dateOfBirth: l?.dateOfBirth ?? '',
  dateOfDeath: l?.dateOfDeath ?? '',
  story: l?.story ?? '',
});
type Values = ReturnType<typeof initialOf>;
type Answer = 'yes' | 'no' | 'not_now';

/** Not yet said stays not yet said: a saved loved one is never assumed either way. */
function answerOf(bornAlive: boolean | null | undefined): Answer {
  return bornAlive === true ? 'yes' : bornAlive === false ? 'no' : 'not_now';
}

/** Only the dates that suit the kind are sent; the others are cleared, so nothing stale lingers. */
function toBody(v: Values) {
  const pregnancy = v.kind === 'pregnancy_loss';
  return {
    name: v.name,
    kind: v.kind || undefined,
    relationship: v.relationship,
    story: v.story,
    dateOfLoss: pregnancy ? v.dateOfLoss : null,
    dueDate: pregnancy ? v.dueDate : null,
    gestationWeeks: pregnancy ? numberOrNull(v.gestationWeeks) : null,
    lossCountry: pregnancy && v.lossCountry ? v.lossCountry : null,
    lossRegion: pregnancy && v.lossCountry && v.lossRegion ? v.lossRegion : null,
    cremationCountry: v.cremationCountry || null,
    cremationRegion: v.cremationCountry && v.cremationRegion ? v.cremationRegion : null,
    // Asked only for a person: no consulate's list speaks of an animal's nationality.
    nationality: v.kind !== 'pet' && v.nationality ? v.nationality : null,
    bornAlive: pregnancy && v.bornAlive !== 'not_now' ? v.bornAlive === 'yes' : null,
    birthWeightGrams: pregnancy ? numberOrNull(v.birthWeightGrams) : null,
    // A baby lost in pregnancy may have been born on another day than the one they died.
    dateOfBirth: v.dateOfBirth,
    dateOfDeath: pregnancy ? null : v.dateOfDeath,
  };
}

function LovedOneForm({ existing }: { existing?: LovedOne }) {
  const save = useSaveLovedOne(existing?.id);
  const navigate = useNavigate();
  const form = useForm({
    initial: () => initialOf(existing),
    schema: createLovedOneBody,
    toBody,
    onSubmit: async (body) => {
      const answer = await save.mutateAsync(body);
      await navigate(`/loved-ones/${answer.lovedOne.id}`);
    },
  });
  const { values, set, errors } = form;
  const name = values.name.trim() || 'them';
  const baby = values.name.trim() || 'your baby';
  const pregnancy = values.kind === 'pregnancy_loss';
  const countries = useMemo(() => countryChoices(), []);

  return (
    <Page
      title={existing ? `Edit ${existing.name}` : 'Add a loved one'}
      heading={existing ? `${existing.name}’s details` : 'Add a loved one'}
      lead={!existing && <p>Take your time. Only the name is needed; everything else can wait.</p>}
    >
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Their name"
          name="name"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
        />
        <RadioGroup<Kind>
          label={values.name.trim() ? `Who is ${values.name.trim()}?` : 'Who are they?'}
          name="kind"
          value={values.kind}
          onChange={set('kind')}
          error={errors.kind}
          options={lovedOneKinds.map((k) => ({ value: k, ...lovedOneKindWords[k] }))}
        />
        <TextField
          label="What they are to you"
          name="relationship"
          optional
          value={values.relationship}
          onChange={set('relationship')}
          error={errors.relationship}
          hint="For example: our son, Grandad, my best friend."
        />
        {values.kind && (
          <fieldset className="field">
            <legend className="field-label">The dates that matter</legend>
            <p className="field-hint">
              We use these to remember the days with you. Leave out any you prefer.
            </p>
            {pregnancy ? (
              <div className="stack">
                <div className="two-up">
                  <TextField
                    label={`The day ${baby} died`}
                    name="dateOfLoss"
                    type="date"
                    optional
                    value={values.dateOfLoss}
                    onChange={set('dateOfLoss')}
                    error={errors.dateOfLoss}
                  />
                  <TextField
                    label={`The day ${baby} was born`}
                    name="dateOfBirth"
                    type="date"
                    optional
                    value={values.dateOfBirth}
                    onChange={set('dateOfBirth')}
                    error={errors.dateOfBirth}
                    hint="If it was another day. We remember it as a birthday."
                  />
                </div>
                <div className="two-up">
                  <TextField
                    label="Due date"
                    name="dueDate"
                    type="date"
                    optional
                    value={values.dueDate}
                    onChange={set('dueDate')}
                    error={errors.dueDate}
                    hint={`The day ${baby} would have been due.`}
                  />
                </div>
                <TextField
                  label="Weeks of pregnancy"
                  name="gestationWeeks"
                  inputMode="numeric"
                  optional
                  value={values.gestationWeeks}
                  onChange={set('gestationWeeks')}
                  error={errors.gestationWeeks}
                  className="narrow"
                />
                <RadioGroup<Answer>
                  label={`Was ${baby} born alive, even for a moment?`}
                  name="bornAlive"
                  value={values.bornAlive}
                  onChange={set('bornAlive')}
                  error={errors.bornAlive}
                  hint="It changes which papers exist: a baby born alive is registered, however early. You can leave this for another day."
                  options={[
                    { value: 'yes', label: `Yes, ${baby} was born alive` },
                    { value: 'no', label: `No, ${baby} was born without signs of life` },
                    { value: 'not_now', label: 'Not now' },
                  ]}
                />
                <TextField
                  label="Birth weight in grams"
                  name="birthWeightGrams"
                  inputMode="numeric"
                  optional
                  value={values.birthWeightGrams}
                  onChange={set('birthWeightGrams')}
                  error={errors.birthWeightGrams}
                  className="narrow"
                  hint="Only some countries’ papers depend on it (New Zealand’s, for one)."
                />
                <CountryAndPart
                  names={{ country: 'lossCountry', part: 'lossRegion' }}
                  country={values.lossCountry}
                  part={values.lossRegion}
                  onCountry={set('lossCountry')}
                  onPart={set('lossRegion')}
                  unmatched={{
                    country: form.unmatchedIn('lossCountry'),
                    part: form.unmatchedIn('lossRegion'),
                  }}
                  errors={errors}
                  countryLabel="Country where it happened"
                  countryHint="Some paperwork for travelling with ashes depends on it. You can type “UK” or “England”."
                  partHint="Where the rules differ inside the country, as between England and Scotland."
                />
              </div>
            ) : (
              <div className="two-up">
                <TextField
                  label="Date of birth"
                  name="dateOfBirth"
                  type="date"
                  optional
                  value={values.dateOfBirth}
                  onChange={set('dateOfBirth')}
                  error={errors.dateOfBirth}
                />
                <TextField
                  label="Date they died"
                  name="dateOfDeath"
                  type="date"
                  optional
                  value={values.dateOfDeath}
                  onChange={set('dateOfDeath')}
                  error={errors.dateOfDeath}
                />
              </div>
            )}
          </fieldset>
        )}
        {values.kind && (
          <fieldset className="field">
            <legend className="field-label">Where {name} was cremated</legend>
            <CountryAndPart
              names={{ country: 'cremationCountry', part: 'cremationRegion' }}
              country={values.cremationCountry}
              part={values.cremationRegion}
              onCountry={set('cremationCountry')}
              onPart={set('cremationRegion')}
              unmatched={{
                country: form.unmatchedIn('cremationCountry'),
                part: form.unmatchedIn('cremationRegion'),
              }}
              errors={errors}
              countryLabel="Country of the cremation"
              countryHint="A few rules for carrying ashes follow where the cremation was. You can leave this for another day."
              partHint="In Germany, each state has its own rules for urns."
            />
          </fieldset>
        )}
        {values.kind && values.kind !== 'pet' && (
          <Combobox
            label="Their nationality"
            name="nationality"
            optional
            value={values.nationality}
            onChange={set('nationality')}
            onUnmatched={form.unmatchedIn('nationality')}
            notFound={(text) =>
              `We don’t know “${text}” as a country here. Please choose the country from the suggestions (Portugal, say, rather than Portuguese), or clear the field.`
            }
            choices={countries}
            error={errors.nationality}
            hint="Only used where a consulate’s list is for its own nationals. You can leave this for another day."
          />
        )}
        <TextArea
          label={`A few words about ${name}`}
          name="story"
          optional
          rows={5}
          value={values.story}
          onChange={set('story')}
          error={errors.story}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {existing ? 'Save changes' : 'Save'}
          </button>
          <Link className="button secondary" to={existing ? `/loved-ones/${existing.id}` : '/loved-ones'}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
