import { useState } from 'react';
import type { DeviceSession } from '../../../contracts/accounts.js';
import { Notice } from '../../components/Notice.js';
import { LoadError, Loading } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { formatInstant } from '../../lib/format.js';
import { useDeviceSessions, useEndOtherSessions, useEndSession } from './mutations.js';

const deviceName = (session: DeviceSession) => session.device ?? 'A browser';

/** "Where you're signed in": each device, when it signed in and was last seen, and signing it out. */
export function SessionsSection() {
  const sessions = useDeviceSessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const [done, setDone] = useState('');
  const list = sessions.data?.sessions ?? [];
  const others = list.filter((s) => !s.current);
  const failed = endOne.error ?? endOthers.error;

  return (
    <section aria-labelledby="sessions-heading" className="card">
      <h2 id="sessions-heading">Where you&apos;re signed in</h2>
      <p>If you see a phone or computer you no longer use, or do not know, you can sign it out here.</p>
      {sessions.isPending ? (
        <Loading label="Finding where you are signed in…" lines={2} />
      ) : sessions.isError ? (
        <LoadError
          error={sessions.error}
          what="where you are signed in"
          onRetry={() => void sessions.refetch()}
        />
      ) : (
        <ul className="card-list" aria-label="Devices signed in to your account">
          {list.map((session) => (
            <li key={session.id}>
              <p className="card-title">
                {deviceName(session)}{' '}
                {session.current && <span className="tag done">This phone or browser</span>}
              </p>
              <p className="meta">
                Signed in {formatInstant(session.signedInAt)}. Last seen {formatInstant(session.lastSeenAt)}.
              </p>
              {!session.current && (
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Sign out ${deviceName(session)}, signed in ${formatInstant(session.signedInAt)}`}
                  disabled={endOne.isPending && endOne.variables === session.id}
                  onClick={() => {
                    setDone('');
                    endOne.mutate(session.id, {
                      onSuccess: () => setDone(`${deviceName(session)} is signed out.`),
                    });
                  }}
                >
                  {endOne.isPending && endOne.variables === session.id ? 'Signing out…' : 'Sign out'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {failed && (
        <Notice tone="warm" alert>
          <p>{messageOf(failed)}</p>
        </Notice>
      )}
      {others.length > 0 && (
        <button
          type="button"
          className="button secondary"
          disabled={endOthers.isPending}
          onClick={() => {
            setDone('');
            endOthers.mutate(undefined, {
              onSuccess: () => setDone('Every other device is signed out. This one stays signed in.'),
            });
          }}
        >
          {endOthers.isPending ? 'Signing out…' : 'Sign out everywhere else'}
        </button>
      )}
      <p role="status" className="meta">
        {done}
      </p>
    </section>
  );
}
