import { useState } from 'react';
import type { Ritual } from '../../../contracts/rituals.js';
import { useCan } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { Notice } from '../../components/Notice.js';
import { Loading, LoadError } from '../../components/Page.js';
import { formatMoment } from '../../lib/format.js';
import { failureOf } from '../../lib/forms.js';
import { possessive } from '../../lib/words.js';
import { useRemoveRitual, useRitualMarks, useRituals } from './mutations.js';
import { RitualForm } from './RitualForm.js';
import { remindLine, whenLine } from './words.js';

/** A loved one's rituals (add, change, remove) and, when asked, what the family has done. */
export function RitualsSection({ lovedOneId, lovedOneName }: { lovedOneId: string; lovedOneName: string }) {
  const write = useCan('rituals.write');
  const rituals = useRituals(lovedOneId);
  const remove = useRemoveRitual(lovedOneId);
  const [editing, setEditing] = useState<Ritual | 'new' | null>(null);
  const [showDone, setShowDone] = useState(false);
  const [dialog, ask] = useConfirm();

  const removeRitual = async (ritual: Ritual) => {
    const yes = await ask({
      title: `Remove “${ritual.title}”?`,
      body: (
        <p>Its card will no longer come round. What your family has done stays in your memories, not here.</p>
      ),
      confirmLabel: 'Remove the ritual',
      cancelLabel: 'Keep it',
    });
    if (yes) remove.mutate(ritual.id);
  };

  return (
    <section aria-labelledby="rituals-heading">
      {dialog}
      <div className="section-head">
        <h2 id="rituals-heading">Rituals</h2>
      </div>
      {remove.error && (
        <Notice tone="warm" alert>
          <p>{failureOf(remove.error).message}</p>
        </Notice>
      )}
      {rituals.isPending ? (
        <Loading lines={2} />
      ) : rituals.isError ? (
        <LoadError error={rituals.error} what="the rituals" onRetry={() => void rituals.refetch()} />
      ) : (
        <>
          {rituals.data.rituals.length === 0 && editing === null && (
            <p className="meta">
              Something your family does for {lovedOneName}, like setting out a glass of water wherever you
              arrive. Alongside brings it to mind when the time comes.
            </p>
          )}
          <ul className="card-list">
            {rituals.data.rituals.map((ritual) =>
              editing !== 'new' && editing?.id === ritual.id ? (
                <li key={ritual.id}>
                  <RitualForm
                    lovedOneId={lovedOneId}
                    lovedOneName={lovedOneName}
                    ritual={ritual}
                    onDone={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={ritual.id} className="card">
                  <h3 className="card-title">{ritual.title}</h3>
                  <p>{ritual.whatToDo}</p>
                  <p className="meta">{whenLine(ritual)}</p>
                  {ritual.remind && <p className="meta">{remindLine(ritual)}</p>}
                  {ritual.whoUsually && <p className="meta">Usually: {ritual.whoUsually}</p>}
                  {ritual.childrenPart && <p className="meta">For the children: {ritual.childrenPart}</p>}
                  {write && (
                    <div className="button-row">
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => setEditing(ritual)}
                      >
                        Change
                      </button>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => void removeRitual(ritual)}
                      >
                        Remove
                      </button>
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
          {editing === 'new' ? (
            <RitualForm lovedOneId={lovedOneId} lovedOneName={lovedOneName} onDone={() => setEditing(null)} />
          ) : (
            <div className="button-row">
              {write && (
                <button type="button" className="button" onClick={() => setEditing('new')}>
                  Add a ritual
                </button>
              )}
              {rituals.data.rituals.length > 0 && (
                <button
                  type="button"
                  className="button secondary"
                  aria-expanded={showDone}
                  onClick={() => setShowDone((shown) => !shown)}
                >
                  What we have done
                </button>
              )}
            </div>
          )}
          {showDone && <WhatWeHaveDone lovedOneId={lovedOneId} lovedOneName={lovedOneName} />}
        </>
      )}
    </section>
  );
}

function WhatWeHaveDone({ lovedOneId, lovedOneName }: { lovedOneId: string; lovedOneName: string }) {
  const marks = useRitualMarks(lovedOneId, true);
  return (
    <section aria-labelledby="done-heading">
      <h3 id="done-heading">What we have done for {lovedOneName}</h3>
      {marks.isPending ? (
        <Loading lines={2} />
      ) : marks.isError ? (
        <LoadError error={marks.error} what="what you have done" onRetry={() => void marks.refetch()} />
      ) : marks.data.marks.length === 0 ? (
        <p className="meta">When you mark a ritual done, it is kept here, newest first.</p>
      ) : (
        <ul className="card-list">
          {marks.data.marks.map((mark) => (
            <li key={mark.id} className="card">
              <h4 className="card-title">{mark.ritualTitle}</h4>
              <p className="meta">
                <time dateTime={mark.dueAt}>{formatMoment(mark.dueAt)}</time>
              </p>
              {mark.tookPart && <p>{mark.tookPart}</p>}
              {mark.line && <p>{mark.line}</p>}
              {mark.mediaId && (
                <img
                  className="ritual-photo"
                  src={`/api/media/${mark.mediaId}/thumbnail`}
                  alt={`A photo from ${possessive(lovedOneName)} ritual`}
                  loading="lazy"
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
