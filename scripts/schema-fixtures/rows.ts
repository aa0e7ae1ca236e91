import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ColumnShape, TableShape } from '../../src/db/backup/catalog.js';
import type { AnyKysely } from '../../src/db/backup/tool-connection.js';
import { isUniqueViolation } from '../../src/db/dialect.js';
import { knownValue, knownValues } from './values.js';

// The rows a schema fixture writes into a table (scripts/schema-fixtures.ts), made from the table
// as the database describes it, so a new table needs nothing written by hand. Names give a
// column's kind of value where they can (ids, hashes, dates, instants, zones, addresses), so rows
// look like the app's; everything else is free text.

/** Tables a migration created, or gave new columns: the ones that get new rows. */
export function touchedTables(before: readonly TableShape[], after: readonly TableShape[]): TableShape[] {
  const had = new Map(before.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  return after.filter((t) => {
    const columns = had.get(t.name);
    return !columns || t.columns.some((c) => !columns.has(c.name));
  });
}

type Kind = 'everyday' | 'edge' | 'empty';

/** A known value naming a column the newest schema lacks is a typo (or a column renamed): say so. */
export function checkKnownValues(tables: readonly TableShape[]): void {
  const columns = new Set(tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
  const tableNames = new Set(tables.map((t) => t.name));
  for (const key of Object.keys(knownValues)) {
    if (tableNames.has(key.split('.')[0]!) && !columns.has(key)) {
      throw new Error(`scripts/schema-fixtures/values.ts names ${key}, which is not a column.`);
    }
  }
}

/** Text that has broken other programs: every script, joiners, marks, controls, quotes, nothing. */
export const EDGE_TEXTS = [
  'Zoë’s “little” box — ünïcödé, 李小龍, Ελληνικά, русский, हिन्दी',
  'שלום · مرحبا (right to left) \u202Eoverridden\u202C and back',
  'Family 👨‍👩‍👧‍👦, a candle 🕯️, flags 🇬🇧🇪🇸, a wave 👋🏽, a clef 𝄞',
  'e\u0301 combining, zero\u200Bwidth, soft\u00ADhyphen, BOM\uFEFF, no-break\u00A0space',
  "quotes ' \" ` and backslashes \\ \\\\ and '); drop table families; --",
  'lines\nand\ttabs\r\nand \u0001\u001f controls',
  '',
  '  spaces around  ',
];

/** Past 2 kB, where PostgreSQL stores text out of line (TOAST), and in more than one script. */
const LONG_TEXT = 'Für Jack, der gestorben ist — 我们想念你 🕯️ '.repeat(60);

const INTEGERS = [2147483647, 0, -2147483648];
const BIGINTS = [9007199254740991, 0, -1];

const digest = (text: string) => createHash('sha256').update(text).digest();
const hex = (text: string) => digest(text).toString('hex');
/** Shaped like the app's UUIDv7 ids, and the same each time the fixture is made. */
const uuid = (text: string) => {
  const h = hex(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
/** Bytes of every value, then bytes that do not repeat. */
const bytes = (kind: Kind, tag: string) => {
  if (kind === 'everyday') return Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < 3000; i++) chunks.push(digest(`${tag}:${i}`));
  return Buffer.concat(chunks).subarray(0, 3000);
};

function textValue(
  table: string,
  column: string,
  kind: Kind,
  tag: string,
  position: number,
  long: boolean,
): string {
  const edge = kind === 'edge';
  const known = knownValue(table, column, kind);
  if (known !== undefined) return known;
  if (column === 'id' || column.endsWith('_id')) return uuid(`${tag}:${column}`);
  if (column.endsWith('_hash') || column === 'digest') return hex(`${tag}:${column}`);
  if (column.endsWith('_at') || column.endsWith('_utc') || column === 'due_at') {
    return edge ? '2024-02-29T23:59:59.999Z' : '2026-06-01T09:00:00.000Z';
  }
  if (column.includes('date') || column.endsWith('_on') || column === 'written_for') {
    return edge ? '2024-02-29' : '2026-09-01';
  }
  if (column.endsWith('_country')) return edge ? 'NZ' : 'GB';
  if (column.endsWith('_region')) return edge ? 'NZ-CIT' : 'GB-ENG';
  if (column.includes('zone')) return edge ? 'Pacific/Chatham' : 'Europe/London';
  if (column.includes('email')) return `${edge ? 'zoë+' : ''}${hex(tag).slice(0, 12)}@example.org`;
  if (column.includes('content_type')) return edge ? 'audio/webm;codecs=opus' : 'image/jpeg';
  if (!edge) return `${column.replaceAll('_', ' ')} ${tag}`;
  if (long) return `${LONG_TEXT}${tag}`;
  return `${EDGE_TEXTS[position % EDGE_TEXTS.length]} ${tag}`;
}

function plainValue(
  table: string,
  column: ColumnShape,
  kind: Kind,
  tag: string,
  position: number,
  long: boolean,
): unknown {
  switch (column.type) {
    case 'text':
      return textValue(table, column.name, kind, tag, position, long);
    case 'integer':
      return kind === 'edge' ? INTEGERS[position % INTEGERS.length] : 1;
    case 'bigint':
      return kind === 'edge' ? BIGINTS[position % BIGINTS.length] : 1_780_304_400_000;
    case 'bytes':
      return bytes(kind, `${tag}:${column.name}`);
  }
}

/** One row of each kind into `table`, its references pointing at rows already there. */
export async function writeRowsFor(db: AnyKysely, table: TableShape, migration: string): Promise<void> {
  const { rows: keys } = await sql<{ name: string }>`
    select name from pragma_table_info(${table.name}) where pk > 0`.execute(db);
  const primaryKey = new Set(keys.map((k) => k.name));
  for (const kind of ['everyday', 'edge', 'empty'] as const) {
    // A reference can make a row repeat a unique pair (one membership per family and person):
    // another choice of the rows referred to is tried then.
    for (let attempt = 0; ; attempt++) {
      const row = await makeRow(db, table, primaryKey, kind, `${migration}-${table.name}-${kind}`, attempt);
      try {
        await db.insertInto(table.name).values(row).execute();
        break;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 40) throw error;
      }
    }
  }
}

async function makeRow(
  db: AnyKysely,
  table: TableShape,
  primaryKey: ReadonlySet<string>,
  kind: Kind,
  tag: string,
  attempt: number,
): Promise<Record<string, unknown>> {
  const { rows: counted } = await sql<{
    n: number;
  }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
  const pick = Number(counted[0]!.n) + attempt;
  const references = new Map(table.references.map((r) => [r.column, r]));
  const row: Record<string, unknown> = {};

  // References pick their rows by counting in mixed radix (the family first, then each other
  // reference in turn), so successive picks give every combination before any repeats; each points
  // into the row's own family where the table referred to has families.
  let rest = pick;
  const choose = async (parent: string, key: string, familyId: unknown) => {
    const values = await candidates(db, parent, key, familyId);
    const value = values[rest % values.length];
    rest = Math.floor(rest / values.length);
    return value;
  };
  const family = references.get('family_id');
  const familyId = family ? await choose(family.table, family.to, undefined) : undefined;
  let longGiven = false;
  table.columns.forEach((column, position) => {
    if (kind === 'empty' && !primaryKey.has(column.name)) {
      if (column.nullable) return void (row[column.name] = null);
      if (column.hasDefault) return; // the default a migration gave it
    }
    const long = kind === 'edge' && column.type === 'text' && !longGiven && !references.has(column.name);
    const value = plainValue(table.name, column, kind, tag, position, long);
    if (long && typeof value === 'string' && value.length > 2000) longGiven = true;
    row[column.name] = value;
  });
  for (const [column, reference] of references) {
    if (kind === 'empty' && row[column] === null) continue;
    row[column] = column === 'family_id' ? familyId : await choose(reference.table, reference.to, familyId);
  }
  return row;
}

/** The values of `parent`.`key`, those of the family's rows when the parent has families and any do. */
async function candidates(db: AnyKysely, parent: string, key: string, familyId: unknown): Promise<unknown[]> {
  const { rows: columns } = await sql<{
    name: string;
  }>`select name from pragma_table_info(${parent})`.execute(db);
  const sameFamily = familyId !== undefined && columns.some((c) => c.name === 'family_id');
  const select = (filtered: boolean) =>
    sql<{ v: unknown }>`select ${sql.ref(key)} as v from ${sql.table(parent)}
      ${filtered ? sql`where family_id = ${familyId}` : sql``} order by rowid`.execute(db);
  let { rows } = await select(sameFamily);
  if (rows.length === 0) ({ rows } = await select(false));
  if (rows.length === 0) throw new Error(`${parent} has no rows to refer to`);
  return rows.map((r) => r.v);
}
