import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  readableArchiveVersions,
  upgradeArchive,
  archiveCollections,
  archiveFiles,
  archiveSchema,
  collectionNames,
  type ArchiveData,
} from '../../../contracts/family-archive.js';
import { danglingIn, idsOf } from './references.js';
import { refusedArchive, type OpenArchive } from './zip-reader.js';

// The checks an archive passes before anything of it is written: it is an Alongside archive of the
// version this server reads, its family.json has the documented shape, every id is there once, every
// record names only records and files the archive holds, and no file is named twice. Each refusal
// says what was wrong in words, and that nothing was imported.

const NOTHING = 'Nothing was imported.';

/** Reads family.json and checks it against the archive's declaration; answers the data. */
export async function checkedArchiveData(zip: OpenArchive): Promise<ArchiveData> {
  if (!zip.has(archiveFiles.data))
    throw refusedArchive(
      `This zip is not an Alongside family archive: it has no ${archiveFiles.data}. Please choose the zip that Alongside made. ${NOTHING}`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse((await zip.read(archiveFiles.data)).toString('utf8'));
  } catch (error) {
    if (error instanceof Error && 'status' in error) throw error;
    throw refusedArchive(
      `${archiveFiles.data} in this archive could not be read; it may be damaged. ${NOTHING}`,
    );
  }
  const head = upgradeArchive(
    (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>,
  );
  if (head.format !== ARCHIVE_FORMAT)
    throw refusedArchive(
      `This zip is not an Alongside family archive (its ${archiveFiles.data} does not say so). ${NOTHING}`,
    );
  if (head.version !== ARCHIVE_VERSION)
    throw refusedArchive(
      typeof head.version === 'number' && head.version > ARCHIVE_VERSION
        ? `This archive was made by a newer Alongside (format version ${head.version}); this server reads version ${ARCHIVE_VERSION}. Please update this server first. ${NOTHING}`
        : `This archive's format version (${JSON.stringify(head.version)}) is not one this server reads (versions ${readableArchiveVersions.slice(0, -1).join(', ')} and ${readableArchiveVersions.at(-1)}). ${NOTHING}`,
    );
  const parsed = archiveSchema.safeParse(head);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refusedArchive(
      `${archiveFiles.data} does not hold what an archive holds: at ${issue.path.join('.') || 'its top'}, ${issue.message}. ${NOTHING}`,
    );
  }
  const data = parsed.data as ArchiveData;
  checkIds(data);
  checkFiles(data, zip);
  return data;
}

function checkIds(data: ArchiveData): void {
  const seen = new Set<string>();
  for (const collection of collectionNames)
    for (const record of data[collection]) {
      const id = record.id;
      if (typeof id !== 'string') continue;
      if (seen.has(id))
        throw refusedArchive(`The id ${id} is given to two records in this archive. ${NOTHING}`);
      seen.add(id);
    }
  // Records that belong to one other record (settings, a reply's photo) are there once each too.
  for (const [collection, key] of [
    ['journalSettings', 'membershipId'],
    ['supporterReplyPhotos', 'replyId'],
  ] as const) {
    const keys = data[collection].map((r) => r[key]);
    if (new Set(keys).size !== keys.length)
      throw refusedArchive(`${collection} names the same record twice in this archive. ${NOTHING}`);
  }
  const ids = idsOf(data);
  for (const collection of collectionNames)
    for (const [i, record] of data[collection].entries()) {
      const [dangling] = danglingIn(collection, record, ids);
      if (dangling)
        throw refusedArchive(
          `${collection}[${i}].${dangling.field} points to ${dangling.id}, which is not in this archive. ${NOTHING}`,
        );
    }
  if (!ids.by.get('members')!.has(data.exportedBy))
    throw refusedArchive(`The member who exported this archive is not among its members. ${NOTHING}`);
  for (const packet of data.travelPackets)
    if (!ids.by.get('trips')!.has(packet.tripId))
      throw refusedArchive(`A travel packet points to a trip that is not in this archive. ${NOTHING}`);
}

function checkFiles(data: ArchiveData, zip: OpenArchive): void {
  const named = new Set<string>();
  for (const collection of collectionNames)
    for (const [field, f] of Object.entries(archiveCollections[collection].fields)) {
      if (f.is.kind !== 'file') continue;
      for (const [i, record] of data[collection].entries()) {
        const path = record[field];
        if (typeof path !== 'string') continue;
        if (!zip.has(path))
          throw refusedArchive(
            `${collection}[${i}].${field} names ${path}, which is not in this archive. ${NOTHING}`,
          );
        if (named.has(path))
          throw refusedArchive(`Two records in this archive name the same file, ${path}. ${NOTHING}`);
        named.add(path);
      }
    }
}
