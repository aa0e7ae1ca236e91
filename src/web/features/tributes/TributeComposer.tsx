import { useId } from 'react';
import { useNavigate } from 'react-router';
import {
  tributeBackgrounds,
  tributeBody,
  tributeWordings,
  type TributeBackground,
  type TributeWording,
} from '../../../contracts/tributes.js';
import { RadioGroup, TextArea, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { endpoints, hrefOf } from '../../lib/client.js';
import { todayPlus } from '../../lib/format.js';
import { useFamilyPhotos, useSaveTribute } from './mutations.js';
import { backgroundWords, wordingWords } from './words.js';

const NO_PHOTO = '';

/**
 * Composing a tribute: a photo of the family's own or a calm background, a few words, how the
 * dates are said and the day it is for. Saved, it opens on its own page with the three pictures.
 */
export function TributeComposer({ lovedOneId, name }: { lovedOneId: string; name: string }) {
  const headingId = useId();
  const photos = useFamilyPhotos();
  const save = useSaveTribute();
  const navigate = useNavigate();
  const form = useForm({
    initial: {
      mediaId: NO_PHOTO,
      background: 'dawn' as TributeBackground,
      words: '',
      wording: 'years_since' as TributeWording,
      forDate: todayPlus(0),
    },
    schema: tributeBody,
    toBody: (v) => ({
      lovedOneId,
      mediaId: v.mediaId || null,
      background: v.background,
      words: v.words,
      wording: v.wording,
      forDate: v.forDate,
    }),
    onSubmit: async (body) => {
      const { tribute } = await save.mutateAsync({ body });
      void navigate(`/tributes/${tribute.id}`);
    },
  });
  const { values, set, errors } = form;
  const wording = wordingWords(name);
  const photoList = photos.data?.media ?? [];

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>Make a tribute</h2>
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <fieldset className="field radio-group">
          <legend className="field-label">A photo</legend>
          <p className="field-hint">
            {photoList.length > 0
              ? 'One of your family’s photos, or a calm colour behind the words.'
              : 'Your family has no photos here yet, so the words go on a calm colour.'}
          </p>
          <div className="tribute-photos">
            <label className="tribute-photo">
              <input
                type="radio"
                name="mediaId"
                value={NO_PHOTO}
                checked={values.mediaId === NO_PHOTO}
                onChange={() => set('mediaId')(NO_PHOTO)}
              />
              <span>No photo, a calm colour</span>
            </label>
            {photoList.map((photo, index) => (
              <label className="tribute-photo" key={photo.id}>
                <input
                  type="radio"
                  name="mediaId"
                  value={photo.id}
                  checked={values.mediaId === photo.id}
                  onChange={() => set('mediaId')(photo.id)}
                />
                <img
                  src={hrefOf(endpoints.media.thumbnail, { params: { mediaId: photo.id } })}
                  alt={`Photo ${index + 1}`}
                  width={96}
                  height={96}
                />
              </label>
            ))}
          </div>
        </fieldset>
        {values.mediaId === NO_PHOTO && (
          <RadioGroup<TributeBackground>
            label="The colour"
            name="background"
            value={values.background}
            onChange={set('background')}
            error={errors.background}
            options={tributeBackgrounds.map((b) => ({ value: b, label: backgroundWords[b] }))}
          />
        )}
        <TextArea
          label="A few words"
          name="words"
          optional
          rows={3}
          maxLength={400}
          value={values.words}
          onChange={set('words')}
          error={errors.words}
        />
        <RadioGroup<TributeWording>
          label="How to say the dates"
          name="wording"
          value={values.wording}
          onChange={set('wording')}
          error={errors.wording}
          options={tributeWordings.map((w) => ({ value: w, ...wording[w] }))}
        />
        <TextField
          label="The day this tribute is for"
          name="forDate"
          type="date"
          value={values.forDate}
          onChange={set('forDate')}
          error={errors.forDate}
          hint="An anniversary or a birthday: the dates are said as of that day."
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Make the pictures
          </button>
        </div>
      </form>
    </section>
  );
}
