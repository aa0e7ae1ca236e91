import type { RuleConflict, TravelDocument } from '../../contracts/travel-rules.js';
import { DOCUMENT_KINDS, DOCUMENT_ORDER, documentPhrase } from './document-kinds.js';
import type { Paperwork } from './loss-paperwork.js';
import { GENERAL_PAPERS, scopeLabel, whoToAsk } from './names.js';
import { byAuthority, compareText, joinList } from './ordering.js';
import type { DocumentAsk, DocumentKey, Rule } from './rule-schema.js';

// One list of papers for the whole trip, gathered from every rule that asks for one, with the
// papers the family may not have marked and what to carry instead. Also the conflict a leg gets
// when something there asks for a paper that, for this family, may not exist.

interface Asker {
  rule: Rule;
  ask: DocumentAsk;
}

/** Is this ask one the family may be unable to meet (the paper and every accepted alternative)? */
const unmet = (ask: DocumentAsk, paperwork: Paperwork): boolean =>
  paperwork.missing.has(ask.key) && (ask.or ?? []).every((alt) => paperwork.missing.has(alt));

function askersIn(rules: readonly Rule[]): Asker[] {
  return rules.flatMap((rule) => (rule.document?.asks_for ?? []).map((ask) => ({ rule, ask })));
}

export function buildDocumentList(
  rulesByLeg: readonly (readonly Rule[])[],
  paperwork: Paperwork,
): TravelDocument[] {
  const groups = new Map<string, Asker[]>();
  for (const asker of rulesByLeg.flatMap(askersIn)) {
    const key = `${asker.ask.key}\u0000${asker.ask.title ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), asker]);
  }
  const entries = [...groups.values()].map((askers) => {
    const { key, title } = askers[0]!.ask;
    const labels = namesOf(
      askers.map(({ rule, ask }) => {
        const alternatives = (ask.or ?? []).map(documentPhrase).join(' or ');
        return alternatives ? `${scopeLabel(rule)} (or ${alternatives})` : scopeLabel(rule);
      }),
    );
    const source = askers.map((a) => a.rule).sort(byAuthority)[0]!;
    const missing = paperwork.missing.get(key);
    const document: TravelDocument = {
      title: title ?? DOCUMENT_KINDS[key].title,
      detail: `${DOCUMENT_KINDS[key].hint} Asked for by ${joinList(labels)}.`,
      source_url: source.source_url,
      may_be_missing: missing !== undefined,
      instead: missing?.instead ?? null,
    };
    return { key, titled: title !== undefined, document };
  });
  return entries
    .sort(
      (a, b) =>
        DOCUMENT_ORDER.indexOf(a.key) - DOCUMENT_ORDER.indexOf(b.key) ||
        Number(a.titled) - Number(b.titled) ||
        compareText(a.document.title, b.document.title),
    )
    .map((entry) => entry.document);
}

/** One conflict per paper on this leg that is asked for but may not exist for this family. */
export function missingPaperConflicts(rules: readonly Rule[], paperwork: Paperwork): RuleConflict[] {
  const byKey = new Map<DocumentKey, Rule[]>();
  for (const { rule, ask } of askersIn(rules)) {
    if (!unmet(ask, paperwork)) continue;
    const list = byKey.get(ask.key) ?? [];
    if (!list.includes(rule)) byKey.set(ask.key, [...list, rule]);
  }
  return DOCUMENT_ORDER.flatMap((key): RuleConflict[] => {
    const askers = byKey.get(key);
    const missing = paperwork.missing.get(key);
    if (!askers || !missing) return [];
    const sorted = [...askers].sort(byAuthority);
    const labels = namesOf(sorted.map(scopeLabel));
    const specific = sorted.filter((rule) => scopeLabel(rule) !== GENERAL_PAPERS);
    const whom = specific.length > 0 ? joinList([...new Set(specific.map(whoToAsk))]) : 'whoever asks for it';
    const names = joinList(labels);
    const verb = labels.length === 1 && labels[0] !== GENERAL_PAPERS ? 'asks' : 'ask';
    return [
      {
        message: `${capitalise(names)} ${verb} for ${documentPhrase(key)}, but ${missing.reason}. The documents list says what you could carry instead, and it may help to let ${whom} know before you travel.`,
        rule_ids: [...askers.map((rule) => rule.id), ...missing.ruleIds].sort(compareText),
      },
    ];
  });
}

/** Paperwork rules behind the conflicts above, shown on the leg so their source is one tap away. */
export function paperworkRulesFor(
  conflicts: readonly RuleConflict[],
  rulesById: ReadonlyMap<string, Rule>,
): Rule[] {
  const ids = new Set(conflicts.flatMap((conflict) => conflict.rule_ids));
  return [...ids]
    .map((id) => rulesById.get(id))
    .filter((rule): rule is Rule => rule?.document?.not_issued !== undefined);
}

/** Distinct names in first-seen order, with "most border crossings" last so the sentence reads well. */
function namesOf(labels: readonly string[]): string[] {
  const distinct = [...new Set(labels)];
  return [
    ...distinct.filter((label) => label !== GENERAL_PAPERS),
    ...distinct.filter((label) => label === GENERAL_PAPERS),
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
