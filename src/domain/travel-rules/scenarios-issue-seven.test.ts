import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { detailOn, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Issue 7 (/work/briefs/issue7.md, rules research): a rule says only what its source says, and a
// stage none of our sources speaks of is still named as unknown.

const today = '2026-12-06';
const trip = (raw: unknown) => readTripOn(today, raw);

describe("India's eCARe portal: a note, as its source says, never a paper every family must bring", () => {
  const dad = () =>
    trip({
      home_country: 'GB',
      loved_one: { name: 'Dad', kind: 'adult', loss_country: 'GB' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'BA', bag: 'carry_on' }],
    });
  const ecare = () => dad().legs[0]!.requirements.find((r) => r.rule_ids.includes('in-ecare'))!;

  it('the Toronto consulate\'s "may visit … for necessary clearances" is said as it says it', () => {
    const rule = ecare();
    expect(rule.severity).toBe('info');
    expect(rule.confidence).toBe('medium');
    expect(rule.detail).toContain('you may visit the e-clearance portal');
    expect(rule.detail).toContain('https://ecare.mohfw.gov.in');
    // What the source leaves open is said, with whom to ask.
    expect(rule.detail).toContain('It does not say whether ashes a family carries need one');
    expect(rule.detail).toContain('the Indian embassy or consulate where you set off can tell you');
  });

  it('nothing is added to what the family brings, and the summary never asks for a clearance', () => {
    const out = dad();
    expect(out.documents.some((d) => d.key === 'permit')).toBe(false);
    expect(out.summary[0]!.carry.join(' ')).not.toMatch(/clearance|eCARe/);
    expect(out.summary[0]!.text).not.toMatch(/clearance/);
  });

  it('ashes sent to India: still told what the note leaves unknown, and whom to ask', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'IN', carrier: 'USPS' });
    expect(out.requirements.find((r) => r.rule_ids.includes('in-ecare'))!.severity).toBe('info');
    expect(out.gaps.map((g) => g.message).join(' ')).toContain(
      'we have no rule from our research for receiving ashes sent to India. The embassy or consulate of India in the United States can tell you the rest',
    );
  });

  it('the rule keeps its source, its own date and the day it was read, with no re-check', () => {
    const rule = RULES.find((r) => r.id === 'in-ecare')!;
    expect(rule).toMatchObject({
      source_url: 'https://cgitoronto.gov.in/page/transport-ashes',
      source_date: '2024-11-20',
      read_on: '2026-12-06',
    });
    expect(rule.rechecked_on).toBeUndefined();
    expect(rule.document).toBeUndefined();
    expect(detailOn(dad(), 'in-ecare')).toBeDefined();
    expect(ruleIdsOn(dad())).toContain('in-ecare');
  });
});
