import type { EntryPhoto } from '../../../contracts/journal.js';

// An entry's photos as small pictures, each opening the photo as kept. Served only by the journal's
// own routes, so they reach exactly those who may read the entry.

/** Words for a photo on an entry, for its alt text and its buttons. */
export const entryPhotoWords = (index: number, count: number) =>
  count === 1 ? 'The photo with this entry' : `Photo ${index + 1} of ${count} with this entry`;

export function EntryPhotos({ photos }: { photos: EntryPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="entry-photos" aria-label="Photos">
      {photos.map((photo, i) => (
        <li key={photo.id}>
          <a href={photo.url} target="_blank" rel="noreferrer">
            <img
              src={photo.thumbnailUrl}
              alt={entryPhotoWords(i, photos.length)}
              width={photo.width}
              height={photo.height}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
