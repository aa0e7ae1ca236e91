import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { OfflineIcon } from '../components/icons.js';
import { dismissNotSaved } from '../lib/outbox.js';
import { newerVersionSeen, onNewerVersion } from '../lib/client.js';
import { flushOutbox, useOnline, useOutbox } from '../lib/outbox-sync.js';
import { useSignedIn } from './session.js';

const SAVED_NOTE_MS = 8_000;

const waitingWords = (count: number): string =>
  count === 1 ? 'One change is waiting to be saved.' : `${count} changes are waiting to be saved.`;

/**
 * A calm line at the top of every page when there is no signal or changes wait to be sent, or when
 * Alongside was updated while this page stayed open (an answer it can no longer read). It is a
 * polite live region that is always there, so a screen reader hears each change to it.
 */
export function OfflineBanner() {
  const { member } = useSignedIn();
  const client = useQueryClient();
  const online = useOnline();
  const outbox = useOutbox(member.id);
  const count = outbox.waiting.length;
  const savedNote = useSavedNote(online, count);
  const newer = useSyncExternalStore(onNewerVersion, newerVersionSeen);

  let body = null;
  if (!online) {
    body = (
      <div className="connection-banner">
        <OfflineIcon />
        <div>
          <p className="notice-title">You&rsquo;re offline.</p>
          <p>Ticks are kept on this phone and saved when you&rsquo;re back online.</p>
          {count > 0 && <p className="waiting-count">{waitingWords(count)}</p>}
        </div>
      </div>
    );
  } else if (count > 0) {
    body = (
      <div className="connection-banner">
        <div>
          <p className="waiting-count">{waitingWords(count)}</p>
          {outbox.sending ? (
            <p>Saving the changes you made without signal…</p>
          ) : (
            <>
              <p>
                {outbox.stopped === 'server'
                  ? 'Alongside could not take them just now. We will try again in a moment.'
                  : 'We could not reach Alongside yet. They are kept on this phone.'}
              </p>
              <button
                type="button"
                className="button secondary small"
                onClick={() => void flushOutbox(client)}
              >
                Try again now
              </button>
            </>
          )}
        </div>
      </div>
    );
  } else if (savedNote) {
    body = (
      <div className="connection-banner done">
        <p>The changes you made without signal are saved.</p>
      </div>
    );
  }

  return (
    <div className="connection-status" role="status">
      {newer && (
        <div className="connection-banner">
          <div>
            <p className="notice-title">Alongside has been updated.</p>
            <p>
              Part of this page needs the new version. Reload when you&rsquo;re ready: what you have saved is
              kept{count > 0 ? ', and so are the changes waiting on this phone' : ''}.
            </p>
            <button type="button" className="button secondary small" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </div>
        </div>
      )}
      {body}
      {outbox.notSaved.map((note) => (
        <div key={note.id} className="connection-banner warm">
          <div>
            <p>We could not save one change. {note.text}</p>
            <button type="button" className="button secondary small" onClick={() => dismissNotSaved(note.id)}>
              OK<span className="visually-hidden">, I have read this</span>
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

/** True for a few seconds after the last waiting change was saved. */
function useSavedNote(online: boolean, count: number): boolean {
  const [before, setBefore] = useState(count);
  // How many times the note has been shown; 0 while it is hidden.
  const [shown, setShown] = useState(0);
  if (before !== count) {
    // Adjusting state while rendering, from the previous render's count (no effect needed).
    setBefore(count);
    if (online && before > 0 && count === 0) setShown((n) => n + 1);
  }
  useEffect(() => {
    if (shown === 0) return;
    const timer = window.setTimeout(() => setShown(0), SAVED_NOTE_MS);
    return () => window.clearTimeout(timer);
  }, [shown]);
  return shown > 0;
}
