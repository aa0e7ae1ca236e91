import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { readCatalogue, type Catalogue } from '../../db/catalogue.js';
import type { Db } from '../../db/connect.js';

// Walks the live schema, as the database's own catalogue describes it, for the tests that prove a
// deletion left nothing behind (modules/deletions/schema-walk.api.test.ts). Nothing here is a list
// of tables: what a table is, and whose its rows are, is read from its columns and foreign keys; the
// tests name only the exceptions, and fail on a table or column they cannot place.

export type Row = Record<string, unknown>;

export interface Everything {
  catalogue: Catalogue;
  rows: Map<string, Row[]>;
}

/** Every row of every table. */
export async function readEverything(db: Db): Promise<Everything> {
  const catalogue = await readCatalogue(db.kysely, db.dialect);
  const rows = new Map<string, Row[]>();
  for (const table of catalogue.tables) {
    const result = await sql<Row>`select * from ${sql.table(table)}`.execute(db.kysely);
    rows.set(table, result.rows);
  }
  return { catalogue, rows };
}

/** A column that names a row, by the house's naming: `id`, `…_id`, `…_by`. */
export const isIdColumn = (column: string): boolean =>
  column === 'id' || column.endsWith('_id') || column.endsWith('_by');

export const columnsOf = (catalogue: Catalogue, table: string): string[] =>
  catalogue.columns.filter((c) => c.table === table).map((c) => c.column);

/** Where each column that names a row points: its foreign key, or the test's own word for it. */
export function referenceOf(
  catalogue: Catalogue,
  table: string,
  column: string,
  soft: Readonly<Record<string, string>>,
): string | undefined {
  const key = catalogue.foreignKeys.find((k) => k.table === table && k.column === column);
  return key?.references.table ?? soft[`${table}.${column}`];
}

/**
 * Id columns that are neither a table's own key, nor a foreign key, nor described in `soft`
 * ("trips.created_by" → "memberships"): what a new column must be classified as before a deletion
 * can be trusted to find it.
 */
export function unplacedIdColumns(catalogue: Catalogue, soft: Readonly<Record<string, string>>): string[] {
  return catalogue.columns
    .filter((c) => isIdColumn(c.column))
    .filter((c) => !(catalogue.primaryKeys.get(c.table) ?? []).includes(c.column))
    .filter((c) => referenceOf(catalogue, c.table, c.column, soft) === undefined)
    .map((c) => `${c.table}.${c.column}`);
}

/** How a table's rows belong to a family: its own `family_id`, or a foreign key to a table that does. */
export type FamilyLink = { column: 'family_id' } | { column: string; parent: string };

export interface Ownership {
  /** Tables whose rows are a family's. */
  family: Map<string, FamilyLink>;
  /**
   * Tables whose rows are a person's and no family's: a foreign key to `users`, or to a table that is
   * a person's (an import's pieces through the import).
   */
  person: Map<string, PersonLink>;
}

/** How a table's rows belong to a person: a column naming their account, or a foreign key to a table that does. */
export type PersonLink = { column: string } | { column: string; parent: string };

/**
 * Places every table: a family's (directly or through a parent), a person's, `families` and `users`
 * themselves, or one of `notFamilyData` (said with a reason by the test). Throws naming any other.
 */
