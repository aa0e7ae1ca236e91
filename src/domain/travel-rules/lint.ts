import { monthsBefore } from './dates.js';
import { idOf } from './load-rules.js';
import { ruleFileSchema, ruleSchema } from './rule-schema.js';

// Checks the rules data the way a careful reviewer would, without throwing: every fault is listed
// with the rule and file it belongs to, and rules whose source was last checked more than 12 months
// before `today` are listed as stale (a reminder to re-check, not a fault). `today` is an argument
// so the result never depends on when it runs.

export interface LintFault {
  rule_id?: string;
  file?: string;
  message: string;
}
export interface LintReport {
  faults: LintFault[];
  stale: Array<{ rule_id: string; verified_on: string }>;
}
export interface LintOptions {
  /** YYYY-MM-DD */
  today: string;
}

interface Located {
  raw: unknown;
  file?: string;
}

export function lintRules(rules: readonly unknown[], options: LintOptions): LintReport {
  return lintLocated(
    rules.map((raw) => ({ raw })),
    [],
    options,
  );
}

export function lintRuleFiles(files: Readonly<Record<string, unknown>>, options: LintOptions): LintReport {
  const located: Located[] = [];
  const faults: LintFault[] = [];
  for (const [file, raw] of Object.entries(files)) {
    const parsed = ruleFileSchema.safeParse(raw);
    if (!parsed.success) {
      faults.push({ file, message: `The file should be {"version": <whole number>, "rules": [...]}.` });
      continue;
    }
    located.push(...parsed.data.rules.map((rule) => ({ raw: rule, file })));
  }
  return lintLocated(located, faults, options);
}

function lintLocated(located: readonly Located[], faults: LintFault[], { today }: LintOptions): LintReport {
  const staleBefore = monthsBefore(today, 12);
  const stale: LintReport['stale'] = [];
  const ids = new Map<string, string | undefined>();
  const valid: Array<{ id: string; file?: string; conflicts: readonly string[] }> = [];

  for (const { raw, file } of located) {
    const id = idOf(raw) ?? undefined;
    const where = { ...(id ? { rule_id: id } : {}), ...(file ? { file } : {}) };
    if (id !== undefined) {
      if (ids.has(id)) faults.push({ ...where, message: `The id "${id}" is used more than once.` });
      ids.set(id, file);
    }
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.') || 'rule';
        faults.push({ ...where, message: `${path} ${issue.message}` });
      }
      continue;
    }
    const rule = parsed.data;
    if (rule.verified_on > today) {
      faults.push({ ...where, message: `verified_on ${rule.verified_on} is after today (${today}).` });
    } else if (rule.verified_on < staleBefore) {
      stale.push({ rule_id: rule.id, verified_on: rule.verified_on });
    }
    valid.push({ id: rule.id, ...(file ? { file } : {}), conflicts: rule.conflicts_with ?? [] });
  }

  for (const rule of valid) {
    for (const other of rule.conflicts) {
      if (other === rule.id || !ids.has(other)) {
        faults.push({
          rule_id: rule.id,
          ...(rule.file ? { file: rule.file } : {}),
          message: `conflicts_with names "${other}", which is not another rule.`,
        });
      }
    }
  }
  stale.sort((a, b) =>
    a.verified_on < b.verified_on ? -1 : a.verified_on > b.verified_on ? 1 : a.rule_id < b.rule_id ? -1 : 1,
  );
  return { faults, stale };
}
