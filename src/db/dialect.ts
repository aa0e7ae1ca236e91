import type { Flag } from './schema.js';

// The few places where SQLite and PostgreSQL differ, kept in one file (STYLE.md rule 8).

export const toFlag = (value: boolean): Flag => (value ? 1 : 0);
export const fromFlag = (value: number | null | undefined): boolean => value === 1;

/** A yes/no the family may not have answered yet: null stays null ("not said"), never false. */
export const toAnswer = (value: boolean | null): Flag | null => (value === null ? null : toFlag(value));
export const fromAnswer = (value: number | null): boolean | null => (value === null ? null : value === 1);

/** True when an error is a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** True when an error is a foreign-key violation on either database. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
