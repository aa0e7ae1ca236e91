import { describe, expect, it } from 'vitest';
import { parseShipmentInput } from './index.js';
import { readShipmentOn } from './scenario-reading.js';

// Review 22's leftovers, findings 1 to 4 (brief fix-a).

const today = '2026-12-07';
type Shipped = ReturnType<typeof readShipmentOn>;
const shipGaps = (out: Shipped) => out.gaps.map((g) => g.message).join(' ');
const shipIds = (out: Shipped) => out.requirements.flatMap((r) => r.rule_ids);
const refusal = (raw: unknown): string[] => {
  const parsed = parseShipmentInput(raw);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.problems;
};

describe('1. rules ship: a post company we do not know is kept, and named as one we hold nothing for', () => {
  it('Canada Post, from Canada to the US: accepted, with the US rule for receiving ashes', () => {
    const parsed = parseShipmentInput({ from: 'CA', to: 'US', carrier: 'Canada Post' });
    expect(parsed).toEqual({ ok: true, value: { from: 'CA', to: 'US', carrier: 'Canada Post' } });
    const out = readShipmentOn(today, { from: 'CA', to: 'US', carrier: 'Canada Post' });
    // The destination's rule, which does not depend on the carrier, still applies.
    expect(shipIds(out)).toContain('us-import-none');
    // No other carrier's rule is read as Canada Post's, nor listed as a choice.
    expect(shipIds(out)).not.toContain('dhl-no');
    expect(shipIds(out)).not.toContain('as-cargo-not-from-ca-mx');
    const gaps = shipGaps(out);
    expect(gaps).toContain(
      "We hold nothing from our research on Canada Post, so we can't say whether it takes ashes, or on what terms. Please ask Canada Post before you send anything.",
    );
    // A misspelt known company would hide its rules: the ones we know are named beside it.
    expect(gaps).toContain('If you meant another company, our rules name FedEx, UPS, DHL Express, USPS');
    expect(gaps).not.toContain('Some airlines');
  });

  it("the origin country's own rule applies too, and its note is said beside the company", () => {
    const out = readShipmentOn(today, { from: 'DE', to: 'US', carrier: 'Deutsche Post' });
    expect(shipIds(out)).toEqual(expect.arrayContaining(['de-sending-an-urn-abroad', 'us-import-none']));
    expect(shipGaps(out)).toContain(
      'The note from Germany above says to send an urn through the funeral home or crematorium, so please ask them, and Deutsche Post, before you send anything.',
    );
  });

  it("a destination with no rule still says so, beside the company's gap", () => {
    const gaps = shipGaps(readShipmentOn(today, { from: 'CA', to: 'FR', carrier: 'Purolator' }));
    expect(gaps).toContain('We hold nothing from our research on Purolator');
    expect(gaps).toContain('We have no rule from our research for receiving ashes sent to France yet.');
  });

  it('sending to Germany with a company we do not know still hears Germany’s rules', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'DE', carrier: 'Pony Express' });
    expect(shipIds(out)).toEqual(expect.arrayContaining(['de-no-private-recipient', 'de-cremains-cert']));
  });

  it('known carriers keep their rules, by code and by name', () => {
    expect(shipIds(readShipmentOn(today, { from: 'US', to: 'US', carrier: 'USPS' }))).toContain(
      'usps-pme-only',
    );
    expect(shipIds(readShipmentOn(today, { from: 'GB', to: 'FR', carrier: 'Royal Mail' }))).toContain(
      'royalmail-abroad-50g',
    );
    expect(shipIds(readShipmentOn(today, { from: 'CA', to: 'US', carrier: 'FedEx Ground' }))).toContain(
      'fedex-no',
    );
    const delta = readShipmentOn(today, { from: 'US', to: 'GB', carrier: 'Delta' });
    expect(shipIds(delta)).toContain('dl-cargo-shipper');
    expect(shipGaps(delta)).not.toContain('We hold nothing');
  });

  it('empty or absurd input is still refused, naming the field and not repeating it', () => {
    for (const carrier of ['', '   ', '<script>', '12345', '{}', 'x'.repeat(61)]) {
      const problems = refusal({ from: 'CA', to: 'US', carrier });
      expect(problems.length, carrier).toBe(1);
      expect(problems[0]).toMatch(/^carrier: /);
      if (carrier.trim().length > 0) expect(problems[0]).not.toContain(carrier);
    }
    expect(refusal({ from: 'CA', to: 'US', carrier: 'Canada\u200bPost' })[0]).toContain(
      'hidden characters we cannot show',
    );
  });

  it('two characters are an airline code: one we do not know is a slip to check, as on a flight', () => {
    const problems = refusal({ from: 'CA', to: 'US', carrier: 'Q0' });
    expect(problems).toEqual([expect.stringMatching(/^carrier: We don't know an airline with the code "Q0"/)]);
  });
});
