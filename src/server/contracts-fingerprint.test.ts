import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contractsFingerprint } from './contracts-fingerprint.js';

const CONTRACTS = fileURLToPath(new URL('../contracts/', import.meta.url));
let copy: string | undefined;
afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

/** A copy of the contracts folder to change. */
function copied(): string {
  copy = mkdtempSync(join(tmpdir(), 'contracts-'));
  cpSync(CONTRACTS, copy, { recursive: true });
  return copy;
}

describe('the contracts’ fingerprint', () => {
  it('is the same for the same contracts, and is what the build gives the web app', async () => {
    expect(contractsFingerprint(copied())).toBe(contractsFingerprint());
    // By a name held in a variable: the server's type check does not know the build's modules.
    const virtualTable = 'virtual:endpoint-table';
    const table = (await import(virtualTable)) as { contractsFingerprint: string };
    expect(table.contractsFingerprint).toBe(contractsFingerprint());
  });

  it('changes when a contract changes or is added, not for a test beside them', () => {
    const dir = copied();
    const before = contractsFingerprint(dir);
    writeFileSync(join(dir, 'countries.test.ts'), 'export {};\n');
    expect(contractsFingerprint(dir)).toBe(before);
    appendFileSync(join(dir, 'trips.ts'), "\nexport const more = 'a new value';\n");
    const changed = contractsFingerprint(dir);
    expect(changed).not.toBe(before);
    writeFileSync(join(dir, 'a-new-module.ts'), 'export {};\n');
    expect(contractsFingerprint(dir)).not.toBe(changed);
  });
});
