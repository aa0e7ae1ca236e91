import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, type Seeded } from '../../../../bench/seed.js';
import { tickStatements, type TickStatements } from '../../../../bench/tick-statements.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';

// A tick is the hot write: what it asks of the database is counted here (bench/tick-statements.ts,
// the same count `npm run bench` prints), so that a read of the item creeping back in before its
// update, or a statement that stops travelling with another, fails a test rather than a benchmark.

let database: TestDatabase;
let seeded: Seeded;
let counted: TickStatements;

beforeAll(async () => {
  database = await createTestDatabase();
  const { databaseUrl, dataDir } = database;
  seeded = await seed(databaseUrl ? { databaseUrl } : { sqliteFile: join(dataDir, 'alongside.sqlite') }, 2, {
    pastTrips: 1,
  });
  [counted] = (await tickStatements(databaseUrl ? { databaseUrl } : { dataDir }, [
    seeded.history.oneTrip,
  ])) as [TickStatements];
});
afterAll(() => database.drop());

const shapes = () => counted.request.map((s) => s.replace(/\s+/g, ' ').toLowerCase());

describe('one checklist tick', () => {
  it('reads and writes its item in one statement, which answers it with its names', () => {
    const onItems = shapes().filter((s) => s.includes('checklist_items'));
    expect(onItems).toHaveLength(1);
    expect(onItems[0]).toMatch(/^update "checklist_items" set .* returning \*, \(select/);
    expect(onItems[0]).toContain('as "checked_by_name"');
  });

  it('waits for the database three times on PostgreSQL: the session, the item, the commit (five statements)', () => {
    if (database.dialect === 'sqlite') {
      expect(counted.roundTrips).toBeNull();
      return;
    }
    expect(shapes().map((s) => s.slice(0, 40))).toEqual([
      expect.stringMatching(/^select "s"\."id"/),
      'begin',
      expect.stringMatching(/^update "checklist_items"/),
      expect.stringMatching(/^\/\* at commit \*\/ with raised as \(update f/),
      'commit',
    ]);
    expect(counted.roundTrips).toBe(3);
  });
});
