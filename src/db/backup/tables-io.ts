import { sql } from 'kysely';
import type { Dialect } from '../connect.js';
import type { ColumnShape, TableShape } from './catalog.js';
import type { AnyKysely } from './tool-connection.js';

/** Some rows of one table, as a dump carries them. */
export interface RowBatch {
  table: string;
  columns: ReadonlyArray<Pick<ColumnShape, 'name' | 'type'>>;
  rows: Record<string, unknown>[];
}

/** Rows holding photos or recordings come a few at a time, so memory stays small whatever the size. */
const batchSize = (table: TableShape) => (table.columns.some((c) => c.type === 'bytes') ? 16 : 500);

/**
 * Every row of every table in `catalog`, table by table in its order, a batch at a time. On
 * PostgreSQL it must run inside a transaction (its cursors live there), and all of it then reads one
 * snapshot when that transaction is REPEATABLE READ.
 */
export async function* readTables(
  db: AnyKysely,
  dialect: Dialect,
  catalog: readonly TableShape[],
): AsyncGenerator<RowBatch & { first: boolean }> {
  for (const table of catalog) {
    let first = true;
    for await (const rows of dialect === 'postgres' ? pgRows(db, table) : sqliteRows(db, table)) {
      yield { table: table.name, columns: table.columns, rows, first };
      first = false;
    }
    if (first) yield { table: table.name, columns: table.columns, rows: [], first };
  }
}

async function* pgRows(db: AnyKysely, table: TableShape) {
  await sql`declare alongside_backup no scroll cursor for select * from ${sql.table(table.name)}`.execute(db);
  const fetch = sql.raw(`fetch ${batchSize(table)} from alongside_backup`);
  for (;;) {
    const { rows } = await fetch.execute(db);
    if (rows.length === 0) break;
    yield rows as Record<string, unknown>[];
  }
  await sql`close alongside_backup`.execute(db);
}

/** By rowid, in the order rows were written (every table here has one). */
async function* sqliteRows(db: AnyKysely, table: TableShape) {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { rows } = await sql<Record<string, unknown> & { alongside_rowid: number }>`
      select rowid as alongside_rowid, * from ${sql.table(table.name)}
      where rowid > ${after} order by rowid limit ${batchSize(table)}`.execute(db);
    if (rows.length === 0) break;
    after = rows.at(-1)!.alongside_rowid;
    yield rows.map(({ alongside_rowid: _, ...row }) => row);
  }
}

/** Inserts rows in statements small enough for either database's limit on bound values. */
export async function insertRows(
  db: AnyKysely,
  dialect: Dialect,
  table: string,
  columnCount: number,
  rows: Record<string, unknown>[],
): Promise<void> {
  const maxValues = dialect === 'postgres' ? 60_000 : 30_000;
  const perStatement = Math.max(1, Math.min(500, Math.floor(maxValues / Math.max(1, columnCount))));
  for (let i = 0; i < rows.length; i += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement))
      .execute();
  }
}
