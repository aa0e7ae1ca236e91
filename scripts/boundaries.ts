// `npm run lint:boundaries`: the import rules of ARCHITECTURE.md, checked by dependency-cruiser
// (.dependency-cruiser.mjs) over src/, against the violations that were already there when the
// tool came in (.dependency-cruiser-known-violations.json, dependency-cruiser's own baseline
// format, so `depcruise src --ignore-known` reads it too).
//
//  - a violation not in that file fails the run;
//  - a known violation that no longer occurs also fails the run, so the file only ever shrinks:
//    `npm run lint:boundaries -- --prune` removes the fixed ones (and never adds any).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { format } from 'prettier';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const configFile = join(repoRoot, '.dependency-cruiser.mjs');
export const knownFile = join(repoRoot, '.dependency-cruiser-known-violations.json');

/** Every violation of the rules in `config` among the files under `<root>/src`. */
export async function findViolations(root: string, config = configFile): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(config);
  const tsConfig = extractTSConfig(join(repoRoot, 'tsconfig.json'));
  const { output } = await cruise(['src'], { ...options, baseDir: root }, {}, { tsConfig });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text instead of a result.');
  return output.summary.violations;
}

/** The rules `config` defines: name and the comment that says why. */
export async function rules(config = configFile): Promise<Map<string, string>> {
  const options = await extractDepcruiseOptions(config);
  return new Map((options.ruleSet?.forbidden ?? []).map((rule) => [rule.name ?? '', rule.comment ?? '']));
}

/** One line per violation; a cycle is the same cycle whichever module it is reported from. */
export function describeViolation(violation: IViolation): string {
  const rule = violation.rule.name;
  if (violation.cycle) {
    const names = violation.cycle.map((step) => step.name);
    return `${rule}: ${[...names.slice(-1), ...names].join(' → ')}`;
  }
  return `${rule}: ${violation.from} → ${violation.to}`;
}

/** An npm package by its name, not by the file its entry point happens to be today. */
const packageName = (path: string) => path.replace(/^(.*\/)?node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, 'npm:$2');

function key(violation: IViolation): string {
  if (violation.cycle) {
    const names = violation.cycle.map((step) => step.name).sort();
    return `${violation.rule.name}\0cycle\0${names.join('\0')}`;
  }
  return `${violation.rule.name}\0${violation.from}\0${packageName(violation.to)}`;
}

/** Splits today's violations against the known ones: new ones, still-known ones, fixed ones. */
export function compare(current: IViolation[], known: IViolation[]) {
  const currentKeys = new Set(current.map(key));
  const knownKeys = new Set(known.map(key));
  return {
    added: current.filter((v) => !knownKeys.has(key(v))),
    remaining: known.filter((v) => currentKeys.has(key(v))),
    fixed: known.filter((v) => !currentKeys.has(key(v))),
  };
}

export function countByRule(violations: IViolation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v.rule.name, (counts.get(v.rule.name) ?? 0) + 1);
  return counts;
}

/**
 * What `npm run lint:boundaries` says and whether it passes, given today's violations and the known
 * ones. With `prune`, `known` is what the baseline should become: the known violations that still
 * occur (never a new one).
 */
export function judge(
  current: IViolation[],
  knownBefore: IViolation[],
  prune: boolean,
  why = new Map<string, string>(),
) {
  const { added, remaining, fixed } = compare(current, knownBefore);
  const lines: string[] = [];
  if (prune && fixed.length > 0) {
    lines.push(`Pruned ${fixed.length} fixed violation(s) from .dependency-cruiser-known-violations.json:`);
    for (const v of fixed) lines.push(`  ✔ ${describeViolation(v)}`);
  }
  const seen = new Set<string>();
  for (const v of added) {
    if (seen.has(key(v))) continue;
    seen.add(key(v));
    lines.push(`✖ ${describeViolation(v)}`, `    ${why.get(v.rule.name) ?? 'see .dependency-cruiser.mjs'}`);
  }
  if (!prune && fixed.length > 0) {
    lines.push(`✖ ${fixed.length} known violation(s) no longer occur (well done):`);
    for (const v of fixed) lines.push(`    ${describeViolation(v)}`);
    lines.push('  Remove them from the baseline with `npm run lint:boundaries -- --prune`.');
  }
  const counts = [...countByRule(remaining)].map(([rule, n]) => `${rule} ${n}`).join(', ');
  lines.push(
    `Import boundaries: ${seen.size} new violation(s); ${remaining.length} known violation(s) still ` +
      `to remove${counts ? ` (${counts})` : ''}.`,
  );
  const failed = seen.size > 0 || (!prune && fixed.length > 0);
  return { failed, lines, known: prune ? remaining : knownBefore };
}

async function main(prune: boolean): Promise<number> {
  const knownBefore = JSON.parse(readFileSync(knownFile, 'utf8')) as IViolation[];
  const current = await findViolations(repoRoot);
  const { failed, lines, known } = judge(current, knownBefore, prune, await rules());
  if (known.length !== knownBefore.length)
    writeFileSync(
      knownFile,
      await format(JSON.stringify(known, null, 2), { parser: 'json', filepath: knownFile }),
    );
  process.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes('--prune'));
}
