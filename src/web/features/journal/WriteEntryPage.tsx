import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  ENTRY_TEXT_MAX,
  entryBody,
  entryKinds,
  type Entry,
  type EntryKind,
} from '../../../contracts/journal.js';
import { useSignedIn } from '../../app/session.js';
import { RadioGroup, TextArea, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { isApiError } from '../../lib/api.js';
import { dropDraft, keepDraft, readDraft, type Draft } from './draft.js';
import { EntryPhotosField } from './EntryPhotosField.js';
import { useAddEntryPhotos, useJournal, useSaveEntry } from './mutations.js';

const kindLabels: Record<EntryKind, string> = {
  letter: 'A letter to them',
  entry: 'An entry about a day',
};

/** Writing a new entry or letter, or (at …/:entryId/edit) changing one of one's own. */
export function WriteEntryPage() {
  const { lovedOneId = '', entryId } = useParams();
  const query = useJournal(lovedOneId);
  if (query.isPending)
    return (
      <Page title="Write" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  const entry = entryId ? query.data?.entries.find((e) => e.id === entryId && e.mine) : undefined;
  if (query.isError || (entryId && !entry))
    return (
      <Page title="Write" heading="Write">
        <LoadError
          error={query.error}
          notFound={!query.isError}
          what="this entry"
          onRetry={() => void query.refetch()}
          back={{ to: `/loved-ones/${lovedOneId}/journal`, label: 'Back to the journal' }}
        />
      </Page>
    );
  return <WriteForm lovedOneId={lovedOneId} name={query.data.lovedOneName} entry={entry} />;
}

function WriteForm({ lovedOneId, name, entry }: { lovedOneId: string; name: string; entry?: Entry }) {
  const memberId = useSignedIn().member.id;
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const prompt = search.get('prompt');
  const save = useSaveEntry(lovedOneId);
  const addPhotos = useAddEntryPhotos(memberId);
  const [chosen, setChosen] = useState<File[]>([]);
  // A photo refused after a new entry was saved: the entry opens here to change, saying why.
  const photoProblem = (useLocation().state as { photoProblem?: string } | null)?.photoProblem ?? null;
  const [kept] = useState(() => readDraft(memberId, lovedOneId, entry?.id));
  // What is saved (or a blank page): a draft equal to it is no draft.
  const [saved] = useState<Draft>(() => ({
    kind: entry?.kind ?? 'letter',
    title: entry?.title ?? '',
    text: entry?.text ?? '',
    writtenFor: entry?.writtenFor ?? '',
  }));
  const form = useForm<Draft, typeof entryBody>({
    initial: kept ?? saved,
    schema: entryBody,
    toBody: (v) => ({ kind: v.kind, title: v.title, text: v.text, writtenFor: v.writtenFor || undefined }),
    onSubmit: async (body) => {
      const savedEntry = (await save.mutateAsync({ entryId: entry?.id, body })).entry;
      dropDraft(memberId, lovedOneId, entry?.id);
      if (chosen.length > 0) {
        try {
          // Each photo is kept on this phone first: with no signal it waits and arrives once.
          await addPhotos.mutateAsync({ entryId: savedEntry.id, files: chosen });
        } catch (error) {
          const why = isApiError(error) ? error.message : 'A photo could not be added just now.';
          setChosen([]);
          await navigate(`/loved-ones/${lovedOneId}/journal/${savedEntry.id}/edit`, {
            state: { photoProblem: `What you wrote is saved. ${why}` },
          });
          return;
        }
      }
      await navigate(`/loved-ones/${lovedOneId}/journal`);
    },
  });
  const { values, set, errors } = form;

  // Every change is kept on this phone at once, so nothing typed is lost; going back to what is
  // saved leaves no draft behind.
  useEffect(() => {
    const unchanged = (Object.keys(saved) as Array<keyof Draft>).every((k) => values[k] === saved[k]);
    if (unchanged) dropDraft(memberId, lovedOneId, entry?.id);
    else keepDraft(memberId, lovedOneId, entry?.id, values);
  }, [memberId, lovedOneId, entry?.id, values, saved]);

  const title = entry ? 'Change what you wrote' : `Write for ${name}`;
  return (
    <Page title={title}>
      {kept && (
        <Notice tone="calm">
          <p>What you were writing was kept on this phone, and is here again.</p>
        </Notice>
      )}
      {prompt && !entry && (
        <Notice tone="calm" title="If it helps">
          <p>{prompt}</p>
        </Notice>
      )}
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message ?? photoProblem} />
        <RadioGroup<EntryKind>
          label="What is it?"
          name="kind"
          value={values.kind}
          onChange={set('kind')}
          error={errors.kind}
          options={entryKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
        />
        <TextField
          label="A title"
          name="title"
          optional
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          maxLength={200}
          hint={values.kind === 'letter' ? `For example: Dear ${name}.` : undefined}
        />
        <TextArea
          label={values.kind === 'letter' ? 'Your letter' : 'What you would like to write'}
          name="text"
          rows={14}
          maxLength={ENTRY_TEXT_MAX}
          value={values.text}
          onChange={set('text')}
          error={errors.text}
          hint="Kept on this phone as you type, until it is saved."
        />
        <TextField
          label="The day it is for"
          name="writtenFor"
          type="date"
          optional
          value={values.writtenFor}
          onChange={set('writtenFor')}
          error={errors.writtenFor}
          hint="Today, unless you choose another day."
        />
        <EntryPhotosField
          memberId={memberId}
          entryId={entry?.id}
          saved={entry?.photos ?? []}
          chosen={chosen}
          onChosen={setChosen}
        />
        <p className="meta">
          Only you will see this, and its photos, unless you choose to share it with the family’s adults.
        </p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            Save
          </button>
          <Link className="button secondary" to={`/loved-ones/${lovedOneId}/journal`}>
            Not now
          </Link>
        </div>
      </form>
    </Page>
  );
}
