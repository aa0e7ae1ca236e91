import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropAllDrafts, dropDraft, keepDraft, readDraft } from './draft.js';

// A Storage as the browser has it (the unit project runs on Node, which has none).
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key = (i: number) => [...this.items.keys()][i] ?? null;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
  clear = () => this.items.clear();
}

const letter = { kind: 'letter' as const, title: 'Dear Jack', text: 'The sea was calm.', writtenFor: '' };

describe('a draft kept on the phone', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('comes back for the same member, loved one and entry, and for no one else', () => {
    keepDraft('olive', 'jack', undefined, letter);
    expect(readDraft('olive', 'jack')).toEqual(letter);
    expect(readDraft('sam', 'jack')).toBeNull();
    expect(readDraft('olive', 'jack', 'an-entry')).toBeNull();
  });

  it('goes once saved, and every draft goes when signing out', () => {
    keepDraft('olive', 'jack', undefined, letter);
    keepDraft('olive', 'jack', 'an-entry', letter);
    localStorage.setItem('alongside-theme', 'dark');
    dropDraft('olive', 'jack');
    expect(readDraft('olive', 'jack')).toBeNull();
    expect(readDraft('olive', 'jack', 'an-entry')).toEqual(letter);
    dropAllDrafts();
    expect(readDraft('olive', 'jack', 'an-entry')).toBeNull();
    expect(localStorage.getItem('alongside-theme')).toBe('dark');
  });

  it('ignores what it cannot read, and works without storage', () => {
    localStorage.setItem('alongside-journal-draft:olive:jack:new', '{not json');
    expect(readDraft('olive', 'jack')).toBeNull();
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(() => keepDraft('olive', 'jack', undefined, letter)).not.toThrow();
    expect(readDraft('olive', 'jack')).toBeNull();
  });
});
