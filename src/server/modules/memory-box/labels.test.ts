import { describe, expect, it } from 'vitest';
import { ageOn } from './labels.js';

describe("a drawing's age", () => {
  it.each([
    ['2019-03', '2026-12-06', 7],
    ['2019-12', '2026-12-06', 7], // the birth month itself counts as the birthday
    ['2020-01', '2026-12-06', 6],
    ['2026-12', '2026-12-06', 0],
    ['2027-01', '2026-12-06', null], // a month still to come is not an age
    [null, '2026-12-06', null],
  ])('born %s, on %s: %s', (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });
});
