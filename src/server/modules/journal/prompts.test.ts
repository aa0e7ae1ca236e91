import { describe, expect, it } from 'vitest';
import { promptFor } from './prompts.js';

describe('gentle prompts', () => {
  it('offer one a day, never the same two days running, with the loved one’s name', () => {
    const days = Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const prompts = days.map((d) => promptFor(d, 'Jack'));
    for (let i = 1; i < prompts.length; i++) expect(prompts[i]!.id).not.toBe(prompts[i - 1]!.id);
    expect(new Set(prompts.map((p) => p.id)).size).toBeGreaterThan(5);
    expect(promptFor('2026-01-01', 'Jack')).toEqual(promptFor('2026-01-01', 'Jack'));
    expect(prompts.some((p) => p.text.includes('Jack'))).toBe(true);
  });

  it('never count, blame or celebrate', () => {
    for (let i = 0; i < 30; i++) {
      const { text } = promptFor(new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10), 'Jack');
      expect(text).not.toMatch(/\b(streak|missed|days? in a row|well done|don't forget|lost|sleeping)\b/i);
    }
  });
});