export function placeTables(
  catalogue: Catalogue,
  notFamilyData: Readonly<Record<string, string>>,
): Ownership {
  const family = new Map<string, FamilyLink>();
  const person = new Map<string, PersonLink>();
  const pending = catalogue.tables.filter((t) => t !== 'families' && t !== 'users' && !(t in notFamilyData));
  for (const table of pending)
    if (columnsOf(catalogue, table).includes('family_id')) family.set(table, { column: 'family_id' });
  // A table reaching a family through its parent (a book's pieces through the book), however deep.
  for (let grew = true; grew;) {
    grew = false;
    for (const table of pending) {
      if (family.has(table)) continue;
      const key = catalogue.foreignKeys.find((k) => k.table === table && family.has(k.references.table));
      if (key) {
        family.set(table, { column: key.column, parent: key.references.table });
        grew = true;
      }
    }
  }
  for (const table of pending) {
    if (family.has(table)) continue;
    const key = catalogue.foreignKeys.find((k) => k.table === table && k.references.table === 'users');
    if (key) person.set(table, { column: key.column });
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const table of pending) {
      if (family.has(table) || person.has(table)) continue;
      const key = catalogue.foreignKeys.find((k) => k.table === table && person.has(k.references.table));
      if (key) {
        person.set(table, { column: key.column, parent: key.references.table });
        grew = true;
      }
    }
  }
  const unplaced = pending.filter((t) => !family.has(t) && !person.has(t));
  if (unplaced.length > 0)
    throw new Error(`The walker cannot tell whose rows these tables hold: ${unplaced.join(', ')}`);
  return { family, person };
}

/** The values a person table's rows name them by (their account ids, or their parent rows' ids). */
export function personValues(
  all: Everything,
  ownership: Ownership,
  table: string,
  userIds: ReadonlySet<string>,
): Set<string> {
  const link = ownership.person.get(table)!;
  if (!('parent' in link)) return new Set(userIds);
  const parent = ownership.person.get(link.parent)!;
  const theirs = personValues(all, ownership, link.parent, userIds);
  return new Set(
    (all.rows.get(link.parent) ?? [])
      .filter((row) => theirs.has(String(row[parent.column])))
      .map((row) => String(row.id)),
  );
}

/** A row's identity: its primary key's values. */
export const keyOf = (catalogue: Catalogue, table: string, row: Row): string =>
  (catalogue.primaryKeys.get(table) ?? Object.keys(row)).map((c) => String(row[c])).join('|');

/** The rows of one family, table by table (keys as `keyOf`), followed down to the rows of rows. */
export function rowsOfFamily(
  all: Everything,
  ownership: Ownership,
  familyId: string,
): Map<string, Set<string>> {
  const ours = new Map<string, Set<string>>();
  const idsOf = (table: string) =>
    new Set(
      (all.rows.get(table) ?? [])
        .filter((row) => ours.get(table)?.has(keyOf(all.catalogue, table, row)))
        .map((row) => String(row.id)),
    );
  for (let grew = true; grew;) {
    grew = false;
    for (const [table, link] of ownership.family) {
      if (ours.has(table)) continue;
      if ('parent' in link && !ours.has(link.parent)) continue;
      const parents = 'parent' in link ? idsOf(link.parent) : new Set([familyId]);
      const rows = (all.rows.get(table) ?? []).filter((row) => parents.has(String(row[link.column])));
      ours.set(table, new Set(rows.map((row) => keyOf(all.catalogue, table, row))));
      grew = true;
    }
  }
  return ours;
}

/** A stored value as text to search: bytes as Latin-1 (so words inside a PDF are found too). */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/** Every place a value holds one of the needles (case-insensitive), as "table.column holds needle". */
export function findMentions(all: Everything, needles: readonly string[]): string[] {
  const wanted = needles.filter((n) => n.length > 0).map((n) => n.toLowerCase());
  const found: string[] = [];
  for (const [table, rows] of all.rows) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = textOf(value).toLowerCase();
        for (const needle of wanted)
          if (text.includes(needle)) found.push(`${table}.${column} holds ${needle}`);
      }
    }
  }
  return [...new Set(found)];
}

/** The stored bytes, as "table.column:<sha256>" entries, sorted (the media store's contents). */
export function blobsOf(all: Everything, only?: (table: string, row: Row) => boolean): string[] {
  const blobs: string[] = [];
  for (const [table, rows] of all.rows) {
    for (const row of rows) {
      if (only && !only(table, row)) continue;
      for (const [column, value] of Object.entries(row)) {
        if (value instanceof Uint8Array)
          blobs.push(`${table}.${column}:${createHash('sha256').update(value).digest('hex')}`);
      }
    }
  }
  return blobs.sort();
}
