import type { ColumnShape, ColumnType } from './catalog.js';

// How stored values travel in a logical dump and a schema fixture (JSON): text and numbers as they
// are, bytes as base64. Decoding needs the column's type, which the dump names beside its rows.

export type JsonValue = string | number | null;

export function encodeValue(value: unknown, type: ColumnType, where: string): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) {
    if (type !== 'bytes') throw new Error(`${where} holds bytes in a ${type} column.`);
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`${where} holds a value of an unexpected kind (${typeof value}).`);
}

export function decodeValue(value: JsonValue, type: ColumnType): unknown {
  if (value === null) return null;
  if (type === 'bytes') {
    if (typeof value !== 'string') throw new Error('bytes must be base64 text');
    return Buffer.from(value, 'base64');
  }
  return value;
}

export const encodeRow = (table: string, columns: readonly ColumnShape[], row: Record<string, unknown>) =>
  columns.map((c) => encodeValue(row[c.name], c.type, `${table}.${c.name}`));

export function decodeRow(columns: readonly Pick<ColumnShape, 'name' | 'type'>[], values: JsonValue[]) {
  const row: Record<string, unknown> = {};
  columns.forEach((c, i) => (row[c.name] = decodeValue(values[i] ?? null, c.type)));
  return row;
}
