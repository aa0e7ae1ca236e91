import { sql, type Kysely } from 'kysely';
import {
  archiveCollections,
  collectionNames,
  type ArchiveRecord,
  type CollectionName,
} from '../../../contracts/family-archive.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../../db/dialect.js';
import type { Database } from '../../../db/schema.js';
import { collectionTables, columnOf, extensionOf } from './archive-tables.repository.js';

// The family's records as the archive holds them, read from and written to every table the family
// owns (archive-tables.repository.ts). An archive is a copy of stored data, like a backup, in a documented and
// versioned shape: that is why this one repository reads the other modules' tables, rather than each
// module's services, which answer a person's questions and never write history (who confirmed what,
// when) back as it was. Reads name the family, and what is private is left out in the queries
// themselves: another member's private journal entries, settings and books.

/** Any table, loosely typed: the columns come from the archive's declaration, checked by its tests. */
type LooseDb = Record<string, Record<string, unknown>>;

/** A file an archive holds, read when it is written into the zip (never all at once). */
export interface StoredArchiveFile {
  path: string;
  read(): Promise<Buffer>;
}

/** A file on its way in, already checked (and, if needed, re-encoded). */
export interface PreparedFile {
  data: Buffer;
  contentType: string;
  digest: string;
  width?: number;
  height?: number;
  seconds?: number;
}

export interface FamilyRecord {
  name: string;
  homeZone: string;
  country: string | null;
  createdAt: string;
}

/** Records that contradict one another (a check twice on one leg): the database refused them. */
export class ArchiveConflict extends Error {
  constructor(readonly collection: CollectionName) {
    super(`The records in ${collection} contradict one another or the records they name.`);
  }
}

/** Invisible placeholders: a member of an imported family who has not joined this server (yet). */
export const PLACEHOLDER_EMAIL_DOMAIN = 'former-member.invalid';

const BATCH = 200;

