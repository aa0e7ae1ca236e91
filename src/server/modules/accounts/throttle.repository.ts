import type { Db } from '../../../db/connect.js';
import type { Row } from '../../../db/schema.js';
import type { Throttle } from './accounts.records.js';

// The sign-in throttle's counts, per hashed address (throttle.ts decides what they mean).

const throttleFromRow = (row: Row<'auth_throttle'>): Throttle => ({
  key: row.key,
  failures: row.failures,
  lockedUntil: row.locked_until,
  updatedAt: row.updated_at,
});

export function throttleRepository(database: Pick<Db, 'kysely'>) {
  const db = database.kysely;
  return {
    async findThrottle(key: string): Promise<Throttle | undefined> {
      const row = await db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      return row && throttleFromRow(row);
    },

    async saveThrottle(throttle: Throttle): Promise<void> {
      const row = {
        key: throttle.key,
        failures: throttle.failures,
        locked_until: throttle.lockedUntil,
        updated_at: throttle.updatedAt,
      };
      await db
        .insertInto('auth_throttle')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: row.failures,
            locked_until: row.locked_until,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    clearThrottle(key: string): Promise<unknown> {
      return db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },
  };
}
