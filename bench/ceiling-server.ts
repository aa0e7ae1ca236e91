import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

// The ceiling of this machine: bare Fastify + one database call per request, no logging, no
// session. Our endpoints are measured against it in the same run.
//   GET   /people/:id                     one primary-key read of one row
//   PATCH /people/:id  {"checked": bool}  one single-row UPDATE … RETURNING *
// With an SQLite file, better-sqlite3 with the app's durability settings (src/db/connect.ts: WAL,
// synchronous = FULL); with a postgres:// URL, a pg pool of the app's default size (10), one round
// trip per request.
const target = process.argv[2];
const port = Number(process.argv[3]);
if (!target || !port) throw new Error('usage: ceiling-server.ts <sqlite-file | postgres-url> <port>');

const ROWS = 100_000;
const SCHEMA =
  'CREATE TABLE IF NOT EXISTS people (id INTEGER PRIMARY KEY, family_id TEXT, name TEXT, born TEXT, died TEXT, tz TEXT, note TEXT, checked_at TEXT)';

// The read answers the same row as before checked_at was added for the tick.
const COLUMNS = 'id, family_id, name, born, died, tz, note';

type Row = Record<string, unknown>;
let read: (id: number) => Promise<Row | undefined>;
let tick: (id: number, checkedAt: string | null) => Promise<Row | undefined>;

if (/^postgres(ql)?:\/\//.test(target)) {
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  await pool.query(SCHEMA);
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM people');
  if (Number(rows[0]!.n) === 0)
    await pool.query(
      `INSERT INTO people (id, family_id, name, born, died, tz, note)
       SELECT i, 'family-' || (i % 1000), 'Person ' || i, '1950-01-01', '2020-01-01', 'Europe/London', 'A short note.'
       FROM generate_series(1, ${ROWS}) AS i`,
    );
  await pool.query('VACUUM ANALYZE people');
  read = async (id) => (await pool.query<Row>(`SELECT ${COLUMNS} FROM people WHERE id = $1`, [id])).rows[0];
  tick = async (id, checkedAt) =>
    (await pool.query<Row>('UPDATE people SET checked_at = $1 WHERE id = $2 RETURNING *', [checkedAt, id]))
      .rows[0];
} else {
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const count = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  if (count === 0) {
    const insert = db.prepare(
      'INSERT INTO people (id, family_id, name, born, died, tz, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let i = 1; i <= ROWS; i++)
        insert.run(
          i,
          `family-${i % 1000}`,
          `Person ${i}`,
          '1950-01-01',
          '2020-01-01',
          'Europe/London',
          'A short note.',
        );
    })();
  }
  const select = db.prepare(`SELECT ${COLUMNS} FROM people WHERE id = ?`);
  const update = db.prepare('UPDATE people SET checked_at = ? WHERE id = ? RETURNING *');
  read = (id) => Promise.resolve(select.get(id) as Row | undefined);
  tick = (id, checkedAt) => Promise.resolve(update.get(checkedAt, id) as Row | undefined);
}

const app = Fastify();
app.get<{ Params: { id: string } }>('/people/:id', async (request, reply) => {
  const row = await read(Number(request.params.id));
  return row ?? reply.code(404).send({ error: 'not found' });
});
app.patch<{ Params: { id: string }; Body: { checked: boolean } }>('/people/:id', async (request, reply) => {
  const row = await tick(Number(request.params.id), request.body.checked ? new Date().toISOString() : null);
  return row ?? reply.code(404).send({ error: 'not found' });
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
