import { useState } from 'react';
import { useParams } from 'react-router';
import type { MemoryItem } from '../../../contracts/memory-box.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { FormNotice } from '../../components/Notice.js';
import { EmptyState, LoadError, Loading, Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { useSendWaitingUploads } from '../../lib/kept-uploads.js';
import { useCan, useSignedIn } from '../../app/session.js';
import { AddDrawing, WriteLetter } from './AddToBox.js';
import { KeptForTheBox } from './KeptForTheBox.js';
import { Drawings, Letters, VoiceNotes } from './MemoryItems.js';
import { RecordVoiceNote } from './RecordVoiceNote.js';
import { useKeepForParents, useMemoryBox, useRemoveItem } from './mutations.js';
import { kindWord } from './words.js';

// A loved one's memory box for the family: the children's drawings as a gallery with their plaques,
// their letters, and (for the parents) keeping an item for themselves or removing it, asked kindly
// first. A teen adds here too; a younger child adds in child mode.

export function MemoryBoxPage() {
  const { lovedOneId = '' } = useParams();
  const box = useMemoryBox();
  const manages = useCan('memoryBox.manage');
  const adds = useCan('memoryBox.add');
  const owner = useSignedIn().member.id;
  // What waits on this phone goes when signal returns (the outbox does it from every page too).
  useSendWaitingUploads(owner);
  const [adding, setAdding] = useState<'letter' | 'voice' | null>(null);
  if (box.isPending)
    return (
      <Page title="Memory box" busy>
        <Loading />
      </Page>
    );
  // A box read before stays on screen when a later read fails (no signal).
  if (box.isError && !box.data)
    return (
      <Page title="Memory box">
        <LoadError error={box.error} what="the memory box" onRetry={() => void box.refetch()} />
      </Page>
    );
  const lovedOne = box.data.lovedOnes.find((one) => one.id === lovedOneId);
  const name = lovedOne?.displayName ?? 'them';
  const items = box.data.items.filter((item) => item.lovedOneId === lovedOneId);
  const drawings = items.filter((item) => item.kind === 'drawing');
  const letters = items.filter((item) => item.kind === 'letter');
  const voiceNotes = items.filter((item) => item.kind === 'voice');
  const actions = manages ? (item: MemoryItem) => <ParentActions item={item} name={name} /> : undefined;
  return (
    <Page
      title={`${name}’s memory box`}
      lead={
        <p>
          Drawings, letters and voice notes for {name}.
          {manages && ' You can keep anything here for the parents only.'}
        </p>
      }
    >
      {adds && (
        <section className="card stack" aria-labelledby="add-heading">
          <h2 id="add-heading">Add to the memory box</h2>
          <AddDrawing lovedOneId={lovedOneId} owner={owner} />
          <KeptForTheBox lovedOneId={lovedOneId} owner={owner} />
          {adding === 'letter' ? (
            <WriteLetter lovedOneId={lovedOneId} name={name} onDone={() => setAdding(null)} />
          ) : adding === 'voice' ? (
            <RecordVoiceNote
              lovedOneId={lovedOneId}
              owner={owner}
              name={name}
              onDone={() => setAdding(null)}
            />
          ) : (
            <div className="button-row">
              <button type="button" className="button secondary" onClick={() => setAdding('letter')}>
                Write a letter to {name}
              </button>
              <button type="button" className="button secondary" onClick={() => setAdding('voice')}>
                Record a voice note
              </button>
            </div>
          )}
        </section>
      )}
      {items.length === 0 && (
        <EmptyState title="Nothing here yet">
          <p>When a drawing, a letter or a voice note is added, it will be kept here for {name}.</p>
        </EmptyState>
      )}
      {drawings.length > 0 && (
        <section aria-labelledby="drawings-heading" className="stack">
          <h2 id="drawings-heading">Drawings</h2>
          <Drawings items={drawings} actions={actions} />
        </section>
      )}
      {letters.length > 0 && (
        <section aria-labelledby="letters-heading" className="stack">
          <h2 id="letters-heading">Letters</h2>
          <Letters items={letters} actions={actions} />
        </section>
      )}
      {voiceNotes.length > 0 && (
        <section aria-labelledby="voice-heading" className="stack">
          <h2 id="voice-heading">Voice notes</h2>
          <VoiceNotes items={voiceNotes} actions={actions} />
        </section>
      )}
    </Page>
  );
}

function ParentActions({ item, name }: { item: MemoryItem; name: string }) {
  const keep = useKeepForParents();
  const remove = useRemoveItem();
  const [dialog, ask] = useConfirm();
  const what = kindWord(item);
  const error = keep.error ?? remove.error;
  return (
    <div className="stack">
      {dialog}
      <div className="button-row">
        <button
          type="button"
          className="button quiet"
          disabled={keep.isPending}
          onClick={() => keep.mutate({ memoryItemId: item.id, parentsOnly: !item.parentsOnly })}
        >
          {item.parentsOnly ? `Share this ${what} with the family` : `Keep this ${what} for the parents`}
        </button>
        <button
          type="button"
          className="button quiet"
          disabled={remove.isPending}
          onClick={() =>
            void ask({
              title: `Remove this ${what}?`,
              body: `It will no longer be in ${name}’s memory box, for anyone. This can’t be undone.`,
              confirmLabel: 'Remove it',
              cancelLabel: 'Keep it',
            }).then((yes) => yes && remove.mutate(item.id))
          }
        >
          Remove…
        </button>
      </div>
      {error && <FormNotice message={messageOf(error)} />}
    </div>
  );
}
