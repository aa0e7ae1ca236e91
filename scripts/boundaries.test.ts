// The import rules must keep firing: dependency-cruiser is run with the real .dependency-cruiser.mjs
// over test/boundaries/src, a fake tree where every rule is broken on purpose and every kind of
// allowed import is made once. A rule that stops firing, or fires on an allowed import, fails here.
import { join } from 'node:path';
import type { IViolation } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeViolation as line, findViolations, judge, repoRoot, rules } from './boundaries.js';

const fixtures = join(repoRoot, 'test/boundaries');

// What the fixtures break, one line per violation. npm packages resolve outside the fixture folder,
// so they are written as `npm:<name>`.
const expected = [
  'cli-through-container: src/cli/run.ts → src/db/schema.ts',
  'cli-through-container: src/cli/run.ts → src/server/modules/trips/trips.service.ts',
  'contracts-only-zod: src/contracts/dates.ts → npm:luxon',
  'db-only-in-data-layer: src/cli/run.ts → src/db/schema.ts',
  'db-only-in-data-layer: src/server/modules/trips/trips.presenter.ts → npm:kysely',
  'db-only-in-data-layer: src/server/modules/trips/trips.presenter.ts → src/db/dialect.ts',
  'db-only-in-data-layer: src/server/modules/trips/trips.presenter.ts → src/db/schema.ts',
  'db-only-in-data-layer: src/server/modules/trips/trips.service.ts → src/db/connect.ts',
  'domain-no-io: src/domain/trips/read.ts → fs',
  'domain-pure: src/domain/trips/config.ts → src/server/config.ts',
  'module-through-index: src/server/modules/trips/trips.service.ts → src/server/modules/loved-ones/loved-ones.repository.ts',
  'no-cycles: src/server/plugins/auth.ts → src/server/plugins/session.ts → src/server/plugins/auth.ts',
  'resolvable: src/server/plugins/scope.ts → ./owners.js',
  'test-helpers-only-in-tests: src/server/main.ts → src/server/test/clock.ts',
  'web-not-server: src/web/page.tsx → src/server/config.ts',
];

const shown = (violation: IViolation) =>
  line(violation).replace(/(\.\.\/)*node_modules\/((@[^/]+\/)?[^/]+)\/\S*/, 'npm:$2');

let found: IViolation[];
beforeAll(async () => {
  found = await findViolations(fixtures);
}, 0);

describe('import rules (.dependency-cruiser.mjs) on the fixtures in test/boundaries', () => {
  it('reports exactly the violations the fixtures make, and none for the allowed imports', () => {
    expect(found.map(shown).sort()).toEqual([...expected].sort());
  });

  it('has a fixture that breaks every rule in the configuration', async () => {
    const broken = new Set(found.map((v) => v.rule.name));
    const names = [...(await rules()).keys()];
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.filter((rule) => !broken.has(rule))).toEqual([]);
  });
});

describe('the known-violations baseline (npm run lint:boundaries)', () => {
  const fixed = {
    type: 'dependency',
    from: 'src/server/modules/trips/trips.service.ts',
    to: 'src/db/migrate.ts',
    rule: { severity: 'error', name: 'db-only-in-data-layer' },
  } satisfies IViolation;

  it('passes when every violation is known, and says how many are left by rule', () => {
    const verdict = judge(found, found, false);
    expect(verdict.failed).toBe(false);
    expect(verdict.lines.at(-1)).toContain(`${expected.length} known violation(s) still to remove`);
    expect(verdict.lines.at(-1)).toContain('db-only-in-data-layer 5');
  });

  it('fails on a violation that is not in the baseline, naming it and its rule', async () => {
    const [first, ...rest] = found;
    const verdict = judge(found, rest, false, await rules());
    expect(verdict.failed).toBe(true);
    expect(verdict.lines).toContain(`✖ ${line(first!)}`);
    expect(verdict.lines.join('\n')).toContain((await rules()).get(first!.rule.name));
  });

  it('knows an npm package by its name, whichever of its files the import resolves to', () => {
    const kysely = found.find((v) => v.to.includes('node_modules/kysely/'))!;
    const moved = { ...kysely, to: 'node_modules/kysely/dist/index.mjs' };
    expect(judge(found, [...found.filter((v) => v !== kysely), moved], false).failed).toBe(false);
  });

  it('knows a cycle whichever of its modules reports it', () => {
    const cycle = found.find((v) => v.cycle)!;
    const names = cycle.cycle!.map((step) => step.name);
    const other = {
      ...cycle,
      from: names[0]!,
      to: names[1]!,
      cycle: [...names.slice(1), names[0]!].map((name) => ({ name, dependencyTypes: [] })),
    };
    expect(judge(found, [...found.filter((v) => v !== cycle), other], false).failed).toBe(false);
  });

  it('fails while a fixed violation is still listed, until it is pruned', () => {
    const verdict = judge(found, [...found, fixed], false);
    expect(verdict.failed).toBe(true);
    expect(verdict.lines.join('\n')).toContain('npm run lint:boundaries -- --prune');

    const pruned = judge(found, [...found, fixed], true);
    expect(pruned.failed).toBe(false);
    expect(pruned.known).toEqual(found);
  });

  it('never adds a new violation to the baseline when pruning', () => {
    const [first, ...rest] = found;
    const pruned = judge(found, [...rest, fixed], true);
    expect(pruned.failed).toBe(true);
    expect(pruned.known).toEqual(rest);
    expect(pruned.known).not.toContain(first);
  });
});
