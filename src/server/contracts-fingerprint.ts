import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTRACTS = fileURLToPath(new URL('../contracts/', import.meta.url));

/**
 * A short name for the API contracts as they stand in `src/contracts` (their files' names and
 * text). The server sends it with every API answer (`alongside-contracts`) and the web build keeps
 * the one it was built with (scripts/vite-endpoint-table.ts): when an answer breaks the app's
 * contract and the two differ, the server is newer than the page, and the app offers to reload
 * rather than saying something went wrong (src/web/lib/client.ts).
 */
export function contractsFingerprint(directory: string = CONTRACTS): string {
  const hash = createHash('sha256');
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  for (const name of files)
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(directory, name)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}
