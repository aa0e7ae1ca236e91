import { Readable } from 'node:stream';
import yazl from 'yazl';

/** One file to put in the archive; read only when its turn comes, so one file is held at a time. */
export interface ZipSource {
  path: string;
  read(): Promise<Buffer>;
  /** Photos and PDFs are compressed already: stored as they are, deflating them gains nothing. */
  compress: boolean;
}

/**
 * Writes a zip of `sources` in order, handing its bytes to `write` as they come. The zip is read as a
 * stream, so its bytes wait for `write`'s promise (the database storing a piece) before more are
 * made: making an archive of any size holds about one file and one piece in memory.
 */
export async function writeZip(
  sources: ZipSource[],
  options: {
    write: (chunk: Buffer) => Promise<void>;
    /** Called after each file is taken into the zip, with how many are. */
    progress?: (done: number) => Promise<void>;
    mtime: Date;
  },
): Promise<void> {
  const zip = new yazl.ZipFile();
  // A file that could not be read fails the zip's stream, and so the whole archive.
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  let done = 0;
  for (const source of sources) {
    zip.addReadStreamLazy(source.path, { mtime: options.mtime, compress: source.compress }, (callback) => {
      source.read().then(
        (data) => {
          callback(null, Readable.from([data]));
          done += 1;
        },
        (error: Error) => callback(error, Readable.from([])),
      );
    });
  }
  zip.end();
  let reported = 0;
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) {
    await options.write(chunk);
    if (options.progress && done !== reported) {
      reported = done;
      await options.progress(done);
    }
  }
}
