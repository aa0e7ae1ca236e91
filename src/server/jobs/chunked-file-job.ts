import type { z } from 'zod';
import { chunkSink } from '../chunk-sink.js';
import type { Clock } from '../clock.js';
import type { JobDefinition } from './runner.js';

/** Progress is written at most this often (a page or a file takes a moment; a photo longer). */
const PROGRESS_EVERY_MS = 500;

/** Thrown inside a try that is no longer the latest: it stops quietly. */
class Superseded extends Error {}

/** A file a member asked for, as its job reads it. */
export interface AskedFile {
  state: string;
  /** The member who asked: the job reads and writes as them. */
  askedBy: string;
}

/** Where a file made in pieces is kept: its row (with the number of its latest try) and its pieces. */
export interface ChunkedFileStore<F extends AskedFile> {
  findForJob(familyId: string, id: string): Promise<F | undefined>;
  /** Starts a new try of `total` steps; answers its number, or undefined when the file was removed. */
  begin(id: string, total: number): Promise<number | undefined>;
  addChunk(id: string, attempt: number, seq: number, data: Buffer): Promise<void>;
  /** Marks the file failed: this try's (a newer one is left alone), or whatever try with null. */
  fail(id: string, attempt: number | null): Promise<void>;
}

/** One try at making the file, as the writer sees it. */
export interface ChunkedFileTry<C> {
  id: string;
  attempt: number;
  contents: C;
  /** Where the file's bytes go, stored in pieces of about 1 MB as they fill (`chunk-sink.ts`). */
  sink: { write: (chunk: Buffer) => void; settle: () => Promise<void> };
  /**
   * Reports progress at most every 500 ms: `report` writes it for this try and answers false when
   * the try is no longer the latest (a later one, or the file removed), which stops it quietly.
   */
  progress: (report: () => Promise<boolean>) => Promise<void>;
}

/**
 * The frame of a job that makes one file a member asked for into the database in pieces (a
 * memorial book, a family's archive): reads the file's row, and the asker's rights afresh (one who
 * has since left or may no longer gets nothing, and the file is marked failed); gathers what goes
 * in it before the try begins; writes it through a chunk sink with progress; finishes it. A try that
 * is no longer the latest stops quietly; one that fails marks the file failed (this try's only) and
 * throws, so the runner tries once more and logs the error's message (never the family's words). One
 * job per claim: such a file is heavy work for a small server.
 */
export function chunkedFileJob<P extends { familyId: string }, F extends AskedFile, A, C, R>(spec: {
  queue: string;
  payload: z.ZodType<P>;
  clock: Clock;
  store: ChunkedFileStore<F>;
  fileId(payload: P): string;
  /** The asker as the job acts for them, their rights read now; undefined when they may not. */
  asker(familyId: string, memberId: string): Promise<A | undefined>;
  /** Reads what goes in the file; `total` is the whole its progress counts towards. */
  gather(file: F, asker: A): Promise<{ contents: C; total: number }>;
  write(file: F, made: ChunkedFileTry<C>): Promise<R>;
  /** Marks the file ready once its every piece is stored (`bytes` in all). */
  finish(file: F, made: ChunkedFileTry<C>, written: { result: R; bytes: number }): Promise<unknown>;
}): JobDefinition<P> {
  const { clock, store } = spec;

  async function make(payload: P): Promise<void> {
    const id = spec.fileId(payload);
    const file = await store.findForJob(payload.familyId, id);
    if (!file || file.state === 'ready') return;
    const asker = await spec.asker(payload.familyId, file.askedBy);
    if (!asker) return store.fail(id, null);
    const { contents, total } = await spec.gather(file, asker);
    const attempt = await store.begin(id, total);
    if (attempt === undefined) return; // removed meanwhile
    const sink = chunkSink((seq, data) => store.addChunk(id, attempt, seq, data));
    let reportedAt = 0;
    const made: ChunkedFileTry<C> = {
      id,
      attempt,
      contents,
      sink: { write: sink.write, settle: sink.settle },
      async progress(report) {
        if (clock.now() - reportedAt < PROGRESS_EVERY_MS) return;
        reportedAt = clock.now();
        if (!(await report())) throw new Superseded();
      },
    };
    try {
      const result = await spec.write(file, made);
      const bytes = await sink.end();
      await spec.finish(file, made, { result, bytes });
    } catch (error) {
      if (error instanceof Superseded) return; // a later try, or the family removed the file
      await store.fail(id, attempt).catch(() => undefined);
      throw error;
    }
  }

  return {
    queue: spec.queue,
    version: 1,
    payload: spec.payload,
    batchSize: 1,
    maxAttempts: 2,
    async handle(jobs, complete) {
      for (const { row, payload } of jobs) {
        await make(payload);
        await complete([row.id]);
      }
    },
  };
}
