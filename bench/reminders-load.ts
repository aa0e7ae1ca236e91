import pg from 'pg';
import Database from 'better-sqlite3';
import type { ReminderData } from './reminders-seed.js';

// Bulk loading of the benchmark data straight into the tables (after the real migrations ran):
// prepared inserts in one transaction on SQLite, INSERT … SELECT unnest(…) on PostgreSQL.

const NOW = '2026-11-27T00:00:00.000Z';
const familyId = (n: number) => `00000000-0000-7000-0300-${n.toString(16).padStart(12, '0')}`;
const userId = (n: number) => `00000000-0000-7000-0400-${n.toString(16).padStart(12, '0')}`;
const memberId = (n: number) => `00000000-0000-7000-0500-${n.toString(16).padStart(12, '0')}`;

interface Columns {
  families: unknown[][];
  users: unknown[][];
  memberships: unknown[][];
  preferences: unknown[][];
  days: unknown[][];
  reminders: unknown[][];
}

function columns(data: ReminderData, smtpDomain: string): Columns {
  const families: unknown[][] = [];
  const users: unknown[][] = [];
  const memberships: unknown[][] = [];
  const preferences: unknown[][] = [];
  for (let f = 0; f < data.families; f++) {
    families.push([familyId(f), `Family ${f}`, 'Europe/London', NOW, 0, null]);
    users.push([userId(f), `member-${f}@${smtpDomain}`, 'x', `Member ${f}`, NOW]);
    memberships.push([memberId(f), familyId(f), userId(f), 'owner', `Member ${f}`, NOW]);
    preferences.push([
      `00000000-0000-7000-0600-${f.toString(16).padStart(12, '0')}`,
      familyId(f),
      memberId(f),
      'custom',
      1,
      1,
      'on_day',
      '09:00',
      null,
      null,
      NOW,
    ]);
  }
  const days = data.days.map((d) => [
    d.id,
    familyId(d.family),
    `custom:${d.id}`,
    'custom',
    d.title,
    d.anchor,
    'yearly',
    d.startTime,
    d.startTime ? 60 : null,
    d.startTime ? d.zone : null,
    NOW,
    NOW,
  ]);
  const reminders = data.reminders.map((r) => {
    const day = data.days[r.day]!;
    return [
      r.id,
      familyId(day.family),
      memberId(day.family),
      day.id,
      'on_day',
      r.nextDue,
      r.occurrence,
      'bench',
      NOW,
    ];
  });
  return { families, users, memberships, preferences, days, reminders };
}

const SQL = {
  families: ['families', 'id, name, home_zone, created_at, revision, country'],
  users: ['users', 'id, email, password_hash, display_name, created_at'],
  memberships: ['memberships', 'id, family_id, user_id, role, display_name, created_at'],
  preferences: [
    'reminder_preferences',
    'id, family_id, membership_id, day_kind, in_app, email, leads, remind_at, quiet_start, quiet_end, updated_at',
  ],
  days: [
    'remembrance_days',
    'id, family_id, source_key, kind, title, anchor_date, recurrence, start_time, duration_minutes, zone, created_at, updated_at',
  ],
  reminders: [
    'reminders',
    'id, family_id, membership_id, day_id, lead, next_due_utc, occurrence_date, signature, updated_at',
  ],
} as const;

export function loadSqlite(file: string, data: ReminderData, smtpDomain: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const all = columns(data, smtpDomain);
  db.transaction(() => {
    for (const key of Object.keys(SQL) as Array<keyof typeof SQL>) {
      const [table, cols] = SQL[key];
      const insert = db.prepare(
        `INSERT INTO ${table} (${cols}) VALUES (${cols
          .split(',')
          .map(() => '?')
          .join(', ')})`,
      );
      for (const row of all[key]) insert.run(row);
    }
  })();
  db.close();
}

const PG_TYPES: Record<keyof typeof SQL, string[]> = {
  families: ['text', 'text', 'text', 'text', 'int', 'text'],
  users: ['text', 'text', 'text', 'text', 'text'],
  memberships: ['text', 'text', 'text', 'text', 'text', 'text'],
  preferences: ['text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text', 'text', 'text'],
  days: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text'],
  reminders: ['text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'text', 'text'],
};

export async function loadPostgres(url: string, data: ReminderData, smtpDomain: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const all = columns(data, smtpDomain);
  try {
    for (const key of Object.keys(SQL) as Array<keyof typeof SQL>) {
      const [table, cols] = SQL[key];
      const types = PG_TYPES[key];
      const rows = all[key];
      for (let i = 0; i < rows.length; i += 20_000) {
        const chunk = rows.slice(i, i + 20_000);
        const arrays = types.map((_, c) => chunk.map((row) => row[c]));
        const params = types.map((t, c) => `$${c + 1}::${t}[]`).join(', ');
        await client.query(`INSERT INTO ${table} (${cols}) SELECT * FROM unnest(${params})`, arrays);
      }
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
