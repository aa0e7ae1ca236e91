import {
  archiveCollections,
  collectionNames,
  type ArchiveRecord,
  type CollectionName,
} from '../../../contracts/family-archive.js';

// How an archive's records name one another. Export keeps an archive whole (a record naming one
// that is not in it loses the name, or is left out when it cannot stand without it); import refuses
// an archive in which a record names something outside it.

export type Records = Record<CollectionName, ArchiveRecord[]>;

/** A UUID inside text ("arrival:<leg id>"). */
export const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const fieldsOf = (collection: CollectionName) => Object.entries(archiveCollections[collection].fields);

/** The ids of each collection's records, and all of them together. */
export function idsOf(records: Records): { by: Map<string, Set<string>>; all: Set<string> } {
  const by = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const collection of collectionNames) {
    const ids = new Set<string>();
    for (const record of records[collection])
      if (typeof record.id === 'string') {
        ids.add(record.id);
        all.add(record.id);
      }
    by.set(collection, ids);
  }
  return { by, all };
}

/** What in a record names something the archive does not hold: the field, and the id. */
export function danglingIn(
  collection: CollectionName,
  record: ArchiveRecord,
  ids: ReturnType<typeof idsOf>,
): Array<{ field: string; id: string; nullable: boolean }> {
  const dangling: Array<{ field: string; id: string; nullable: boolean }> = [];
  for (const [field, f] of fieldsOf(collection)) {
    const value = record[field];
    if (f.is.kind === 'ref' && typeof value === 'string' && !ids.by.get(f.is.to)?.has(value))
      dangling.push({ field, id: value, nullable: f.is.nullable });
    if (f.is.kind === 'key' && typeof value === 'string')
      for (const [id] of value.matchAll(UUID_IN_TEXT))
        if (!ids.all.has(id.toLowerCase())) dangling.push({ field, id, nullable: false });
  }
  return dangling;
}

/**
 * The records with every name kept whole: a name of something not exported (a photo since removed, a
 * leg a tick was about) is cleared where the field may be empty, and otherwise the record is left
 * out, and so on until nothing names what is missing.
 */
export function closeOver(records: Records): Records {
  let current = records;
  for (;;) {
    const ids = idsOf(current);
    let changed = false;
    const next = {} as Records;
    for (const collection of collectionNames) {
      next[collection] = current[collection].flatMap((record) => {
        const dangling = danglingIn(collection, record, ids);
        if (dangling.length === 0) return [record];
        changed = true;
        if (dangling.some((d) => !d.nullable)) return [];
        const cleared = { ...record };
        for (const d of dangling) cleared[d.field] = null;
        return [cleared];
      });
    }
    if (!changed) return next;
    current = next;
  }
}
