import { Notice } from '../../components/Notice.js';
import { listWords } from '../../lib/format.js';
import { useKeptUploads } from '../../lib/kept-uploads.js';
import { forgetUpload, type KeptUpload } from '../../lib/uploads.js';

// The drawings and voice notes for one loved one that wait on this phone for signal, said calmly,
// and any the server would not take, with its reason: those stay on the phone until the person lets
// them go (a voice note recorded here has no other copy).

const what = (upload: KeptUpload) => (upload.target.kind === 'voice' ? 'voice note' : 'drawing');

const counted = (uploads: readonly KeptUpload[], kind: 'drawing' | 'voice note') => {
  const n = uploads.filter((u) => what(u) === kind).length;
  return n === 0 ? [] : [`${n} ${kind}${n === 1 ? '' : 's'}`];
};

/** "Waiting to send 1 drawing and 1 voice note — they’re safe on this phone." */
export function waitingWords(uploads: readonly KeptUpload[]): string {
  const things = [...counted(uploads, 'drawing'), ...counted(uploads, 'voice note')];
  return `Waiting to send ${listWords(things)} — ${uploads.length === 1 ? 'it’s' : 'they’re'} safe on this phone.`;
}

export function KeptForTheBox({
  owner,
  lovedOneId,
  big = false,
}: {
  owner: string;
  lovedOneId: string;
  big?: boolean;
}) {
  const kept = useKeptUploads(owner, 'memory-box');
  const forThem = (u: KeptUpload) =>
    (u.target.kind === 'drawing' || u.target.kind === 'voice') && u.target.lovedOneId === lovedOneId;
  const waiting = kept.waiting.filter(forThem);
  const refused = kept.refused.filter(forThem);
  return (
    <div className="stack">
      <div role="status" className={big ? 'child-words' : 'meta'}>
        {waiting.length > 0 && <p>{waitingWords(waiting)}</p>}
      </div>
      {refused.map((upload) => (
        <Notice key={upload.key} tone="warm">
          <p>
            This {what(upload)} could not be kept: {upload.refused} It is still on this phone
            {big ? '; a grown-up can help.' : '.'}
          </p>
          <button
            type="button"
            className={big ? 'button secondary child-button' : 'button secondary small'}
            onClick={() => void forgetUpload(upload.key)}
          >
            Take it off this phone
          </button>
        </Notice>
      ))}
    </div>
  );
}
