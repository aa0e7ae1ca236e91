import { describe, expect, it } from 'vitest';
import { returnPathOf } from './return-to.js';

describe('the way back after signing in', () => {
  it('is a path inside the app', () => {
    expect(returnPathOf({ from: '/settings/data' })).toBe('/settings/data');
    expect(returnPathOf({ from: '/trips/1?x=2' })).toBe('/trips/1?x=2');
  });

  it('is never another site, nor anything but a path', () => {
    for (const from of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'settings', '', 42])
      expect(returnPathOf({ from }), String(from)).toBeUndefined();
    expect(returnPathOf(null)).toBeUndefined();
    expect(returnPathOf(undefined)).toBeUndefined();
  });
});