export function archiveRepository(db: Kysely<Database>) {
  const loose = db as unknown as Kysely<LooseDb>;

  const fileName = (collection: CollectionName, field: string, key: string, type: string | null) => {
    const folder = (
      archiveCollections[collection].fields as Record<string, { is: { kind: string; folder?: string } }>
    )[field]!.is.folder!;
    const preview = field === 'thumbnail' ? '-preview' : '';
    return `${folder}/${key}${preview}.${collection === 'memorialBooks' ? 'pdf' : extensionOf(type)}`;
  };

  /** The columns of a collection's records (no bytes), and for files the column telling their type. */
  const columnsOf = (collection: CollectionName) => {
    const spec = collectionTables[collection];
    const columns = new Set<string>([spec.key]);
    const presence: Array<{ column: string; alias: string }> = [];
    for (const [field, f] of Object.entries(archiveCollections[collection].fields)) {
      if (f.is.kind === 'file') {
        const file = spec.files?.[field];
        if (file) {
          columns.add(file.typeColumn ?? file.column);
          // Whether a nullable file is there at all, without reading it.
          if (f.is.nullable) presence.push({ column: file.column, alias: `has_${field}` });
        }
        continue;
      }
      if (collection === 'members' && field === 'email') continue;
      columns.add(columnOf(field));
    }
    return { columns: [...columns], presence };
  };

  function recordOf(collection: CollectionName, row: Record<string, unknown>): ArchiveRecord {
    const spec = collectionTables[collection];
    const record: ArchiveRecord = {};
    const key = String(row[spec.key]);
    for (const [field, f] of Object.entries(archiveCollections[collection].fields)) {
      if (f.is.kind === 'file') {
        const file = spec.files?.[field];
        const present = !f.is.nullable || Number(row[`has_${field}`]) === 1;
        record[field] = present
          ? fileName(collection, field, key, file ? String(row[file.typeColumn ?? file.column]) : null)
          : null;
        continue;
      }
      const value = row[collection === 'members' && field === 'email' ? 'email' : columnOf(field)];
      if (f.is.kind === 'flag')
        record[field] = value === null || value === undefined ? null : Number(value) === 1;
      else if (typeof value === 'bigint') record[field] = Number(value);
      else record[field] = value ?? null;
    }
    return record;
  }

  async function rowsOf(collection: CollectionName, familyId: string, readerId: string) {
    const spec = collectionTables[collection];
    const { columns, presence } = columnsOf(collection);
    let query = loose
      .selectFrom(`${spec.table} as t`)
      .select(columns.map((c) => `t.${c}`) as never)
      .select(
        presence.map(({ column, alias }) =>
          sql<number>`case when ${sql.ref(`t.${column}`)} is null then 0 else 1 end`.as(alias),
        ) as never,
      )
      .where('t.family_id', '=', familyId);
    // What only one member may read stays out unless the reader is that member.
    switch (collection) {
      case 'members':
        // An address only where a person can still be reached at it: never a deleted account's
        // ('deleted:<id>') nor a placeholder's, which no one can receive mail at.
        query = query
          .innerJoin('users as u', 'u.id', 't.user_id')
          .select(
            sql<
              string | null
            >`case when ${sql.ref('u.deleted_at')} is null and ${sql.ref('u.email')} not like ${`%@${PLACEHOLDER_EMAIL_DOMAIN}`} then ${sql.ref('u.email')} else null end`.as(
              'email',
            ) as never,
          );
        break;
      case 'journalEntries':
        query = query.where((eb) =>
          eb.or([eb('t.shared_at', 'is not', null), eb('t.author_id', '=', readerId)]),
        );
        break;
      case 'journalPhotos':
        // As private as its entry: on an entry shared with the adults, or on the reader's own.
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('journal_entries as e')
              .select('e.id')
              .whereRef('e.id', '=', 't.entry_id')
              .where((w) => w.or([w('e.shared_at', 'is not', null), w('e.author_id', '=', readerId)])),
          ),
        );
        break;
      case 'journalSettings':
      case 'reminderPreferences':
        query = query.where('t.membership_id', '=', readerId);
        break;
      case 'memorialBooks':
        query = query
          .where('t.state', '=', 'ready')
          .where((eb) => eb.or([eb('t.private_to_asker', '=', 0), eb('t.asked_by', '=', readerId)]));
        break;
    }
    return (await query.orderBy(`t.${spec.key}` as never).execute()) as Array<Record<string, unknown>>;
  }

  return {
    async family(familyId: string): Promise<FamilyRecord | undefined> {
      const row = await db
        .selectFrom('families')
        .select(['name', 'home_zone', 'country', 'created_at'])
        .where('id', '=', familyId)
        .executeTakeFirst();
      return (
        row && { name: row.name, homeZone: row.home_zone, country: row.country, createdAt: row.created_at }
      );
    },

    /** Every record of the family the reader may take away, by collection, and the files they name. */
    async records(
      familyId: string,
      readerId: string,
    ): Promise<{ records: Record<CollectionName, ArchiveRecord[]>; files: StoredArchiveFile[] }> {
      const records = {} as Record<CollectionName, ArchiveRecord[]>;
      const files: StoredArchiveFile[] = [];
      for (const collection of collectionNames) {
        const spec = collectionTables[collection];
        const rows = await rowsOf(collection, familyId, readerId);
        records[collection] = rows.map((row) => {
          const record = recordOf(collection, row);
          const key = String(row[spec.key]);
          for (const [field, f] of Object.entries(archiveCollections[collection].fields)) {
            const path = record[field];
            if (f.is.kind !== 'file' || typeof path !== 'string') continue;
            const column = spec.files?.[field]?.column;
            files.push({
              path,
              read: column
                ? () => this.bytes(spec.table, spec.key, key, column, familyId)
                : () => this.bookPdf(familyId, key),
            });
          }
          return record;
        });
      }
      return { records, files };
    },

    /** One stored file, read on its own. */
    async bytes(
      table: string,
      keyColumn: string,
      key: string,
      column: string,
      familyId: string,
    ): Promise<Buffer> {
      const row = (await loose
        .selectFrom(table)
        .select(`${column} as data` as never)
        .where('family_id', '=', familyId)
        .where(keyColumn as never, '=', key as never)
        .executeTakeFirstOrThrow()) as { data: Uint8Array };
      return Buffer.from(row.data);
    },

    /** A ready book's PDF, its pieces put together (a book is at most some tens of megabytes). */
    async bookPdf(familyId: string, bookId: string): Promise<Buffer> {
      const rows = await db
        .selectFrom('memorial_book_chunks as c')
        .innerJoin('memorial_books as b', (join) =>
          join.onRef('b.id', '=', 'c.book_id').onRef('b.attempt', '=', 'c.attempt'),
        )
        .select('c.data')
        .where('b.family_id', '=', familyId)
        .where('c.book_id', '=', bookId)
        .orderBy('c.seq')
        .execute();
      return Buffer.concat(rows.map((r) => Buffer.from(r.data)));
    },

    // ---- import: the job's writes, each in one of its short transactions (import-writer.ts) -------

    async insertFamily(id: string, family: FamilyRecord): Promise<void> {
      await db
        .insertInto('families')
        .values({
          id,
          name: family.name,
          home_zone: family.homeZone,
          country: family.country,
          created_at: family.createdAt,
        })
        .execute();
    },

    async userByEmail(email: string): Promise<{ id: string; email: string } | undefined> {
      return db
        .selectFrom('users')
        .select(['id', 'email'])
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
    },

    /** The importer's account as it is now (a deleted account has `deletedAt`). */
    async person(
      userId: string,
    ): Promise<{ email: string; displayName: string; deletedAt: string | null } | undefined> {
      const row = await db
        .selectFrom('users')
        .select(['email', 'display_name', 'deleted_at'])
        .where('id', '=', userId)
        .executeTakeFirst();
      return row && { email: row.email, displayName: row.display_name, deletedAt: row.deleted_at };
    },

    /**
     * The last step of an import: the importer's member, a placeholder until now, becomes theirs
     * (their account, the owner, present), and the placeholder account goes.
     */
    async adoptImporter(familyId: string, memberId: string, userId: string): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ user_id: userId, role: 'owner', removed_at: null })
        .where('family_id', '=', familyId)
        .where('id', '=', memberId)
        .execute();
      await db
        .deleteFrom('users')
        .where('id', '=', memberId)
        .where('email', '=', `${memberId}@${PLACEHOLDER_EMAIL_DOMAIN}`)
        .execute();
    },

    /**
     * A member as a row that keeps their name on what they did: the person importing (their own
     * account), or someone who has not joined this server's family, under a placeholder account no
     * one can sign in to (no password matches '!', and its address can receive nothing).
     */
    async insertMember(member: {
      id: string;
      familyId: string;
      userId: string | null;
      displayName: string;
      role: string;
      createdAt: string;
      removedAt: string | null;
    }): Promise<void> {
      let userId = member.userId;
      if (userId === null) {
        userId = member.id;
        await db
          .insertInto('users')
          .values({
            id: userId,
            email: `${member.id}@${PLACEHOLDER_EMAIL_DOMAIN}`,
            password_hash: '!',
            display_name: member.displayName,
            created_at: member.createdAt,
          })
          .execute();
      }
      await db
        .insertInto('memberships')
        .values({
          id: member.id,
          family_id: member.familyId,
          user_id: userId,
          role: member.role,
          display_name: member.displayName,
          created_at: member.createdAt,
          removed_at: member.removedAt,
        })
        .execute();
    },

    /**
     * Writes a collection's records (ids already the new family's), with the files each names, ready
     * to keep. Columns the archive does not carry are filled as a new row would be: a file's size,
     * type and digest from the file itself, a schedule to be worked out again.
     */
    async insertRecords(
      collection: CollectionName,
      familyId: string,
      records: ArchiveRecord[],
      fileOf: (path: string) => Promise<PreparedFile>,
    ): Promise<void> {
      try {
        await insertAll(collection, familyId, records, fileOf);
      } catch (error) {
        if (isUniqueViolation(error) || isForeignKeyViolation(error)) throw new ArchiveConflict(collection);
        throw error;
      }
    },
  };

  async function insertAll(
    collection: CollectionName,
    familyId: string,
    records: ArchiveRecord[],
    fileOf: (path: string) => Promise<PreparedFile>,
  ): Promise<void> {
    const spec = collectionTables[collection];
    const rowOf = async (record: ArchiveRecord) => {
      const row: Record<string, unknown> = { family_id: familyId };
      for (const [field, f] of Object.entries(archiveCollections[collection].fields)) {
        const value = record[field];
        if (f.is.kind === 'flag') row[columnOf(field)] = value === null ? null : value ? 1 : 0;
        else if (f.is.kind !== 'file') row[columnOf(field)] = value;
      }
      return Object.assign(row, await derivedColumns(collection, record, fileOf));
    };
    if (collection === 'memorialBooks') {
      for (const record of records) {
        const pdf = await fileOf(record.file as string);
        await loose
          .insertInto(spec.table)
          .values(await rowOf(record))
          .execute();
        for (let seq = 0; seq * CHUNK < pdf.data.length; seq++)
          await db
            .insertInto('memorial_book_chunks')
            .values({
              book_id: String(record.id),
              attempt: 1,
              seq,
              data: pdf.data.subarray(seq * CHUNK, (seq + 1) * CHUNK),
            })
            .execute();
      }
      return;
    }
    // Rows with files go one at a time (each holds a photo); the others in small batches.
    const batch = spec.files ? 1 : BATCH;
    for (let i = 0; i < records.length; i += batch) {
      const rows = [];
      for (const record of records.slice(i, i + batch)) rows.push(await rowOf(record));
      await loose.insertInto(spec.table).values(rows).execute();
    }
  }
}

