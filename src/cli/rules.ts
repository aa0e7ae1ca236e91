import { readFile } from 'node:fs/promises';
import {
  coverageSummary,
  evaluateTrip,
  lintRuleFiles,
  parseTravelRulesInput,
  RULE_FILES,
  RULES,
} from '../domain/travel-rules/index.js';
import type { Output } from './run.js';

// `alongside rules check <trip.json>` and `alongside rules lint`: the travel-rules engine and its
// data, from the command line. Neither needs a database.

export async function rulesCheck(args: string[], io: Output): Promise<number> {
  const [file] = args;
  if (!file) {
    io.err('Please give the trip file: alongside rules check <trip.json>\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? `it is not valid JSON (${error.message})`
        : `it could not be read (${(error as Error).message})`;
    io.err(`${file}: ${reason}.\n`);
    return 2;
  }
  const parsed = parseTravelRulesInput(raw);
  if (!parsed.ok) {
    io.err(`${file} needs a few changes:\n${parsed.problems.map((p) => `  ${p}\n`).join('')}`);
    return 2;
  }
  io.out(`${JSON.stringify(evaluateTrip(parsed.value), null, 2)}\n`);
  return 0;
}

export async function rulesLint(_args: string[], io: Output, today: string): Promise<number> {
  const report = lintRuleFiles(RULE_FILES, { today });
  const coverage = coverageSummary(RULES);
  for (const fault of report.faults) {
    io.err(`fault: ${[fault.file, fault.rule_id].filter(Boolean).join(' ')}: ${fault.message}\n`);
  }
  if (report.stale.length > 0) {
    io.out(
      `${report.stale.length} rule(s) were checked more than 12 months ago; please check their sources again:\n`,
    );
    for (const s of report.stale) io.out(`  ${s.rule_id} (checked ${s.verified_on})\n`);
  }
  io.out(`${RULES.length} rules; coverage: ${JSON.stringify(coverage)}\n`);
  if (report.faults.length > 0) {
    io.err(`${report.faults.length} fault(s) found.\n`);
    return 1;
  }
  io.out('The rules data is sound.\n');
  return 0;
}
