import { describe, expect, it } from 'vitest';
import { chunkSink } from './chunk-sink.js';

describe('chunkSink', () => {
  it('stores full pieces in order as they fill, and the rest at the end', async () => {
    const stored: Array<[number, string]> = [];
    const sink = chunkSink(async (seq, data) => {
      await new Promise((resolve) => setImmediate(resolve));
      stored.push([seq, data.toString()]);
    }, 4);
    for (const part of ['ab', 'cd', 'efg', 'h', 'ij']) sink.write(Buffer.from(part));
    await sink.settle();
    expect(stored).toEqual([
      [0, 'abcd'],
      [1, 'efgh'],
    ]);
    expect(await sink.end()).toBe(10);
    expect(stored).toEqual([
      [0, 'abcd'],
      [1, 'efgh'],
      [2, 'ij'],
    ]);
  });

  it('throws the first failure and stores nothing after it', async () => {
    const stored: number[] = [];
    const sink = chunkSink(async (seq) => {
      if (seq === 1) throw new Error('disk full');
      stored.push(seq);
    }, 1);
    for (const part of ['a', 'b', 'c']) sink.write(Buffer.from(part));
    await expect(sink.end()).rejects.toThrow('disk full');
    expect(stored).toEqual([0]);
  });
});
