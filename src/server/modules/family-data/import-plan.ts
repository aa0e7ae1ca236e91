import {
  archiveCollections,
  collectionNames,
  type ArchiveData,
  type ArchiveRecord,
  type CollectionName,
} from '../../../contracts/family-archive.js';
import type { Role } from '../../../contracts/permissions.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import { UUID_IN_TEXT, type Records } from './references.js';

// What a family's archive becomes here, worked out before anything is written (import.job.ts):
// - Ids are new (an archive can be imported twice, or into the server it came from); every name
//   between records, and the ids inside keys ("arrival:<leg id>"), follow them.
// - The importer is the member whose e-mail is theirs (or a new member); every other member is kept
//   under their name on what they did (a row no one can sign in to) and, if they were still in the
//   family, invited to join it. Nobody is joined without saying yes.
// - What was private to a member comes in only when that member is the importer.

/** The person importing, as their own account (never a placeholder). */
export interface Importer {
  auth: Pick<AuthContext, 'userId' | 'displayName'>;
  email: string;
}

interface PlannedMember {
  id: string;
  userId: string | null;
  displayName: string;
  role: Role;
  createdAt: string;
  removedAt: string | null;
}

/** The new family's rows: who is who, what is left out as another's private, and every id made new. */
export function planImport(data: ArchiveData, importer: Importer, now: string) {
  const mine = data.members.find(
    (m) =>
      m.removedAt === null &&
      typeof m.email === 'string' &&
      m.email.toLowerCase() === importer.email.toLowerCase(),
  );
  const importerOld = mine ? String(mine.id) : null;
  const notes: string[] = [];

  // What was one member's own stays with that member only.
  const records = { ...data } as unknown as Records;
  const ownedBy = (
    collection: CollectionName,
    ownerField: string,
    isPrivate: (r: ArchiveRecord) => boolean,
  ) => {
    const before = records[collection].length;
    records[collection] = records[collection].filter((r) => !isPrivate(r) || r[ownerField] === importerOld);
    return before - records[collection].length;
  };
  const privateEntries = ownedBy('journalEntries', 'authorId', (r) => r.sharedAt === null);
  if (privateEntries > 0)
    notes.push(
      `${privateEntries} private journal ${privateEntries === 1 ? 'entry was' : 'entries were'} not brought in: only the person who wrote them can bring them.`,
    );
  // A photo goes where its entry goes: one on an entry left out stays out with it.
  const keptEntries = new Set(records.journalEntries.map((r) => r.id));
  records.journalPhotos = records.journalPhotos.filter((p) => keptEntries.has(p.entryId));
  ownedBy('journalSettings', 'membershipId', () => true);
  ownedBy('reminderPreferences', 'membershipId', () => true);
  const privateBooks = ownedBy('memorialBooks', 'askedBy', (r) => r.privateToAsker === true);
  if (privateBooks > 0)
    notes.push(
      `${privateBooks} memorial ${privateBooks === 1 ? 'book' : 'books'} holding private entries stayed out.`,
    );

  // New ids, in the archive's order (so the new family lists things in the same order).
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    let id = ids.get(old);
    if (!id) ids.set(old, (id = newId()));
    return id;
  };
  for (const collection of collectionNames)
    for (const r of records[collection]) if (typeof r.id === 'string') fresh(r.id);
  const importerId = importerOld ? fresh(importerOld) : newId();

  const remapped = {} as Records;
  for (const collection of collectionNames) {
    const fields = Object.entries(archiveCollections[collection].fields);
    remapped[collection] = records[collection].map((record) => {
      const out: ArchiveRecord = { ...record };
      for (const [field, f] of fields) {
        const value = record[field];
        if (typeof value !== 'string') continue;
        if (f.is.kind === 'id' || f.is.kind === 'ref' || f.is.kind === 'tag') out[field] = fresh(value);
        else if (f.is.kind === 'key')
          out[field] = value.replace(UUID_IN_TEXT, (id) => fresh(id.toLowerCase()));
      }
      return out;
    });
  }

  const members: PlannedMember[] = data.members.map((m) => {
    const isImporter = m.id === importerOld;
    return {
      id: fresh(String(m.id)),
      userId: isImporter ? importer.auth.userId : null,
      displayName: String(m.displayName),
      role: isImporter ? 'owner' : m.role === 'owner' ? 'adult' : (m.role as Role),
      createdAt: String(m.createdAt),
      // Until they join, the others are former members: their names stay on what they did.
      removedAt: isImporter ? null : ((m.removedAt as string | null) ?? now),
    };
  });
  if (!importerOld)
    members.push({
      id: importerId,
      userId: importer.auth.userId,
      displayName: importer.auth.displayName,
      role: 'owner',
      createdAt: now,
      removedAt: null,
    });
  const invite = data.members
    .filter((m) => m.id !== importerOld && m.removedAt === null)
    .map((m) => ({
      displayName: String(m.displayName),
      role: m.role as Role,
      email: typeof m.email === 'string' ? m.email.toLowerCase() : null,
    }));

  const importerName = members.find((m) => m.id === importerId)!.displayName;
  return { records: remapped, members, invite, importerId, importerName, notes, startedAt: now };
}
