import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  containerMaterials,
  createKeepsakeBody,
  keepsakeKinds,
  type Keepsake,
  type LovedOne,
} from '../../../contracts/loved-ones.js';
import { CheckboxField, RadioGroup, SelectField, TextArea, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { numberOrNull } from '../../lib/forms.js';
import { useLovedOne } from '../../lib/queries.js';
import { keepsakeKindWords, materialWords, possessive } from '../../lib/words.js';
import { useSaveKeepsake } from './mutations.js';

type Kind = (typeof keepsakeKinds)[number];
type Material = (typeof containerMaterials)[number];

export function KeepsakeFormPage() {
  const { lovedOneId = '', keepsakeId } = useParams();
  const query = useLovedOne(lovedOneId);
  const title = keepsakeId ? 'Edit keepsake' : 'Add a keepsake';
  if (query.isPending)
    return (
      <Page title={title} busy>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title={title}>
        <LoadError
          error={query.error}
          what="this loved one"
          onRetry={() => void query.refetch()}
          back={{ to: '/loved-ones', label: 'Back to loved ones' }}
        />
      </Page>
    );
  const existing = keepsakeId ? query.data.keepsakes.find((k) => k.id === keepsakeId) : undefined;
  if (keepsakeId && !existing)
    return (
      <Page title={title}>
        <LoadError
          notFound
          what="this keepsake"
          back={{ to: `/loved-ones/${lovedOneId}`, label: `Back to ${query.data.lovedOne.name}` }}
        />
      </Page>
    );
  return <KeepsakeForm key={keepsakeId ?? 'new'} lovedOne={query.data.lovedOne} existing={existing} />;
}

interface KeepsakeValues {
  name: string;
  kind: Kind | '';
  container: Material | '';
  sizeNote: string;
  weightGrams: string;
  travelsWithUs: boolean;
  notes: string;
}

function KeepsakeForm({ lovedOne, existing }: { lovedOne: LovedOne; existing: Keepsake | undefined }) {
  const save = useSaveKeepsake(lovedOne.id, existing?.id);
  const navigate = useNavigate();
  const back = `/loved-ones/${lovedOne.id}`;
  const initial: KeepsakeValues = {
    name: existing?.name ?? '',
    kind: existing?.kind ?? '',
    container: existing?.container ?? '',
    sizeNote: existing?.sizeNote ?? '',
    weightGrams: existing?.weightGrams ? String(existing.weightGrams) : '',
    travelsWithUs: existing?.travelsWithUs ?? false,
    notes: existing?.notes ?? '',
  };
  const form = useForm({
    initial,
    schema: createKeepsakeBody,
    toBody: (v) => ({
      ...v,
      kind: v.kind || undefined,
      container: v.kind === 'ashes' || v.kind === 'jewellery' ? v.container || undefined : 'unknown',
      weightGrams: numberOrNull(v.weightGrams),
    }),
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      await navigate(back);
    },
  });
  const { values, set, errors, setValues } = form;
  const material = values.container ? materialWords[values.container] : null;
  // What it is made of matters only for what may hold ashes: that is what airport X-ray must see into.
  const madeOfMatters = values.kind === 'ashes' || values.kind === 'jewellery';
  // A box or urn of ashes is usually what comes along: "Travels with us" starts on for it, until
  // the person sets the switch themselves.
  const switchTouched = useRef(Boolean(existing));
  const chooseKind = (kind: Kind) =>
    setValues((v) => ({ ...v, kind, ...(!switchTouched.current && { travelsWithUs: kind === 'ashes' }) }));

  return (
    <Page
      title={existing ? `Edit ${existing.name}` : `Add ${possessive(lovedOne.name)} keepsake`}
      heading={existing ? `Edit ${existing.name}` : `Add ${possessive(lovedOne.name)} keepsake`}
    >
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Name of the keepsake"
          name="name"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          hint={`For example: ${possessive(lovedOne.name)} box of ashes.`}
        />
        <RadioGroup<Kind>
          label="What is it?"
          name="kind"
          value={values.kind}
          onChange={chooseKind}
          error={errors.kind}
          options={keepsakeKinds.map((k) => ({ value: k, label: keepsakeKindWords[k] }))}
        />
        {madeOfMatters && (
          <SelectField
            label="What is it made of?"
            name="container"
            value={values.container}
            onChange={(v) => set('container')(containerMaterials.find((m) => m === v) ?? '')}
            error={errors.container}
            hint="Airport X-ray needs to see inside; wood, plastic and cardboard usually show clearly."
            options={[
              { value: '', label: 'Please choose…' },
              ...containerMaterials.map((m) => ({ value: m, label: materialWords[m].label })),
            ]}
          />
        )}
        {madeOfMatters && material && (
          <p className="meta" aria-live="polite">
            {material.label}: {material.xray}
          </p>
        )}
        <div className="two-up">
          <TextField
            label="Size"
            name="sizeNote"
            optional
            value={values.sizeNote}
            onChange={set('sizeNote')}
            error={errors.sizeNote}
            hint="For example: 15 × 10 × 8 cm."
          />
          <TextField
            label="Weight in grams"
            name="weightGrams"
            optional
            inputMode="numeric"
            value={values.weightGrams}
            onChange={set('weightGrams')}
            error={errors.weightGrams}
            hint="Some airlines ask."
          />
        </div>
        <CheckboxField
          asSwitch
          label="Travels with us"
          name="travelsWithUs"
          checked={values.travelsWithUs}
          onChange={(on) => {
            switchTouched.current = true;
            set('travelsWithUs')(on);
          }}
          error={errors.travelsWithUs}
          hint="It comes along on every new trip and stays pinned on the packing list."
        />
        <TextArea
          label="Notes"
          name="notes"
          optional
          rows={3}
          value={values.notes}
          onChange={set('notes')}
          error={errors.notes}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {existing ? 'Save changes' : 'Save keepsake'}
          </button>
          <Link className="button secondary" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
