import type { Kysely } from 'kysely';
import {
  collectionNames,
  type ArchiveData,
  type ArchiveRecord,
  type CollectionName,
} from '../../../contracts/family-archive.js';
import type { Database } from '../../../db/schema.js';
import { ArchiveConflict, archiveRepository, type ArchiveRepository } from './archive.repository.js';
import { collectionTables } from './archive-tables.repository.js';
import type { importFiles } from './import-files.js';
import type { planImport } from './import-plan.js';

// Part of the data layer (it holds the job's short transactions), hence its name.
// Writes an archive's family in pieces, for the import job (import.job.ts): the family and its
// members in one short transaction, records in batches of a short transaction each, and each record
// holding a file (a photo, a voice note, a book) on its own, outside any transaction, after its file
// was prepared (read, checked, re-encoded if need be), so SQLite's one writer is never held for more
// than a moment. Nobody can see the family meanwhile: every member is a placeholder no one can sign
// in as, the importer's too, until the job's last step makes it theirs; no job about it is queued.
// Every write names the try it belongs to: one that is no longer the import's latest stops.

/** One try at writing the family, as the job runs it. */
export interface ImportTry {
  familyId: string;
  /** Runs `work` in one short transaction if this try is still the import's latest (else Superseded, imports.repository.ts). */
  write<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Throws Superseded unless this try is still the latest (before a write outside a transaction). */
  stillCurrent(): Promise<void>;
  /** How many files are in; throws Superseded when the try is no longer the latest. */
  progress(done: number): Promise<void>;
}

type Plan = ReturnType<typeof planImport>;
type Files = ReturnType<typeof importFiles>;

const BATCH = 200;

/** How many of the job's files (its progress) a record holds. */
const filesIn = (collection: CollectionName, record: ArchiveRecord): number => {
  if (collection === 'memoryBoxItems') return record.audio === null ? 0 : 1;
  return collection === 'memorialBooks' || collectionTables[collection].files ? 1 : 0;
};

/** How many files (photos, voice notes, books) the planned family holds: the job's progress counts to it. */
export const filesToWrite = (plan: Plan): number =>
  collectionNames.reduce(
    (sum, collection) =>
      sum + plan.records[collection].reduce((n, record) => n + filesIn(collection, record), 0),
    0,
  );

/** Writes every row of the family (but the importer's membership, kept a placeholder); answers the files written. */
export async function writeFamily(input: {
  /** The archive repository on the pool: rows holding a file are written outside any transaction. */
  outside: ArchiveRepository;
  attempt: ImportTry;
  data: ArchiveData;
  plan: Plan;
  files: Files;
  /** Names the family on the import row, in the transaction that makes the family's row. */
  nameFamily: (trx: Kysely<Database>) => Promise<void>;
}): Promise<number> {
  const { attempt, data, plan, files } = input;
  const { familyId } = attempt;
  const prepare = (path: string) => files.prepare(path);

  await attempt.write(async (trx) => {
    const repo = archiveRepository(trx);
    await repo.insertFamily(familyId, data.family);
    await input.nameFamily(trx);
    for (const member of plan.members) {
      const isImporter = member.id === plan.importerId;
      // Everyone a placeholder; the importer's, not yet present, becomes theirs at the last step.
      await repo.insertMember({
        ...member,
        familyId,
        userId: null,
        removedAt: isImporter ? plan.startedAt : member.removedAt,
      });
    }
  });

  let done = 0;
  const { outside } = input;
  for (const collection of collectionNames) {
    if (collection === 'members') continue;
    const records = plan.records[collection];
    if (collection !== 'memorialBooks' && !collectionTables[collection].files) {
      for (let i = 0; i < records.length; i += BATCH)
        await attempt.write((trx) =>
          archiveRepository(trx).insertRecords(collection, familyId, records.slice(i, i + BATCH), prepare),
        );
      continue;
    }
    for (const record of records) {
      await attempt.stillCurrent();
      try {
        await outside.insertRecords(collection, familyId, [record], prepare);
      } catch (error) {
        // A family removed under this try (a newer one took over) refuses its rows too.
        if (error instanceof ArchiveConflict) await attempt.stillCurrent();
        throw error;
      }
      const files = filesIn(collection, record);
      if (files > 0) await attempt.progress((done += files));
    }
  }
  return done;
}
