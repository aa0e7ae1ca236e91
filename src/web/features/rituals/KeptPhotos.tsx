import { useSignedIn } from '../../app/session.js';
import { Notice } from '../../components/Notice.js';
import { useKeptUploads } from '../../lib/kept-uploads.js';
import { forgetUpload } from '../../lib/uploads.js';

const waitingWords = (count: number) =>
  count === 1
    ? 'Waiting to send 1 photo — it’s safe on this phone.'
    : `Waiting to send ${count} photos — they’re safe on this phone.`;

/**
 * The photos kept on this phone: those waiting for signal, said calmly, and any the server would
 * not take, with its reason. A refused photo stays on the phone until the person lets it go.
 */
export function KeptPhotos() {
  const { member } = useSignedIn();
  const { waiting, refused } = useKeptUploads(member.id, 'photos');
  if (waiting.length === 0 && refused.length === 0) return null;
  return (
    <div className="stack">
      {waiting.length > 0 && (
        <p className="meta" role="status">
          {waitingWords(waiting.length)}
        </p>
      )}
      {refused.map((photo) => (
        <Notice key={photo.key} tone="warm">
          <p>
            One photo could not be kept: {photo.refused} The ritual was saved without it; the photo is still
            on this phone.
          </p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => void forgetUpload(photo.key)}
          >
            Take it off this phone
          </button>
        </Notice>
      ))}
    </div>
  );
}
