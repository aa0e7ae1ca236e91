import Database from 'better-sqlite3';
import Fastify from 'fastify';

// The ceiling of this machine for a JSON read: bare Fastify + better-sqlite3, one primary-key read of
// one row, no logging, no session. Our endpoint is measured against this in the same run.
const file = process.argv[2];
const port = Number(process.argv[3]);
if (!file || !port) throw new Error('usage: ceiling-server.ts <sqlite-file> <port>');

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS people (id INTEGER PRIMARY KEY, family_id TEXT, name TEXT, born TEXT, died TEXT, tz TEXT, note TEXT)',
);
const count = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
if (count === 0) {
  const insert = db.prepare(
    'INSERT INTO people (id, family_id, name, born, died, tz, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 1; i <= 100_000; i++)
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
const read = db.prepare('SELECT * FROM people WHERE id = ?');

const app = Fastify();
app.get<{ Params: { id: string } }>('/people/:id', async (request, reply) => {
  const row = read.get(Number(request.params.id));
  return row ?? reply.code(404).send({ error: 'not found' });
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
