import { describe, expect, it } from 'vitest';
import type { LovedOne } from '../../../contracts/loved-ones.js';
import { datesThatMatter } from './describe.js';

const jack = {
  kind: 'pregnancy_loss',
  dateOfLoss: '2025-03-10',
  dateOfBirth: '2025-03-14',
  dueDate: '2025-07-20',
  gestationWeeks: 20,
  lossCountry: 'GB',
  dateOfDeath: null,
} as unknown as LovedOne;

describe('the dates that matter, in plain words', () => {
  it('a baby who died before birth: the day he died, the day he was born, when he would have been due', () => {
    expect(datesThatMatter(jack).map(([label]) => label)).toEqual([
      'Died',
      'Born',
      'Would have been due',
      'Weeks of pregnancy',
      'Where it happened',
    ]);
  });

  it('leaves out what was not given, and never says "Date of loss"', () => {
    const labels = datesThatMatter({ ...jack, dateOfBirth: null, dueDate: null }).map(([label]) => label);
    expect(labels).toEqual(['Died', 'Weeks of pregnancy', 'Where it happened']);
    expect(labels).not.toContain('Date of loss');
  });
});
