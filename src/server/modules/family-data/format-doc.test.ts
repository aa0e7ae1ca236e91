import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGeneratedDoc } from './format-doc.js';

describe('docs/export-format.md', () => {
  it('documents the archive exactly as it is declared (run npm run docs:export-format after a change)', () => {
    const document = readFileSync(new URL('../../../../docs/export-format.md', import.meta.url), 'utf8');
    expect(withGeneratedDoc(document)).toBe(document);
  });
});
