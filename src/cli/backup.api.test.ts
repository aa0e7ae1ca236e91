import Database from 'better-sqlite3';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationNames } from '../db/migrate.js';
import { buildTestApp, type TestApp } from '../server/test/app.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../server/test/database.js';
import { createFamily } from '../server/test/factories.js';
import { populateFamily } from '../server/test/populate.js';
import { capture, envFor, everyRow, storeOf } from '../server/test/stores.js';
import { runCli } from './run.js';

// `alongside backup` and `alongside restore` on the database under test: every row comes back,
// whatever the method; a target that is not empty, a file cut short or damaged, a backup from a
// newer version are refused with a message, and nothing is left half written or half restored.

const dialect = testDialect();
let t: TestApp;
let dir: string;
const targets: TestDatabase[] = [];
let n = 0;

beforeAll(async () => {
  t = await buildTestApp();
  const family = await createFamily(t.app, {
    displayName: 'Zoë',
    familyName: 'The Ørsted-Nakamura family 🕯️',
  });
  await populateFamily(family, 'Jack', t.container.db.kysely);
  dir = mkdtempSync(join(tmpdir(), 'alongside-backups-'));
}, 120_000);
afterAll(async () => {
  await t.close();
  for (const target of targets) await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

const newFile = (name = 'family') => join(dir, `${name}-${++n}.backup`);
async function emptyTarget(): Promise<TestDatabase> {
  const target = await createTestDatabase();
  targets.push(target);
  return target;
}

async function backUp(flags: string[] = [], file = newFile()) {
  const io = capture();
  const code = await runCli(['backup', ...flags, file], io, envFor(t.database));
  return { code, said: io.said(), file };
}
async function restoreInto(target: TestDatabase, file: string) {
  const io = capture();
  const code = await runCli(['restore', file], io, envFor(target));
  return { code, said: io.said() };
}

/** Nothing restored: no database file (SQLite), or no table at all (PostgreSQL). */
async function isEmpty(target: TestDatabase): Promise<boolean> {
  if (target.dialect === 'sqlite') return readdirSync(target.dataDir).length === 0;
  const rows = await everyRow(storeOf(target));
  return rows.applied.length === 0 && Object.keys(rows.tables).length === 0;
}

const methods: Array<[string, string[], RegExp]> =
  dialect === 'sqlite'
    ? [
        ["SQLite's online backup", [], /with SQLite's online backup/],
        ['a logical dump', ['--logical'], /with a logical dump/],
      ]
    : [
        ['pg_dump', [], /with pg_dump \(PostgreSQL\)/],
        ['a logical dump', ['--logical'], /with a logical dump/],
      ];

describe.each(methods)('a backup with %s', (_name, flags, saying) => {
  it('records where it came from, is for its owner only, and restores every row', async () => {
    const made = await backUp(flags);
    expect(made.code, made.said).toBe(0);
    expect(made.said).toMatch(saying);
    expect(made.said).toContain(`schema ${migrationNames.at(-1)}`);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);

    const record = recordOf(made.file);
    expect(record).toMatchObject({
      alongside: 'backup',
      store: dialect,
      schemaVersion: migrationNames.at(-1),
    });
    expect(record.migrations).toEqual(migrationNames);

    const target = await emptyTarget();
    const restored = await restoreInto(target, made.file);
    expect(restored.code, restored.said).toBe(0);
    expect(restored.said).toMatch(/nothing to bring up to date/);
    expect(await everyRow(storeOf(target))).toEqual(await everyRow(storeOf(t.database)));
  });
});

/** The record a backup keeps of itself, wherever its format keeps it. */
function recordOf(file: string): {
  alongside: string;
  store: string;
  schemaVersion: string;
  migrations: string[];
} {
  const start = readFileSync(file).subarray(0, 16).toString('latin1');
  if (start.startsWith('SQLite format 3')) {
    const db = new Database(file, { readonly: true });
    try {
      return JSON.parse(
        (db.prepare(`select value from alongside_backup where key = 'record'`).get() as { value: string })
          .value,
      );
    } finally {
      db.close();
    }
  }
  const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
  return JSON.parse(first.replace(/^-- Alongside backup: /, ''));
}

describe('what a backup refuses', () => {
  it('never replaces a file already there', async () => {
    const file = newFile('kept');
    writeFileSync(file, 'an older backup');
    const made = await backUp([], file);
    expect(made.code).toBe(2);
    expect(made.said).toMatch(/already exists\. Please choose a new name/);
    expect(readFileSync(file, 'utf8')).toBe('an older backup');
  });

  it('says so when the folder does not exist', async () => {
    const made = await backUp([], join(dir, 'no-such-folder', 'b.backup'));
    expect(made.code).toBe(2);
    expect(made.said).toMatch(/does not exist\. Please create it first/);
  });
});

describe('what a restore refuses, leaving the target as it was', () => {
  it('a data directory or database that is not empty', async () => {
    const made = await backUp();
    const before = await everyRow(storeOf(t.database));
    const restored = await restoreInto(t.database, made.file);
    expect(restored.code).toBe(2);
    expect(restored.said).toMatch(dialect === 'sqlite' ? /already holds a database/ : /is not empty/);
    expect(await everyRow(storeOf(t.database))).toEqual(before);
  });

  it('a logical dump cut short, even after most of its rows went in', async () => {
    const made = await backUp(['--logical']);
    const whole = readFileSync(made.file, 'utf8').split('\n');
    const cut = newFile('cut');
    writeFileSync(cut, whole.slice(0, Math.floor(whole.length * 0.8)).join('\n') + '\n');
    const target = await emptyTarget();
    const restored = await restoreInto(target, cut);
    expect(restored.code).toBe(2);
    expect(restored.said).toMatch(/ends early: it was cut short/);
    expect(await isEmpty(target)).toBe(true);
  });

  it('a backup made by a newer version of Alongside', async () => {
    const made = await backUp(['--logical']);
    const [first, ...rest] = readFileSync(made.file, 'utf8').split('\n');
    const record = JSON.parse(first!) as { migrations: string[]; schemaVersion: string };
    record.migrations.push('2099-01-01-999-from-the-future');
    record.schemaVersion = '2099-01-01-999-from-the-future';
    const newer = newFile('newer');
    writeFileSync(newer, [JSON.stringify(record), ...rest].join('\n'));
    const target = await emptyTarget();
    const restored = await restoreInto(target, newer);
    expect(restored.code).toBe(2);
    expect(restored.said).toMatch(
      /made by a newer or different version of Alongside .* Please update Alongside, then restore/,
    );
    expect(await isEmpty(target)).toBe(true);
  });

  it('a file that is not a backup', async () => {
    const other = newFile('notes');
    writeFileSync(other, 'Dear Jack,\n');
    const target = await emptyTarget();
    const restored = await restoreInto(target, other);
    expect(restored.code).toBe(2);
    expect(restored.said).toMatch(/is not an Alongside backup/);
    expect(await isEmpty(target)).toBe(true);
  });

  it.runIf(dialect === 'sqlite')('a damaged SQLite backup', async () => {
    const made = await backUp();
    const bytes = readFileSync(made.file);
    bytes.fill(0xa5, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    const damaged = newFile('damaged');
    writeFileSync(damaged, bytes);
    const target = await emptyTarget();
    const restored = await restoreInto(target, damaged);
    expect(restored.code).toBe(2);
    expect(restored.said).toMatch(/damaged/);
    expect(await isEmpty(target)).toBe(true);
  });

  it.runIf(dialect === 'postgres')(
    'a pg_dump file that fails near its end: psql takes back everything',
    async () => {
      const made = await backUp();
      const text = readFileSync(made.file, 'utf8');
      const at = text.lastIndexOf('\nCREATE INDEX');
      const broken = newFile('broken');
      writeFileSync(broken, `${text.slice(0, at)}\nSELECT 1 / 0;${text.slice(at)}`);
      const target = await emptyTarget();
      const restored = await restoreInto(target, broken);
      expect(restored.code).toBe(1);
      expect(restored.said).toMatch(/psql stopped .*division by zero/s);
      expect(await isEmpty(target)).toBe(true);
    },
  );
});

describe('an older backup', () => {
  it('is brought up to date after it is restored', async () => {
    const older = fileURLToPath(
      new URL('../../test/fixtures/schema-versions/2026-12-05-012-supporters.jsonl', import.meta.url),
    );
    const target = await emptyTarget();
    const restored = await restoreInto(target, older);
    expect(restored.code, restored.said).toBe(0);
    const after = migrationNames.length - migrationNames.indexOf('2026-12-05-012-supporters') - 1;
    expect(restored.said).toContain(
      `Brought it up to date from 2026-12-05-012-supporters: ${after} migration(s) applied`,
    );
    expect((await everyRow(storeOf(target))).applied).toEqual(migrationNames);
  });
});

describe.runIf(dialect === 'postgres')('PostgreSQL without a usable pg_dump', () => {
  /** Runs `work` with a pg_dump of our own first on PATH. */
  async function withFakePgDump<T>(script: string, work: () => Promise<T>): Promise<T> {
    const bin = mkdtempSync(join(tmpdir(), 'alongside-fake-pg-'));
    writeFileSync(join(bin, 'pg_dump'), `#!/bin/sh\n${script}\n`);
    chmodSync(join(bin, 'pg_dump'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      return await work();
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
  }

  it('makes a logical dump, and says why, when pg_dump is older than the server', async () => {
    const made = await withFakePgDump('echo "pg_dump (PostgreSQL) 9.6.24"', () => backUp());
    expect(made.code, made.said).toBe(0);
    expect(made.said).toMatch(/older than the server \(PostgreSQL \d+\), so a logical dump was made instead/);
    expect(recordOf(made.file)).toMatchObject({ alongside: 'backup', store: 'postgres' });
    expect(readFileSync(made.file, 'utf8').startsWith('{"alongside":"backup"')).toBe(true);
  });

  it('leaves no file, whole or partial, when pg_dump fails midway', async () => {
    const file = newFile('failed');
    const made = await withFakePgDump(
      'case "$1" in --version) echo "pg_dump (PostgreSQL) 99.0";; *) echo "CREATE TABLE half"; echo "pg_dump: error: connection lost" >&2; exit 1;; esac',
      () => backUp([], file),
    );
    expect(made.code).toBe(1);
    expect(made.said).toMatch(/pg_dump stopped \(exit 1\): pg_dump: error: connection lost/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe.runIf(dialect === 'postgres')('moving between PostgreSQL and SQLite', () => {
  it('goes through a logical dump one way and an SQLite backup the other, every row intact', async () => {
    const logical = await backUp(['--logical']);
    const sqliteDir = mkdtempSync(join(tmpdir(), 'alongside-move-'));
    try {
      const sqliteTarget: TestDatabase = {
        dialect: 'sqlite',
        dataDir: sqliteDir,
        databaseUrl: undefined,
        drop: async () => undefined,
      };
      const intoSqlite = await restoreInto(sqliteTarget, logical.file);
      expect(intoSqlite.code, intoSqlite.said).toBe(0);
      const original = await everyRow(storeOf(t.database));
      expect(await everyRow(storeOf(sqliteTarget))).toEqual(original);

      const io = capture();
      const back = newFile('from-sqlite');
      expect(await runCli(['backup', back], io, envFor(sqliteTarget)), io.said()).toBe(0);
      const target = await emptyTarget();
      const intoPostgres = await restoreInto(target, back);
      expect(intoPostgres.code, intoPostgres.said).toBe(0);
      expect(await everyRow(storeOf(target))).toEqual(original);
    } finally {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  });
});
