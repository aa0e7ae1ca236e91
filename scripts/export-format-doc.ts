import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedDoc } from '../src/server/modules/family-data/format-doc.js';

// Writes the generated half of docs/export-format.md from the archive's declaration.
const path = new URL('../docs/export-format.md', import.meta.url);
writeFileSync(path, withGeneratedDoc(readFileSync(path, 'utf8')));
