import type { DeviceSession } from '../../../contracts/accounts.js';
import { isoNow, type Clock } from '../../clock.js';
import { notFound } from '../../errors.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AuthContext } from './auth-context.js';

/**
 * Where a person is signed in, and ending those sessions. A session is named outside the server
 * only by its public id: the stored id is the hash of the cookie's token and never leaves.
 */
export function deviceSessionsService({ repo, clock }: { repo: AccountsRepository; clock: Clock }) {
  return {
    async list(auth: AuthContext): Promise<DeviceSession[]> {
      const rows = await repo.listSessionsOfUser(auth.userId, isoNow(clock));
      return rows.map((row) => ({
        id: row.public_id,
        device: row.device,
        signedInAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        current: row.id === auth.sessionId,
      }));
    },

    /**
     * Ends one of the person's own sessions (404 for anyone else's, as if it did not exist).
     * Answers whether it was the session asking, whose cookie then goes too.
     */
    async end(auth: AuthContext, publicId: string): Promise<{ wasCurrent: boolean }> {
      const id = await repo.deleteSessionOfUser(auth.userId, publicId);
      if (!id) throw notFound('That sign-in has already ended.');
      return { wasCurrent: id === auth.sessionId };
    },

    /** Signs the person out everywhere but here. */
    endOthers(auth: AuthContext): Promise<unknown> {
      return repo.deleteSessionsOfUser(auth.userId, auth.sessionId);
    },
  };
}

export type DeviceSessionsService = ReturnType<typeof deviceSessionsService>;
