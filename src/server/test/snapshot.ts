import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// Tables whose rows change as a side effect of simply being signed in; they hold no family data.
const volatile = new Set<keyof Database>(['sessions', 'auth_throttle']);

/** Stored bytes (a voice note) as their length and digest: as exact a comparison, far shorter. */
function bytesAsDigest(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array
    ? `bytes:${raw.length}:${createHash('sha256').update(raw).digest('base64url')}`
    : value;
}

/** Every row of every family table, in a stable order: equal snapshots mean nothing was written. */
export async function snapshotData(
  db: Kysely<Database>,
  tables: readonly (keyof Database)[],
): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const table of tables) {
    if (volatile.has(table)) continue;
    const rows = await db.selectFrom(table).selectAll().execute();
    parts[table] = rows.map((row) => JSON.stringify(row, bytesAsDigest)).sort();
  }
  return JSON.stringify(parts);
}

export const allTables: readonly (keyof Database)[] = [
  'families',
  'users',
  'memberships',
  'loved_ones',
  'keepsakes',
  'trips',
  'trip_travellers',
  'trip_legs',
  'leg_checks',
  'trip_keepsakes',
  'checklist_items',
  'check_confirmations',
  'checklist_templates',
  'checklist_template_items',
  'remembrance_days',
  'reminder_preferences',
  'reminders',
  'inbox_items',
  'member_tokens',
  'requirement_ticks',
  'invites',
  'invite_joins',
  'child_profiles',
  'keepsake_helps',
  'memory_box_items',
  'journal_entries',
  'journal_settings',
  'tributes',
  'tribute_links',
  'memorial_books',
  'memorial_book_chunks',
  'memorial_book_entries',
  'family_exports',
  'family_export_chunks',
];
