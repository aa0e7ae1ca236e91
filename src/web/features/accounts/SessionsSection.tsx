import { useState } from 'react';
import { reauthenticateBody, type DeviceSession } from '../../../contracts/accounts.js';
import { TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { LoadError, Loading } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { isApiError, messageOf } from '../../lib/api.js';
import { formatInstant } from '../../lib/format.js';
import { useDeviceSessions, useEndOtherSessions, useEndSession, useReauthenticate } from './mutations.js';

const deviceName = (session: DeviceSession) =>
  `${session.device ?? 'A browser'}${session.childMode ? ' (in child mode)' : ''}`;

/** What the person asked to sign out, waiting for their password when the server wants it again. */
type Ending = { kind: 'one'; session: DeviceSession } | { kind: 'others' };

const needsPassword = (error: unknown) => isApiError(error) && error.code === 'reauthentication_required';

/** "Where you're signed in": each device, when it signed in and was last seen, and signing it out. */
export function SessionsSection() {
  const sessions = useDeviceSessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const [done, setDone] = useState('');
  const [waiting, setWaiting] = useState<Ending | null>(null);
  const list = sessions.data?.sessions ?? [];
  const others = list.filter((s) => !s.current);
  const failed = [endOne.error, endOthers.error].find((e) => e && !needsPassword(e));

  /** Signs out what was asked; when the password is needed again, asks for it first. */
  async function end(ending: Ending): Promise<void> {
    setDone('');
    try {
      if (ending.kind === 'one') await endOne.mutateAsync(ending.session.id);
      else await endOthers.mutateAsync();
      setWaiting(null);
      setDone(
        ending.kind === 'one'
          ? `${deviceName(ending.session)} is signed out.`
          : 'Every other device is signed out. This one stays signed in.',
      );
    } catch (error) {
      if (needsPassword(error)) setWaiting(ending);
      else throw error;
    }
  }

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
                  onClick={() => void end({ kind: 'one', session }).catch(() => undefined)}
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
      {waiting && (
        <PasswordAgain ending={waiting} onConfirmed={() => end(waiting)} onCancel={() => setWaiting(null)} />
      )}
      {others.length > 0 && !waiting && (
        <button
          type="button"
          className="button secondary"
          disabled={endOthers.isPending}
          onClick={() => void end({ kind: 'others' }).catch(() => undefined)}
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

/** "Please type your password again": asked before signing out another device, now and then. */
function PasswordAgain({
  ending,
  onConfirmed,
  onCancel,
}: {
  ending: Ending;
  onConfirmed: () => Promise<void>;
  onCancel: () => void;
}) {
  const reauthenticate = useReauthenticate();
  const form = useForm({
    initial: { currentPassword: '' },
    schema: reauthenticateBody,
    toBody: (v) => v,
    onSubmit: async (body) => {
      await reauthenticate.mutateAsync(body);
      await onConfirmed();
    },
  });
  const what = ending.kind === 'one' ? deviceName(ending.session) : 'every other device';
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => void form.handleSubmit(e)}
      aria-labelledby="again-heading"
    >
      <h3 id="again-heading">Please type your password</h3>
      <p>To keep your account safe, we ask for it again before signing out {what}.</p>
      <FormNotice message={form.message} />
      <TextField
        label="Your password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={form.values.currentPassword}
        onChange={form.set('currentPassword')}
        error={form.errors.currentPassword}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Signing out…' : `Sign out ${what}`}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Not now
        </button>
      </div>
    </form>
  );
}
