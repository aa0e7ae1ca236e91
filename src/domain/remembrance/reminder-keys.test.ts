import { describe, expect, it } from 'vitest';
import { fnv1a64, messageIdFor, reminderKey } from './reminder-keys.js';

describe('reminder keys', () => {
  it('names one reminder, one occurrence and one lead', () => {
    expect(reminderKey({ reminderId: 'r1', occurrenceDate: '2026-10-15', lead: 'day_before' })).toBe(
      'reminder:r1:2026-10-15:day_before',
    );
  });

  it('hashes with 64-bit FNV-1a (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('gives a stable Message-ID that names no one', () => {
    const key = reminderKey({ reminderId: 'r1', occurrenceDate: '2026-10-15', lead: 'on_day' });
    const id = messageIdFor(key, 'alongside.example');
    expect(id).toBe(messageIdFor(key, 'alongside.example'));
    expect(id).toMatch(/^<alongside\.[0-9a-f]{32}@alongside\.example>$/);
    expect(id).not.toContain('r1');
    expect(
      messageIdFor(
        reminderKey({ reminderId: 'r1', occurrenceDate: '2027-10-15', lead: 'on_day' }),
        'alongside.example',
      ),
    ).not.toBe(id);
  });

  it('refuses a domain that would break the header', () => {
    expect(() => messageIdFor('k', 'bad domain>')).toThrow();
    expect(() => messageIdFor('k', 'x\r\nBcc: a@b')).toThrow();
  });

  it('does not collide over many keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) ids.add(messageIdFor(`reminder:${i}:2026-10-15:on_day`, 'a.example'));
    expect(ids.size).toBe(20_000);
  });
});