const CHUNK = 1 << 20;

/** A picture and its preview, as the media module keeps them. */
async function pictureColumns(record: ArchiveRecord, fileOf: (path: string) => Promise<PreparedFile>) {
  const file = await fileOf(record.file as string);
  const thumbnail = await fileOf(record.thumbnail as string);
  return {
    content_type: file.contentType,
    width: file.width,
    height: file.height,
    data: file.data,
    digest: file.digest,
    thumbnail_content_type: thumbnail.contentType,
    thumbnail: thumbnail.data,
  };
}

async function derivedColumns(
  collection: CollectionName,
  record: ArchiveRecord,
  fileOf: (path: string) => Promise<PreparedFile>,
): Promise<Record<string, unknown>> {
  switch (collection) {
    case 'media':
    case 'journalPhotos': {
      const picture = await pictureColumns(record, fileOf);
      return {
        ...picture,
        byte_size: picture.data.length,
        thumbnail_byte_size: picture.thumbnail.length,
      };
    }
    case 'supporterReplyPhotos':
      return pictureColumns(record, fileOf);
    case 'memoryBoxItems': {
      if (record.audio === null)
        return { audio_content_type: null, audio: null, audio_seconds: null, audio_digest: null };
      const audio = await fileOf(record.audio as string);
      return {
        audio_content_type: audio.contentType,
        audio: audio.data,
        audio_seconds: audio.seconds,
        audio_digest: audio.digest,
      };
    }
    case 'memorialBooks': {
      const pdf = await fileOf(record.file as string);
      return {
        state: 'ready',
        attempt: 1,
        pages_done: record.pagesTotal,
        byte_size: pdf.data.length,
      };
    }
    case 'supporters':
      return { confirm_token_hash: null, confirm_expires_at: null };
    case 'supporterDays':
      // Worked out again by the supporters' schedule once the family's change is followed up.
      return { next_due_utc: null, occurrence_date: null, signature: '' };
    default:
      return {};
  }
}

export type ArchiveRepository = ReturnType<typeof archiveRepository>;
