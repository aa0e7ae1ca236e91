import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ColumnShape, ColumnType } from './catalog.js';
import { BackupInputError, parseHeader, type BackupHeader } from './header.js';
import type { RowBatch } from './tables-io.js';
import { decodeRow, encodeRow, type JsonValue } from './values.js';

// The logical dump: JSON Lines (one JSON value per line, UTF-8), described in docs/backups.md.
//   line 1            the backup record (header.ts)
//   per table         {"table": name, "columns": [{"name", "type"}]}, then one JSON array per row
//                     (values in column order; bytes as base64), then {"end": name, "rows": n}
//   last line         {"end": "backup", "tables": t, "rows": r}
// Tables come each after those it refers to, so a restore inserts them in file order. The end lines
// let a restore tell a whole file from one cut short.

export interface LineSink {
  write(line: string): Promise<void>;
}

/** Writes a logical dump of `batches` (readTables' output) to `out`; answers the rows written. */
export async function writeLogical(
  out: LineSink,
  header: BackupHeader,
  batches: AsyncIterable<RowBatch & { first: boolean }>,
): Promise<{ tables: number; rows: number }> {
  await out.write(JSON.stringify(header));
  let open: { name: string; rows: number } | undefined;
  let tables = 0;
  let rows = 0;
  const close = async () => {
    if (!open) return;
    await out.write(JSON.stringify({ end: open.name, rows: open.rows }));
    tables += 1;
    rows += open.rows;
  };
  for await (const batch of batches) {
    if (batch.first) {
      await close();
      open = { name: batch.table, rows: 0 };
      const columns = batch.columns.map((c) => ({ name: c.name, type: c.type }));
      await out.write(JSON.stringify({ table: batch.table, columns }));
    }
    for (const row of batch.rows) {
      await out.write(JSON.stringify(encodeRow(batch.table, batch.columns as ColumnShape[], row)));
    }
    open!.rows += batch.rows.length;
  }
  await close();
  await out.write(JSON.stringify({ end: 'backup', tables, rows }));
  return { tables, rows };
}

/** The first line of a file: a logical dump's record, or null when the file is something else. */
export async function readFirstLine(file: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', end: 1 << 20 }) });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

const types = new Set<ColumnType>(['text', 'integer', 'bigint', 'bytes']);

/**
 * Reads a logical dump back: its record, then its rows a batch at a time. Anything out of place (a
 * row with the wrong number of values, a table not closed, no final line) stops the read with a
 * message, so a damaged or shortened file is never taken for a whole one.
 */
export async function openLogical(
  file: string,
): Promise<{ header: BackupHeader; batches: AsyncGenerator<RowBatch> }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = parseHeader(first.done ? '' : first.value, 'The file');
  const where = (n: number) => `The backup file (line ${n})`;

  async function* batches(): AsyncGenerator<RowBatch> {
    let lineNo = 1;
    let table: { name: string; columns: Array<{ name: string; type: ColumnType }>; rows: number } | undefined;
    let batch: Record<string, unknown>[] = [];
    let batchBytes = 0;
    let ended = false;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        lineNo += 1;
        const line = next.value;
        if (ended) throw new BackupInputError(`${where(lineNo)} goes on after its last line.`);
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          throw new BackupInputError(`${where(lineNo)} is not JSON: the file is damaged.`);
        }
        if (Array.isArray(value)) {
          if (!table) throw new BackupInputError(`${where(lineNo)} has a row outside any table.`);
          if (value.length !== table.columns.length) {
            throw new BackupInputError(
              `${where(lineNo)} has a row of ${table.name} with the wrong number of values.`,
            );
          }
          batch.push(decodeRow(table.columns, value as JsonValue[]));
          batchBytes += line.length;
          table.rows += 1;
          if (batch.length >= 500 || batchBytes >= 8 << 20) {
            yield { table: table.name, columns: table.columns, rows: batch };
            batch = [];
            batchBytes = 0;
          }
          continue;
        }
        const record = value as {
          table?: unknown;
          columns?: unknown;
          end?: unknown;
          rows?: unknown;
          tables?: unknown;
        };
        if (typeof record.table === 'string' && Array.isArray(record.columns)) {
          if (table)
            throw new BackupInputError(`${where(lineNo)} starts ${record.table} before ${table.name} ended.`);
          const columns = record.columns as Array<{ name: string; type: ColumnType }>;
          if (!columns.every((c) => typeof c?.name === 'string' && types.has(c.type))) {
            throw new BackupInputError(
              `${where(lineNo)} describes the columns of ${record.table} in a way this version cannot read.`,
            );
          }
          table = { name: record.table, columns, rows: 0 };
        } else if (record.end === 'backup' && !table) {
          ended = true;
        } else if (table && record.end === table.name) {
          if (record.rows !== table.rows) {
            throw new BackupInputError(
              `${where(lineNo)} says ${table.name} has ${String(record.rows)} rows, but ${table.rows} came before it.`,
            );
          }
          yield { table: table.name, columns: table.columns, rows: batch };
          batch = [];
          batchBytes = 0;
          table = undefined;
        } else {
          throw new BackupInputError(
            `${where(lineNo)} is not a line this version understands: the file is damaged.`,
          );
        }
      }
      if (!ended) {
        throw new BackupInputError(
          'The backup file ends early: it was cut short while being written or copied. Please use a whole copy.',
        );
      }
    } finally {
      lines.close();
    }
  }
  return { header, batches: batches() };
}
