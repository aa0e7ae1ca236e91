import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../errors.js';
import type { ArchiveLimits } from './limits.js';

/** An archive refused: said plainly, with what to do, under the field the page shows it by. */
export const refusedArchive = (message: string) =>
  new AppError('validation_failed', message, { archive: message });

/** An archive opened for reading: its files by name, each read whole only when asked for. */
export interface OpenArchive {
  names(): string[];
  has(name: string): boolean;
  size(name: string): number;
  read(name: string): Promise<Buffer>;
  close(): void;
}

const escaping = /invalid relative path|absolute path|invalid characters in fileName/;

/** What yauzl says about a broken or hostile zip, in words for the family. */
function sayZipError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (escaping.test(message))
    return refusedArchive(
      'This archive has a file whose name points outside the archive’s own folder, so we did not open it. Please export the family again and import that archive.',
    );
  if (/too many bytes|not enough bytes|uncompressed size/.test(message))
    return refusedArchive(
      'A file in this archive unpacks to a different size than the archive says, which a damaged or tampered archive does. Nothing was imported.',
    );
  return refusedArchive(
    'We could not open this as a zip archive. It may be damaged or only partly downloaded. Please download it again and try once more.',
  );
}

/**
 * Opens a zip from a file and checks every entry's header before any file is unpacked: no name
 * leaving the archive's folder (yauzl refuses `..`, absolute and backslash names), no name twice (nor
 * twice in different letter case, which would overwrite one another on most computers), no
 * encryption, at most `maxEntries` files, each within its folder's size cap and together within
 * `maxTotalBytes`, and none unpacking to more than `maxRatio` times its packed size (a zip bomb).
 * While a file is unpacked its real size is checked against its header (yauzl's
 * `validateEntrySizes`), so a header cannot lie its way past the caps.
 */
export async function openArchive(path: string, limits: ArchiveLimits): Promise<OpenArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false, // the files are read after the entries are listed
      validateEntrySizes: true,
      decodeStrings: true,
    });
  } catch (error) {
    throw sayZipError(error);
  }
  const entries = new Map<string, yauzl.Entry>();
  const folded = new Set<string>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (entries.size >= limits.maxEntries)
        throw refusedArchive(
          `This archive holds more than ${limits.maxEntries.toLocaleString('en-GB')} files, more than any family's archive would. Nothing was imported.`,
        );
      if (name.endsWith('/')) continue; // a folder
      if (entries.has(name) || folded.has(name.toLowerCase()))
        throw refusedArchive(
          `This archive holds two files named “${name}”, so we cannot tell which is meant. Nothing was imported.`,
        );
      if (entry.isEncrypted())
        throw refusedArchive('This archive is locked with a password. Please import it as it was exported.');
      const cap = limits.capFor(name);
      if (entry.uncompressedSize > cap)
        throw refusedArchive(
          `“${name}” is larger than we keep (${megabytes(cap)} at most). Nothing was imported.`,
        );
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes)
        throw refusedArchive(
          `This archive unpacks to more than ${megabytes(limits.maxTotalBytes)}, more than this server takes in one import. Nothing was imported.`,
        );
      if (
        entry.uncompressedSize > limits.ratioFloorBytes &&
        entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
      )
        throw refusedArchive(
          `“${name}” unpacks to far more than its packed size, as a “zip bomb” does. Nothing was imported.`,
        );
      entries.set(name, entry);
      folded.add(name.toLowerCase());
    }
  } catch (error) {
    zip.close();
    throw error instanceof AppError ? error : sayZipError(error);
  }

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    async read(name) {
      const entry = entries.get(name);
      if (!entry) throw refusedArchive(`This archive has no file “${name}”. Nothing was imported.`);
      try {
        const stream: Readable = await zip.openReadStreamPromise(entry);
        const parts: Buffer[] = [];
        let bytes = 0;
        for await (const part of stream as AsyncIterable<Buffer>) {
          bytes += part.length;
          // validateEntrySizes stops a stream at its header's size; this is the second lock.
          if (bytes > entry.uncompressedSize) throw new Error('too many bytes in the stream');
          parts.push(part);
        }
        return Buffer.concat(parts, bytes);
      } catch (error) {
        throw error instanceof AppError ? error : sayZipError(error);
      }
    },
    close: () => zip.close(),
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1 << 30
    ? `${Math.round(bytes / (1 << 30)).toLocaleString('en-GB')} GB`
    : `${Math.round(bytes / (1 << 20)).toLocaleString('en-GB')} MB`;
}
