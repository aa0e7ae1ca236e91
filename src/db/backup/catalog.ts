import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

// What a backup, a restore and the schema fixtures need to know about the tables, read from the
// database itself rather than from schema.ts: a backup made by an older version holds that
// version's tables, and a restore must take them as they were.

/** The four kinds of value our portable migrations store (ARCHITECTURE.md, "Data"). */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'bytes';

export interface ColumnShape {
  name: string;
  type: ColumnType;
  nullable: boolean;
  hasDefault: boolean;
}

export interface TableShape {
  name: string;
  /** In the order the table defines them. */
  columns: ColumnShape[];
  /** Foreign keys: this table's `column` holds a value of `table`.`to`. */
  references: Array<{ column: string; table: string; to: string }>;
}

// Loosely typed on purpose: the tables are whatever the database holds, not today's schema.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

/** Kysely's own bookkeeping: a restore rebuilds it by migrating, so backups leave it out. */
export const isMigrationTable = (name: string) => name.startsWith('kysely_migration');

/** Column types as each database names them: SQLite keeps the declared name, PostgreSQL its own. */
export function columnType(declared: string): ColumnType {
  const type = declared.toLowerCase();
  if (type === 'bigint' || type === 'int8') return 'bigint';
  if (type.includes('int')) return 'integer';
  if (type === 'bytea' || type === 'blob') return 'bytes';
  return 'text';
}

/**
 * Every table of the application (not Kysely's own), each after the tables it refers to, so rows
 * can be inserted in this order with foreign keys checked. Ties go by name, so the order is stable.
 */
export async function readCatalog(db: AnyKysely, dialect: Dialect): Promise<TableShape[]> {
  const schema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const tables = (await db.introspection.getTables()).filter(
    (t) => !t.isView && !isMigrationTable(t.name) && (schema === undefined || t.schema === schema),
  );
  const shapes: TableShape[] = [];
  for (const table of tables) {
    shapes.push({
      name: table.name,
      columns: table.columns.map((c) => ({
        name: c.name,
        type: columnType(c.dataType),
        nullable: c.isNullable,
        hasDefault: c.hasDefaultValue,
      })),
      references: dialect === 'sqlite' ? await sqliteReferences(db, table.name) : [],
    });
  }
  if (dialect === 'postgres') {
    const all = await postgresReferences(db);
    for (const shape of shapes) shape.references = all.filter((r) => r.from === shape.name);
  }
  return inDependencyOrder(shapes);
}

async function currentSchema(db: AnyKysely): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

async function sqliteReferences(db: AnyKysely, table: string) {
  const { rows } = await sql<{ from: string; table: string; to: string }>`
    select "from", "table", "to" from pragma_foreign_key_list(${table})`.execute(db);
  return rows.map((r) => ({ column: r.from, table: r.table, to: r.to }));
}

async function postgresReferences(db: AnyKysely) {
  const { rows } = await sql<{ from: string; column: string; table: string; to: string }>`
    select cl.relname as "from", a.attname as "column", rcl.relname as "table", ra.attname as "to"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_class rcl on rcl.oid = c.confrelid
    cross join lateral unnest(c.conkey, c.confkey) as k(col, refcol)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.refcol
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  return rows;
}

/** Kahn's algorithm. A table referring to itself would need its rows ordered too: there is none. */
export function inDependencyOrder(tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingOn = new Map(
    tables.map((t) => [
      t.name,
      new Set(t.references.map((r) => r.table).filter((n) => n !== t.name && byName.has(n))),
    ]),
  );
  const ordered: TableShape[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn].filter(([, needs]) => needs.size === 0).map(([name]) => name);
    if (ready.length === 0)
      throw new Error(`Tables refer to each other in a cycle: ${[...waitingOn.keys()].join(', ')}`);
    ready.sort();
    const next = ready[0]!;
    ordered.push(byName.get(next)!);
    waitingOn.delete(next);
    for (const needs of waitingOn.values()) needs.delete(next);
  }
  return ordered;
}
