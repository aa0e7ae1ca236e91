import type { LightMyRequestResponse } from 'fastify';
import yauzl from 'yauzl';
import yazl from 'yazl';
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

/** A zip of these files, in this order (a name may come twice: yazl does not stop it). */
export async function zipOf(
  entries: Array<[string, Buffer]>,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress: options.compress ?? true });
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/** An archive's files with family.json changed by `change`. */
export function withData(
  files: Map<string, Buffer>,
  change: (data: Record<string, Array<Record<string, unknown>>>) => unknown,
): Map<string, Buffer> {
  const data = dataOf(files);
  change(data);
  return new Map(files).set('family.json', Buffer.from(JSON.stringify(data)));
}

/**
 * Every byte run `from` in a zip replaced by `to` (as long): a name the zip library would not write
 * ("../x"), or a size its header should not claim. Both the entry's own header and the central
 * directory say a name, so both are changed.
 */
export function patched(zip: Buffer, from: Buffer, to: Buffer): Buffer {
  if (from.length !== to.length) throw new Error('a patch keeps the length');
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  if (at < 0) throw new Error('nothing to patch');
  while (at >= 0) {
    to.copy(out, at);
    at = out.indexOf(from, at + to.length);
  }
  return out;
}

/** A zip whose central directory claims `size` bytes unpacked for `name` (its data unchanged). */
export function declaringSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = out.indexOf(signature); at >= 0; at = out.indexOf(signature, at + 46)) {
    const length = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + length) === name) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}
