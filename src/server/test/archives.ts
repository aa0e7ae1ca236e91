import type { LightMyRequestResponse } from 'fastify';
import yauzl from 'yauzl';
import type { FamilyExport } from '../../contracts/family-archive.js';
import { MAKE_EXPORT_QUEUE } from '../modules/family-data/index.js';
import type { Client, TestApp } from './app.js';

// A family's archive in tests: asked for through the API, made by the real job, downloaded with its
// single-use link, and unpacked; and an archive sent back in as a new family.

/** Asks for an archive, runs the job, and downloads it; answers the zip and the export as shown. */
export async function exportFamily(t: TestApp, client: Client): Promise<{ zip: Buffer; made: FamilyExport }> {
  const asked = await client.post('/api/family-exports');
  if (asked.statusCode !== 202) throw new Error(`export failed: ${asked.statusCode} ${asked.body}`);
  const { id } = asked.json<{ export: FamilyExport }>().export;
  await t.container.jobs(t.app.log).drain(MAKE_EXPORT_QUEUE);
  const made = (await client.get(`/api/family-exports/${id}`)).json<{ export: FamilyExport }>().export;
  if (made.state !== 'ready') {
    const job = await t.container.db.kysely
      .selectFrom('jobs')
      .select('last_error')
      .where('dedupe_key', '=', `family-export:${id}`)
      .executeTakeFirst();
    throw new Error(`export not ready: ${made.state} (${job?.last_error ?? 'no job'})`);
  }
  const link = await client.post(`/api/family-exports/${id}/link`);
  if (link.statusCode !== 200) throw new Error(`link failed: ${link.statusCode} ${link.body}`);
  const file = await client.get(link.json<{ url: string }>().url);
  if (file.statusCode !== 200) throw new Error(`download failed: ${file.statusCode} ${file.body}`);
  return { zip: file.rawPayload, made };
}

/** Every file of a zip by name (a test's small archive, so all at once is fine). */
export async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of archive.eachEntry()) {
    const stream = await archive.openReadStreamPromise(entry);
    const parts: Buffer[] = [];
    for await (const part of stream as AsyncIterable<Buffer>) parts.push(part);
    files.set(entry.fileName, Buffer.concat(parts));
  }
  return files;
}

/** Sends a zip to be imported as a new family. */
export function importFamily(client: Client, zip: Buffer): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url: '/api/family-imports',
    payload: zip,
    headers: { 'content-type': 'application/zip' },
  });
}

/** family.json of an archive, parsed. */
export const dataOf = (
  files: Map<string, Buffer>,
): Record<string, unknown> & Record<string, Array<Record<string, unknown>>> =>
  JSON.parse(files.get('family.json')!.toString('utf8')) as Record<string, unknown> &
    Record<string, Array<Record<string, unknown>>>;
