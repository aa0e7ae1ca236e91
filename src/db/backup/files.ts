import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BackupInputError } from './header.js';
import type { LineSink } from './logical.js';

/**
 * A file that appears under its name only when whole: it is written under a temporary name beside
 * it (`<name>.partial-<random>`), flushed to disk, then given its name, which must still be free
 * (an existing backup is never replaced). It holds the family's data, so only its owner may read it.
 */
export interface PendingFile {
  /** Where to write meanwhile. */
  temp: string;
  /** Flushes the temporary file to disk and gives it its name. */
  finish(): void;
  /** Removes whatever was written. */
  abandon(): void;
}

export function pendingFile(
  target: string,
  taken = `${target} already exists. Please choose a new name, or move the old file away first.`,
): PendingFile {
  if (existsSync(target)) throw new BackupInputError(taken);
  if (!existsSync(dirname(target))) {
    throw new BackupInputError(`The folder ${dirname(target)} does not exist. Please create it first.`);
  }
  const temp = join(dirname(target), `${basename(target)}.partial-${randomBytes(4).toString('hex')}`);
  closeSync(openSync(temp, 'wx', 0o600));
  return {
    temp,
    finish() {
      fsyncFile(temp);
      placeWithoutReplacing(temp, target, taken);
      fsyncFile(dirname(target)); // the new name itself survives a power cut
    },
    abandon() {
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
    },
  };
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** link() fails if the name is taken, where rename() would replace; some file systems lack links. */
function placeWithoutReplacing(temp: string, target: string, taken: string): void {
  try {
    linkSync(temp, target);
    rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new BackupInputError(`${taken} (It appeared meanwhile; it was left as it was.)`);
    if (existsSync(target)) throw error;
    renameSync(temp, target);
  }
}

/** Lines written to a file, waiting whenever the disk falls behind. */
export function lineWriter(path: string): LineSink & { close(): Promise<void>; bytes(): number } {
  const stream = createWriteStream(path, { flags: 'w' });
  let failed: Error | undefined;
  stream.on('error', (error) => (failed = error));
  return {
    async write(line) {
      if (failed) throw failed;
      if (!stream.write(`${line}\n`)) {
        await new Promise<void>((resolve, reject) => {
          const done = (error?: Error) => {
            stream.off('drain', done).off('error', done);
            if (error) reject(error);
            else resolve();
          };
          stream.on('drain', done).on('error', done);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
    bytes: () => stream.bytesWritten,
  };
}
