import { type Rule, ruleFileSchema, ruleSchema } from './rule-schema.js';
import airlines from './data/airlines.json' with { type: 'json' };
import carriers from './data/carriers.json' with { type: 'json' };
import containers from './data/containers.json' with { type: 'json' };
import countries from './data/countries.json' with { type: 'json' };
import cruise from './data/cruise.json' with { type: 'json' };
import documents from './data/documents.json' with { type: 'json' };
import rail from './data/rail.json' with { type: 'json' };
import road from './data/road.json' with { type: 'json' };
import scattering from './data/scattering.json' with { type: 'json' };
import screening from './data/screening.json' with { type: 'json' };

// The rules are data files bundled with the code (static imports work on the server and in the web
// build alike). They are checked once, when this module loads: a bad file stops the app at start-up
// with the file and rule named, rather than giving a family a wrong answer later.

/** The raw files, by name, as they are on disk. Lint reads these too. */
export const RULE_FILES: Readonly<Record<string, unknown>> = {
  'screening.json': screening,
  'airlines.json': airlines,
  'countries.json': countries,
  'documents.json': documents,
  'carriers.json': carriers,
  'cruise.json': cruise,
  'rail.json': rail,
  'road.json': road,
  'scattering.json': scattering,
  'containers.json': containers,
};

export class RuleDataError extends Error {
  override readonly name = 'RuleDataError';
}

export interface LoadedRules {
  rules: readonly Rule[];
  /** Which file each rule came from, for messages. */
  fileOf: ReadonlyMap<string, string>;
  /** Each file's version, e.g. { "airlines.json": 1 }. */
  versions: Readonly<Record<string, number>>;
}

const describe = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((issue) => `${issue.path.map(String).join('.') || '(rule)'} ${issue.message}`).join('; ');

/** Validates every file and rule; throws a RuleDataError naming the file and rule on the first fault. */
export function loadRuleFiles(files: Readonly<Record<string, unknown>>): LoadedRules {
  const rules: Rule[] = [];
  const fileOf = new Map<string, string>();
  const versions: Record<string, number> = {};
  for (const [file, raw] of Object.entries(files)) {
    const parsedFile = ruleFileSchema.safeParse(raw);
    if (!parsedFile.success) {
      throw new RuleDataError(`Travel rules file ${file}: ${describe(parsedFile.error.issues)}.`);
    }
    versions[file] = parsedFile.data.version;
    parsedFile.data.rules.forEach((rawRule, index) => {
      const parsed = ruleSchema.safeParse(rawRule);
      const id = idOf(rawRule) ?? `#${index + 1}`;
      if (!parsed.success) {
        throw new RuleDataError(`Travel rules file ${file}, rule ${id}: ${describe(parsed.error.issues)}.`);
      }
      const earlier = fileOf.get(parsed.data.id);
      if (earlier) {
        throw new RuleDataError(
          `Travel rules file ${file}, rule ${id}: the id is already used in ${earlier}.`,
        );
      }
      fileOf.set(parsed.data.id, file);
      rules.push(parsed.data);
    });
  }
  for (const rule of rules) {
    for (const other of rule.conflicts_with ?? []) {
      if (!fileOf.has(other) || other === rule.id) {
        throw new RuleDataError(
          `Travel rules file ${fileOf.get(rule.id)}, rule ${rule.id}: conflicts_with names "${other}", which is not another rule.`,
        );
      }
    }
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules, fileOf, versions };
}

export function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  return typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : null;
}

export const LOADED: LoadedRules = loadRuleFiles(RULE_FILES);
export const RULES: readonly Rule[] = LOADED.rules;
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
