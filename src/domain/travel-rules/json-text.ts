// JSON.parse keeps the last of two values given for one key and drops the first without a word: a
// trip file with "legs" twice was answered for the second journey only (review 12, finding 10). This
// finds such keys in text that JSON.parse has already accepted, so it only has to follow strings,
// braces, brackets and commas. Small enough not to need a dependency: no parser on npm that we
// already use reports duplicate keys.

/**
 * A trip file's bytes as text, or the line of the first byte that is not UTF-8. Read leniently, a
 * name saved in Latin-1 ("José") came back as "Jos\uFFFD" and was repeated to the family as it was
 * (review 13, finding 11); a file that is not UTF-8 is refused instead, saying where.
 */
export function utf8Text(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    return { ok: false, line: lenient.slice(0, Math.max(at, 0)).split('\n').length };
  }
}

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
