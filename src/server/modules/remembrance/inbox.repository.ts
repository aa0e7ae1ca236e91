import type { Kysely } from 'kysely';
import type { Database, Row } from '../../../db/schema.js';

/** A reminder delivered inside the app. */
export interface InboxItem {
  id: string;
  familyId: string;
  membershipId: string;
  /** The reminder and occurrence it tells of (tick.ts); an item is stored once per key. */
  reminderKey: string;
  title: string;
  body: string;
  link: string | null;
  /** A photo of the family's shown with it (a supporter's, once accepted); none for reminders. */
  mediaId?: string | null;
  createdAt: string;
  readAt: string | null;
}

const itemFromRow = (row: Row<'inbox_items'>): InboxItem => ({
  id: row.id,
  familyId: row.family_id,
  membershipId: row.membership_id,
  reminderKey: row.reminder_key,
  title: row.title,
  body: row.body,
  link: row.link,
  mediaId: row.media_id,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** The in-app inbox: reminders delivered inside the app, read and unread. */
export function inboxRepository(db: Kysely<Database>) {
  return {
    async list(familyId: string, membershipId: string): Promise<{ items: InboxItem[]; unread: number }> {
      const items = await db
        .selectFrom('inbox_items')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      const unread = await db
        .selectFrom('inbox_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('membership_id', '=', membershipId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { items: items.map(itemFromRow), unread: Number(unread?.n ?? 0) };
    },

    /** Stores delivered reminders, unread; one whose reminder key is already there is skipped. */
    async addDelivered(items: Array<Omit<InboxItem, 'readAt'>>): Promise<void> {
      if (items.length === 0) return;
      await db
        .insertInto('inbox_items')
        .values(
          items.map((item) => ({
            id: item.id,
            family_id: item.familyId,
            membership_id: item.membershipId,
            reminder_key: item.reminderKey,
            title: item.title,
            body: item.body,
            link: item.link,
            media_id: item.mediaId ?? null,
            created_at: item.createdAt,
            read_at: null,
          })),
        )
        .onConflict((oc) => oc.column('reminder_key').doNothing())
        .execute();
    },

    /** The item stored under a key (each key is stored once), if it is still there. */
    async findByKey(reminderKey: string): Promise<InboxItem | undefined> {
      const row = await db
        .selectFrom('inbox_items')
        .selectAll()
        .where('reminder_key', '=', reminderKey)
        .executeTakeFirst();
      return row && itemFromRow(row);
    },

    async markRead(familyId: string, membershipId: string, id: string, nowIso: string): Promise<boolean> {
      const result = await db
        .updateTable('inbox_items')
        .set({ read_at: nowIso })
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markAllRead(familyId: string, membershipId: string, nowIso: string): Promise<void> {
      await db
        .updateTable('inbox_items')
        .set({ read_at: nowIso })
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .where('read_at', 'is', null)
        .execute();
    },
  };
}

export type InboxRepository = ReturnType<typeof inboxRepository>;
