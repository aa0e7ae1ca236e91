import { sql, type Kysely } from 'kysely';
import type { Dialect } from './connect.js';

// The schema as the database itself describes it (SQLite's pragmas, PostgreSQL's
// information_schema), not as the code believes it to be: what the family deletion reads to find
// every row a family owns, and what the schema-walking tests check that nothing was forgotten with.

export interface CatalogueColumn {
  table: string;
  column: string;
  /** The declared type, lower-cased: 'text', 'integer', 'bigint', 'blob' or 'bytea'. */
  type: string;
}

export interface CatalogueForeignKey {
  table: string;
  column: string;
  /** The table and column it points at. */
  references: { table: string; column: string };
}

export interface Catalogue {
  /** Every application table (the migrator's own bookkeeping left out), by name. */
  tables: string[];
  columns: CatalogueColumn[];
  foreignKeys: CatalogueForeignKey[];
  /** Each table's primary-key columns, in order. */
  primaryKeys: Map<string, string[]>;
}

const isMigratorTable = (name: string) => name.startsWith('kysely_migration');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Reads the catalogue of the connected database. */
export async function readCatalogue(db: AnyDb, dialect: Dialect): Promise<Catalogue> {
  return dialect === 'postgres' ? postgresCatalogue(db) : sqliteCatalogue(db);
}

async function sqliteCatalogue(db: AnyDb): Promise<Catalogue> {
  const { rows: tableRows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  const tables = tableRows.map((r) => r.name).filter((name) => !isMigratorTable(name));
  const columns: CatalogueColumn[] = [];
  const foreignKeys: CatalogueForeignKey[] = [];
  const primaryKeys = new Map<string, string[]>();
  for (const table of tables) {
    const { rows: info } = await sql<{ name: string; type: string; pk: number }>`
      select name, type, pk from pragma_table_info(${table})`.execute(db);
    for (const c of info) columns.push({ table, column: c.name, type: c.type.toLowerCase() });
    primaryKeys.set(
      table,
      info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    );
    const { rows: keys } = await sql<{ from: string; table: string; to: string | null }>`
      select "from", "table", "to" from pragma_foreign_key_list(${table})`.execute(db);
    for (const k of keys)
      foreignKeys.push({ table, column: k.from, references: { table: k.table, column: k.to ?? 'id' } });
  }
  return { tables, columns, foreignKeys, primaryKeys };
}

async function postgresCatalogue(db: AnyDb): Promise<Catalogue> {
  const { rows: columnRows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const columns = columnRows
    .filter((r) => !isMigratorTable(r.table_name))
    .map((r) => ({ table: r.table_name, column: r.column_name, type: r.data_type.toLowerCase() }));
  const tables = [...new Set(columns.map((c) => c.table))].sort();
  const { rows: keyRows } = await sql<{
    table_name: string;
    column_name: string;
    ref_table: string;
    ref_column: string;
  }>`
    select kcu.table_name, kcu.column_name, ccu.table_name as ref_table, ccu.column_name as ref_column
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  const foreignKeys = keyRows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    references: { table: r.ref_table, column: r.ref_column },
  }));
  const { rows: pkRows } = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
    order by kcu.table_name, kcu.ordinal_position`.execute(db);
  const primaryKeys = new Map<string, string[]>(tables.map((t) => [t, []]));
  for (const r of pkRows) primaryKeys.get(r.table_name)?.push(r.column_name);
  return { tables, columns, foreignKeys, primaryKeys };
}
