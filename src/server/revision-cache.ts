/**
 * A bounded in-process cache of views of a family's data, each stored with the family revision it
 * was computed at. A lookup with a newer revision misses, so every instance stays correct without
 * talking to the others: the revision lives in the database and is raised after every change.
 * Least recently used entries are dropped first.
 */
export class RevisionCache<V> {
  private readonly entries = new Map<string, { revision: number; value: V }>();

  constructor(private readonly maxEntries = 2000) {}

  get(key: string, revision: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry); // most recently used goes to the end
    return entry.value;
  }

  /** The value kept for `key` at `revision`, or the one `make` works out, kept from then on. */
  async getOrMake(key: string, revision: number, make: () => Promise<V>): Promise<V> {
    const kept = this.get(key, revision);
    if (kept !== undefined) return kept;
    const made = await make();
    this.set(key, revision, made);
    return made;
  }

  set(key: string, revision: number, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, value });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
