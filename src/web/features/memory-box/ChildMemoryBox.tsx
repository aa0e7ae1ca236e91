import { useState } from 'react';
import { LoadError, Loading } from '../../components/Page.js';
import { useSendWaitingUploads } from '../../lib/kept-uploads.js';
import { AddDrawing, WriteLetter } from './AddToBox.js';
import { KeptForTheBox } from './KeptForTheBox.js';
import { Drawings, Letters, VoiceNotes } from './MemoryItems.js';
import { RecordVoiceNote } from './RecordVoiceNote.js';
import { useMemoryBox } from './mutations.js';

// Child mode's memory box: big buttons to add a drawing or start a letter for someone who died, and
// what is already in the box. Short, warm words; "Not today" is always there and nothing is said
// about choosing it. A drawing or a voice note made with no signal waits on the phone as the child's
// (`child:<id>`), and is sent by child mode when signal returns, so it keeps the child's name.

/** Whose a child's drawings are on this phone while they wait for signal (lib/uploads.ts). */
export const childOwner = (childProfileId: string) => `child:${childProfileId}`;

export function ChildMemoryBox({ childProfileId }: { childProfileId: string }) {
  const box = useMemoryBox();
  const [chosenId, setChosenId] = useState<string | null>(null);
  // Child mode has no outbox running: what waits on this phone goes from here when signal returns.
  useSendWaitingUploads(childOwner(childProfileId));
  if (box.isPending) return <Loading label="Opening the memory box…" lines={1} />;
  // A box read before stays on screen when a later read fails (no signal).
  if (box.isError && !box.data)
    return <LoadError error={box.error} what="the memory box" onRetry={() => void box.refetch()} />;
  const { lovedOnes, items } = box.data;
  if (lovedOnes.length === 0) return null;
  const chosen = lovedOnes.length === 1 ? lovedOnes[0]! : lovedOnes.find((one) => one.id === chosenId);
  return (
    <section className="card stack child-card" aria-labelledby="memory-box-heading">
      <h2 id="memory-box-heading">{chosen ? `${chosen.displayName}’s memory box` : 'The memory box'}</h2>
      {!chosen ? (
        <>
          <p className="child-words">Who would you like to make something for?</p>
          <div className="child-buttons">
            {lovedOnes.map((one) => (
              <button
                key={one.id}
                type="button"
                className="button child-button"
                onClick={() => setChosenId(one.id)}
              >
                {one.displayName}
              </button>
            ))}
          </div>
        </>
      ) : (
        <ChildBoxFor
          owner={childOwner(childProfileId)}
          lovedOne={chosen}
          items={items.filter((item) => item.lovedOneId === chosen.id)}
          onBack={lovedOnes.length > 1 ? () => setChosenId(null) : undefined}
        />
      )}
    </section>
  );
}

type Box = NonNullable<ReturnType<typeof useMemoryBox>['data']>;

function ChildBoxFor({
  owner,
  lovedOne,
  items,
  onBack,
}: {
  owner: string;
  lovedOne: Box['lovedOnes'][number];
  items: Box['items'];
  onBack: (() => void) | undefined;
}) {
  const [doing, setDoing] = useState<'choose' | 'letter' | 'voice' | 'rest'>('choose');
  const name = lovedOne.displayName;
  const drawings = items.filter((item) => item.kind === 'drawing');
  const letters = items.filter((item) => item.kind === 'letter');
  const voiceNotes = items.filter((item) => item.kind === 'voice');
  return (
    <div className="stack">
      <KeptForTheBox owner={owner} lovedOneId={lovedOne.id} big />
      {doing === 'letter' ? (
        <WriteLetter lovedOneId={lovedOne.id} name={name} big onDone={() => setDoing('choose')} />
      ) : doing === 'voice' ? (
        <RecordVoiceNote
          lovedOneId={lovedOne.id}
          owner={owner}
          name={name}
          big
          onDone={() => setDoing('choose')}
        />
      ) : doing === 'rest' ? (
        <div className="stack">
          <p className="child-words">That’s fine. The memory box is here whenever you like.</p>
          <p>
            <button
              type="button"
              className="button secondary child-button"
              onClick={() => setDoing('choose')}
            >
              Back to the memory box
            </button>
          </p>
        </div>
      ) : (
        <>
          <p className="child-words">
            You can add a drawing, write to {name} or say something. Only if you want to.
          </p>
          <AddDrawing lovedOneId={lovedOne.id} owner={owner} big />
          <div className="child-buttons">
            <button type="button" className="button child-button" onClick={() => setDoing('letter')}>
              Write to {name}
            </button>
            <button type="button" className="button child-button" onClick={() => setDoing('voice')}>
              Say something to {name}
            </button>
            <button type="button" className="button secondary child-button" onClick={() => setDoing('rest')}>
              Not today
            </button>
            {onBack && (
              <button type="button" className="button quiet child-button" onClick={onBack}>
                Someone else
              </button>
            )}
          </div>
        </>
      )}
      {drawings.length > 0 && (
        <>
          <h3>Drawings</h3>
          <Drawings items={drawings} />
        </>
      )}
      {letters.length > 0 && (
        <>
          <h3>Letters</h3>
          <Letters items={letters} />
        </>
      )}
      {voiceNotes.length > 0 && (
        <>
          <h3>Voice notes</h3>
          <VoiceNotes items={voiceNotes} />
        </>
      )}
    </div>
  );
}
