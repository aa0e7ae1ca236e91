import { useEffect, useMemo, useState } from 'react';
import { ENTRY_PHOTOS_MAX, type EntryPhoto } from '../../../contracts/journal.js';
import { FormNotice } from '../../components/Notice.js';
import { PhotoPicker } from '../../components/PhotoPicker.js';
import { useKeptUploads } from '../../lib/kept-uploads.js';
import { photoProblem } from '../../lib/uploads.js';
import { entryPhotoWords } from './EntryPhotos.js';
import { useRemoveEntryPhoto } from './mutations.js';

// Photos on the entry being written: those already with it (each can be taken off at once), those
// chosen now (added when the entry is saved, through the upload queue), and those waiting on this
// phone for signal. No photo is needed; they are as private as the entry.

interface Props {
  memberId: string;
  entryId: string | undefined;
  saved: EntryPhoto[];
  chosen: File[];
  onChosen: (files: File[]) => void;
}

export function EntryPhotosField({ memberId, entryId, saved, chosen, onChosen }: Props) {
  const remove = useRemoveEntryPhoto();
  const [problem, setProblem] = useState<string | null>(null);
  const kept = useKeptUploads(memberId, 'memory-box');
  const forThis = (target: { kind: string; entryId?: string }) =>
    entryId !== undefined && target.kind === 'entryPhoto' && target.entryId === entryId;
  const waiting = kept.waiting.filter((u) => forThis(u.target)).length;
  const refused = kept.refused.filter((u) => forThis(u.target));
  const room = ENTRY_PHOTOS_MAX - saved.length - chosen.length - waiting;

  return (
    <fieldset className="stack">
      <legend>Photos</legend>
      <FormNotice message={problem} />
      {saved.length === 0 && chosen.length === 0 && waiting === 0 && (
        <p className="meta">No photos with this yet. You can add some if you would like to.</p>
      )}
      {saved.length > 0 && (
        <ul className="entry-photos" aria-label="Photos with this entry">
          {saved.map((photo, i) => (
            <li key={photo.id}>
              <img src={photo.thumbnailUrl} alt={entryPhotoWords(i, saved.length)} loading="lazy" />
              <button
                type="button"
                className="button quiet small"
                disabled={remove.isPending}
                onClick={() => {
                  setProblem(null);
                  remove.mutate(photo.id, {
                    onError: () =>
                      setProblem('That photo could not be taken off just now. Please try again in a moment.'),
                  });
                }}
              >
                Remove <span className="visually-hidden">{entryPhotoWords(i, saved.length)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <ul className="entry-photos" aria-label="Photos to add when you save">
          {chosen.map((file, i) => (
            <ChosenPhoto
              key={`${file.name}-${i}`}
              file={file}
              words={`Photo ${i + 1} you chose, added when you save`}
              onRemove={() => onChosen(chosen.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
      )}
      {waiting > 0 && (
        <p role="status" className="meta">
          {waiting === 1 ? 'One photo is' : `${waiting} photos are`} kept on this phone and will be added when
          there is signal.
        </p>
      )}
      {refused.map((upload) => (
        <p key={upload.key} className="meta">
          A photo could not be added: {upload.refused}
        </p>
      ))}
      {room > 0 ? (
        <PhotoPicker
          key={chosen.length}
          label="Add a photo"
          optional
          hint="Places and camera details are taken out. Only those who can read this entry see it."
          value={null}
          check={photoProblem}
          previewAlt="The photo you chose"
          onChange={(file) => {
            if (file) onChosen([...chosen, file]);
          }}
        />
      ) : (
        <p className="meta">This entry holds as many photos as it can ({ENTRY_PHOTOS_MAX}).</p>
      )}
    </fieldset>
  );
}

function ChosenPhoto({ file, words, onRemove }: { file: File; words: string; onRemove: () => void }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <li>
      <img src={url} alt={words} />
      <button type="button" className="button quiet small" onClick={onRemove}>
        Remove <span className="visually-hidden">{words}</span>
      </button>
    </li>
  );
}
