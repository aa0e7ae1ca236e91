import type { RuleGap, TravelKeepsakeKind } from '../../contracts/travel-rules.js';
import type { Paperwork } from './loss-paperwork.js';
import { carrierName, countryPhrase } from './names.js';
import { type Rule, scopeKindOf } from './rule-schema.js';
import type { RuleContext } from './trip-facts.js';

// What we cannot vouch for, said plainly with whom to ask. A gap is never a guess dressed up as a
// rule: it has no source because there is none in the research.

export function keepsakeGap(kinds: readonly TravelKeepsakeKind[]): RuleGap | null {
  if (kinds.length === 0) {
    return {
      message:
        "No keepsakes are listed for this trip yet, so we haven't looked up any rules. Add the keepsake that's coming along and we'll show what applies.",
    };
  }
  if (kinds.every((kind) => kind === 'other')) {
    return {
      message:
        "None of the keepsakes on this trip hold ashes, so the rules for carrying ashes don't apply to them. Pack them as you would anything precious.",
    };
  }
  return null;
}

export interface LegGapInput {
  ctx: RuleContext;
  matched: readonly Rule[];
  knownDestinations: ReadonlySet<string>;
  hasDocuments: boolean;
  paperwork: Paperwork;
  /** A paper asked for on this leg may not exist for this family. */
  missingPaperAsked: boolean;
}

export function legGaps(input: LegGapInput): RuleGap[] {
  const { ctx, matched, paperwork } = input;
  const take = input.hasDocuments ? ', and take the documents listed below' : '';
  const has = (kind: ReturnType<typeof scopeKindOf>) => matched.some((rule) => scopeKindOf(rule) === kind);
  const gaps: string[] = [];

  if (ctx.mode === 'air') {
    if (ctx.screening === null) {
      gaps.push(
        `We have no checked rule for airport security in ${countryPhrase(ctx.from)} yet. Please ask the airport or your airline how they screen ashes before you fly${take}.`,
      );
    }
    if (ctx.carrier === null) {
      gaps.push(
        `You haven't said which airline this flight is with. Airlines differ most about checked bags, so please ask yours before you fly${take}.`,
      );
    } else if (!has('airline')) {
      gaps.push(
        `We have no checked rule for airline ${carrierName(ctx.carrier)} yet — please ask them before you fly${take}.`,
      );
    }
    if (ctx.containers.has('unknown')) {
      gaps.push(
        "We don't know what the container is made of, so we can't say whether the X-ray will see through it. Thin, light, non-metal containers pass most reliably.",
      );
    }
    if (ctx.keepsakes.has('jewellery')) {
      gaps.push(
        'Our sources speak about urns and boxes, not keepsake jewellery. We found nothing on how airport security treats jewellery holding ashes, so it may help to ask the airport or airline.',
      );
    }
  }
  if (ctx.mode === 'sea' && !has('cruise')) {
    gaps.push(
      ctx.carrier === null
        ? `You haven't said which cruise line or ferry this is. We have checked rules only for some cruise lines, so please ask yours before you sail${take}.`
        : `We have no checked rule for ${carrierName(ctx.carrier)} yet — please ask them before you sail${take}.`,
    );
  }
  if (ctx.mode === 'rail' && !has('rail')) {
    const operator = ctx.carrier === null ? 'this train journey' : carrierName(ctx.carrier);
    gaps.push(
      `We have no checked rule for ashes on ${operator} yet — please ask the rail company before you travel${take}.`,
    );
  }
  if (ctx.mode === 'road' && !has('road')) {
    gaps.push(
      `We have no checked rule for driving with ashes from ${countryPhrase(ctx.from)} to ${countryPhrase(ctx.to)} yet. If you cross a border, the consulate of the country you're entering can tell you what they need${take}.`,
    );
  }
  if (ctx.international && !input.knownDestinations.has(ctx.to)) {
    gaps.push(
      `We have no checked rule for taking ashes into ${countryPhrase(ctx.to)} yet — the country's embassy or consulate can tell you what they need${take}.`,
    );
  }
  if (ctx.purpose === 'scatter' && ctx.arrivesAway && !has('scattering') && !scatteringOnBoard(matched)) {
    gaps.push(
      `We have no checked rule for scattering ashes in ${countryPhrase(ctx.to)} yet. The local authority, or whoever owns the land or water, is the one to ask.`,
    );
  }
  if (paperwork.uncoveredLossCountry !== null && input.missingPaperAsked) {
    const where = paperwork.uncoveredLossCountry
      ? `in ${countryPhrase(paperwork.uncoveredLossCountry)}`
      : 'where your loss happened';
    gaps.push(
      `We have no checked rule on the papers issued after a loss in pregnancy ${where}. A death or cremation certificate may not exist; the documents list says what you might carry instead.`,
    );
  }
  return gaps.map((message) => ({ message }));
}

const scatteringOnBoard = (matched: readonly Rule[]): boolean =>
  matched.some((rule) => scopeKindOf(rule) === 'cruise' && rule.conditions.purpose?.includes('scatter'));
