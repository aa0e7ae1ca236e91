import { crc32 } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { FamilyExport, FamilyImport, ImportResponse } from '../../contracts/family-archive.js';
import { IMPORT_QUEUE, MAKE_EXPORT_QUEUE } from '../modules/family-data/index.js';
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

/**
 * Sends a zip to be imported and, once the server has accepted it (202), runs the import job as the
 * runner would; answers the request's response and the import as its asker then reads it.
 */
export async function importAndRun(
  t: TestApp,
  client: Client,
  zip: Buffer,
): Promise<{ response: LightMyRequestResponse; made?: FamilyImport }> {
  const response = await importFamily(client, zip);
  if (response.statusCode !== 202) return { response };
  const { id } = response.json<{ import: FamilyImport }>().import;
  await t.container.jobs(t.app.log).drain(IMPORT_QUEUE);
  const read = await client.get(`/api/family-imports/${id}`);
  if (read.statusCode !== 200) throw new Error(`import not found: ${read.statusCode} ${read.body}`);
  return { response, made: read.json<{ import: FamilyImport }>().import };
}

/** Imports a zip as a new family through the request and the job; throws unless it came in. */
export async function importedFamily(t: TestApp, client: Client, zip: Buffer): Promise<ImportResponse> {
  const { response, made } = await importAndRun(t, client, zip);
  if (!made?.result) {
    const job = made
      ? await t.container.db.kysely
          .selectFrom('jobs')
          .select('last_error')
          .where('dedupe_key', '=', `family-import:${made.id}`)
          .executeTakeFirst()
      : undefined;
    throw new Error(
      `import failed: ${response.statusCode} ${response.body} ${made?.state} (${job?.last_error ?? made?.message ?? 'no job'})`,
    );
  }
  return made.result;
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

/** Where the central directory describes `name` in a zip (throws if it does not). */
function centralEntry(zip: Buffer, name: string): number {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 46)) {
    const length = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + length) === name) return at;
  }
  throw new Error(`no entry ${name}`);
}

/** A zip whose central directory claims `size` bytes unpacked for `name` (its data unchanged). */
export function declaringSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  out.writeUInt32LE(size, centralEntry(out, name) + 24);
  return out;
}

/**
 * A zip whose entry `name` says it is encrypted (general-purpose flag bit 0, in its own header and
 * the central directory), as a zip locked with a password says; its data is unchanged.
 */
export function markedEncrypted(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const central = centralEntry(out, name);
  out.writeUInt16LE(out.readUInt16LE(central + 8) | 1, central + 8);
  const local = out.readUInt32LE(central + 42);
  out.writeUInt16LE(out.readUInt16LE(local + 6) | 1, local + 6);
  return out;
}

/**
 * A zip written byte by byte whose entries declare, in zip64 headers (sizes 0xFFFFFFFF in the
 * central directory, the real figures in the zip64 extra field), any size at all: a header that
 * claims gigabytes without a gigabyte on disk. Each entry is stored (not compressed), so its packed
 * and unpacked sizes are declared equal; its few real bytes are `data`.
 */
export function zip64Declaring(entries: Array<{ name: string; data: Buffer; declared: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4); // version needed: zip64
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0x21, 12); // 1 January 1980
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);

    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0); // zip64 extended information
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(declared), 4); // unpacked
    extra.writeBigUInt64LE(BigInt(declared), 12); // packed
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName, extra);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
