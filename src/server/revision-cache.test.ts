import { describe, expect, it } from 'vitest';
import { RevisionCache } from './revision-cache.js';

describe('RevisionCache', () => {
  it('answers only for the revision a value was stored at', () => {
    const cache = new RevisionCache<string>();
    cache.set('trip-1', 4, 'checklist at 4');
    expect(cache.get('trip-1', 4)).toBe('checklist at 4');
    expect(cache.get('trip-1', 5)).toBeUndefined();
    expect(cache.get('trip-2', 4)).toBeUndefined();
  });

  it('drops the least recently used entry when full', () => {
    const cache = new RevisionCache<number>(2);
    cache.set('a', 1, 1);
    cache.set('b', 1, 2);
    expect(cache.get('a', 1)).toBe(1); // a is now the most recent
    cache.set('c', 1, 3);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('works a value out once per revision, and keeps nothing when working it out fails', async () => {
    const cache = new RevisionCache<string>();
    let made = 0;
    const make = (text: string) => async () => `${text} ${++made}`;
    expect(await cache.getOrMake('trip-1', 4, make('at 4'))).toBe('at 4 1');
    expect(await cache.getOrMake('trip-1', 4, make('at 4'))).toBe('at 4 1');
    expect(await cache.getOrMake('trip-1', 5, make('at 5'))).toBe('at 5 2');
    await expect(cache.getOrMake('trip-2', 5, () => Promise.reject(new Error('not found')))).rejects.toThrow(
      'not found',
    );
    expect(cache.get('trip-2', 5)).toBeUndefined();
  });
});
