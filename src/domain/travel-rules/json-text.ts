// JSON.parse keeps the last of two values given for one key and drops the first without a word: a
// trip file with "legs" twice was answered for the second journey only (review 12, finding 10). This
// finds such keys in text that JSON.parse has already accepted, so it only has to follow strings,
// braces, brackets and commas. Small enough not to need a dependency: no parser on npm that we
// already use reports duplicate keys.

type Frame =
  | { kind: 'object'; path: string; keys: Set<string>; key: string | null; awaitsKey: boolean }
  | { kind: 'array'; path: string; index: number };

const join = (path: string, part: string): string => (path === '' ? part : `${path}.${part}`);

/** Each key given twice in one object, as its path ("legs", "legs.1.carrier"), once, in order. */
export function duplicateKeys(validJson: string): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  /** Where a value starting now sits: under the key just read, or at the array's next place. */
  const here = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    return join(top.path, top.kind === 'object' ? (top.key ?? '') : String(top.index));
  };
  for (let i = 0; i < validJson.length; i += 1) {
    const ch = validJson[i];
    if (ch === '"') {
      let end = i + 1;
      while (validJson[end] !== '"') end += validJson[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.awaitsKey) {
        // Decoded, so "carr\u0069er" and "carrier" are the same key, as JSON.parse sees them.
        const key = JSON.parse(validJson.slice(i, end + 1)) as string;
        const path = join(top.path, key);
        if (top.keys.has(key) && !found.includes(path)) found.push(path);
        top.keys.add(key);
        top.key = key;
        top.awaitsKey = false;
      }
      i = end;
    } else if (ch === '{') {
      stack.push({ kind: 'object', path: here(), keys: new Set(), key: null, awaitsKey: true });
    } else if (ch === '[') {
      stack.push({ kind: 'array', path: here(), index: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.awaitsKey = true;
      else if (top) top.index += 1;
    }
  }
  return found;
}
