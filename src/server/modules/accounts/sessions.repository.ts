import type { Db } from '../../../db/connect.js';
import { preparedFirst } from '../../../db/prepared.js';
import {
  storedRole,
  type DeviceSessionRecord,
  type Session,
  type SessionContext,
} from './accounts.records.js';

// Sessions: where each person is signed in, read once per request (ARCHITECTURE.md, "auth").

interface SessionContextRow {
  id: string;
  user_id: string;
  membership_id: string;
  family_id: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  role: string;
  display_name: string;
  revision: number;
  child_profile_id: string | null;
}

const sessionContextFromRow = (row: SessionContextRow): SessionContext => ({
  id: row.id,
  userId: row.user_id,
  membershipId: row.membership_id,
  familyId: row.family_id,
  lastSeenAt: row.last_seen_at,
  idleExpiresAt: row.idle_expires_at,
  expiresAt: row.expires_at,
  role: storedRole(row.role),
  displayName: row.display_name,
  familyRevision: Number(row.revision),
  childProfileId: row.child_profile_id,
});

export function sessionsRepository(database: Pick<Db, 'kysely' | 'readFirstCompiled'>) {
  const db = database.kysely;
  const readSessionContext = preparedFirst<[string], SessionContextRow>(database, (id) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('memberships as m', 'm.id', 's.membership_id')
      .innerJoin('families as f', 'f.id', 's.family_id')
      .select([
        's.id',
        's.user_id',
        's.membership_id',
        's.family_id',
        's.last_seen_at',
        's.idle_expires_at',
        's.expires_at',
        'm.role',
        'm.display_name',
        'f.revision',
        's.child_profile_id',
      ])
      .where('s.id', '=', id)
      // A member who left or was removed has no sessions; this keeps it so even mid-change.
      .where('m.removed_at', 'is', null),
  );

  return {
    insertSession(session: Session): Promise<unknown> {
      return db
        .insertInto('sessions')
        .values({
          id: session.id,
          public_id: session.publicId,
          device: session.device,
          user_id: session.userId,
          membership_id: session.membershipId,
          family_id: session.familyId,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          authenticated_at: session.authenticatedAt,
          idle_expires_at: session.idleExpiresAt,
          expires_at: session.expiresAt,
          child_profile_id: session.childProfileId ?? null,
          exit_pin_hash: session.exitPinHash ?? null,
        })
        .execute();
    },

    /** One indexed read per request: the session, the member's role, and the family's revision. */
    async findSessionContext(id: string): Promise<SessionContext | undefined> {
      const row = await readSessionContext(id);
      return row && sessionContextFromRow(row);
    },

    touchSession(id: string, lastSeenAt: string, idleExpiresAt: string): Promise<unknown> {
      return db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
        .where('id', '=', id)
        .execute();
    },

    /** A child-mode session's PIN hash, and the parent who started it (child-mode.service.ts). */
    async findChildModeSession(
      id: string,
    ): Promise<{ userId: string; membershipId: string; exitPinHash: string | null } | undefined> {
      const row = await db
        .selectFrom('sessions')
        .select(['user_id', 'membership_id', 'exit_pin_hash'])
        .where('id', '=', id)
        .where('child_profile_id', 'is not', null)
        .executeTakeFirst();
      return row && { userId: row.user_id, membershipId: row.membership_id, exitPinHash: row.exit_pin_hash };
    },

    deleteSession(id: string): Promise<unknown> {
      return db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    /** Ends every session of this person but one (the one changing the password, if any). */
    deleteSessionsOfUser(userId: string, keepSessionId: string | null): Promise<unknown> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepSessionId) query = query.where('id', '!=', keepSessionId);
      return query.execute();
    },

    deleteExpiredSessions(nowIso: string): Promise<unknown> {
      return db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('idle_expires_at', '<=', nowIso)]))
        .execute();
    },

    /** A person's sessions still in force, newest first: for "Where you're signed in". */
    async listSessionsOfUser(userId: string, nowIso: string): Promise<DeviceSessionRecord[]> {
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'public_id', 'device', 'created_at', 'last_seen_at', 'child_profile_id'])
        .where('user_id', '=', userId)
        .where('expires_at', '>', nowIso)
        .where('idle_expires_at', '>', nowIso)
        .orderBy('last_seen_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        publicId: row.public_id,
        device: row.device,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        childMode: row.child_profile_id !== null,
      }));
    },

    /** One of this person's sessions, by its public id. */
    async findSessionOfUser(
      userId: string,
      publicId: string,
    ): Promise<Pick<Session, 'id' | 'authenticatedAt'> | undefined> {
      const row = await db
        .selectFrom('sessions')
        .select(['id', 'authenticated_at'])
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .executeTakeFirst();
      return row && { id: row.id, authenticatedAt: row.authenticated_at };
    },

    /** When the password was last given in this session; undefined when there is no such session. */
    async findSessionAuthenticatedAt(id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('sessions')
        .select('authenticated_at')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.authenticated_at;
    },

    setSessionAuthenticatedAt(id: string, iso: string): Promise<unknown> {
      return db.updateTable('sessions').set({ authenticated_at: iso }).where('id', '=', id).execute();
    },

    /** Ends one of this person's sessions by its public id; answers its stored id, if there was one. */
    async deleteSessionOfUser(userId: string, publicId: string): Promise<string | undefined> {
      const row = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },
  };
}
