// Used by every job that makes a file into the database in pieces (a memorial book, a family's archive).
/** About a megabyte: a piece of a book's PDF as it is stored and sent. */
export const CHUNK_BYTES = 1 << 20;

/**
 * Collects a stream's bytes into pieces of about `chunkBytes` and stores each in order as soon as it
 * is full, so only the piece being filled (and one being stored) is held in memory. `settle` waits
 * for the stores so far; the first failure is thrown from `settle` and `end`.
 */
export function chunkSink(store: (seq: number, data: Buffer) => Promise<void>, chunkBytes = CHUNK_BYTES) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let bytes = 0;
  let stored: Promise<void> = Promise.resolve();
  let failure: Error | undefined;

  const cut = () => {
    const data = Buffer.concat(pending);
    const n = seq++;
    pending = [];
    pendingBytes = 0;
    stored = stored
      .then(() => (failure === undefined ? store(n, data) : undefined))
      .catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      });
  };
  const settle = async () => {
    await stored;
    if (failure !== undefined) throw failure;
  };

  return {
    write: (chunk: Buffer): void => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      bytes += chunk.length;
      if (pendingBytes >= chunkBytes) cut();
    },
    settle,
    /** Stores what is left; answers the whole size. */
    async end(): Promise<number> {
      if (pendingBytes > 0) cut();
      await settle();
      return bytes;
    },
  };
}
