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
});
