import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

// The story the product starts from: a son lost at about 20 weeks in England, whose small wooden box
// of ashes travels in a parent's carry-on from the UK to Spain and home again. England issues no
// death certificate before 24 weeks, yet Spain, the airline and the UK on the way home ask for one.

const trip: TravelRulesInput = {
  legs: [
    { mode: 'air', from: 'GB', to: 'ES', carrier: 'VY', bag: 'carry-on' },
    { mode: 'air', from: 'ES', to: 'GB', carrier: 'vy', bag: 'carry-on' },
  ],
  keepsakes: [{ kind: 'ashes', container: 'wood' }],
  purpose: 'carry',
  loved_one: { kind: 'pregnancy_loss', gestation_weeks: 20, loss_country: 'GB' },
};

describe('the founding family: GB → ES and back, baby lost at 20 weeks', () => {
  const out = evaluateTrip(trip);
  const [outbound, home] = out.legs;

  it('marks the death certificate as possibly missing and says what to carry instead', () => {
    const death = out.documents.find((d) => d.title.startsWith('Death certificate'));
    expect(death).toMatchObject({ may_be_missing: true });
    expect(death?.instead).toContain("hospital's certificate of pregnancy loss");
    expect(death?.instead).toContain('Baby Loss Certificate');
    // Country-wide advice comes before the England-only addition.
    expect(death!.instead!.indexOf('pregnancy loss')).toBeLessThan(death!.instead!.indexOf('Baby Loss'));
    expect(death?.detail).toMatch(
      /Asked for by Spain, the United Kingdom, Vueling and most border crossings\./,
    );
  });

  it('keeps the cremation certificate as a paper the family does have', () => {
    const cremation = out.documents.find((d) => d.title === 'Cremation certificate');
    expect(cremation).toMatchObject({ may_be_missing: false, instead: null });
  });

  it("flags that a baby has no passport, though Spain's list asks for one", () => {
    const passport = out.documents.find((d) => d.title === 'The passport of the person who died');
    expect(passport).toMatchObject({ may_be_missing: true });
    expect(passport?.instead).toContain('We have no source');
    expect(
      outbound?.conflicts.some((c) => c.rule_ids.join() === 'es-docs' && /no passport/.test(c.message)),
    ).toBe(true);
  });

  it('sees the conflict coming on the way out: Spain and Vueling ask for what England does not issue', () => {
    const conflict = outbound?.conflicts.find((c) => c.rule_ids.includes('gb-pre24-no-registration'));
    expect(conflict?.rule_ids).toEqual(
      expect.arrayContaining(['es-docs', 'vy-docs', 'uk-overseas-certificate', 'gb-baby-loss-certificate']),
    );
    expect(conflict?.message).toContain('no death certificate is issued for a baby born before 24 weeks');
    // The paperwork rule is shown on the leg too, so its source is at hand.
    expect(outbound?.requirements.map((r) => r.id)).toContain('gb-pre24-no-registration');
  });

  it('sees it again on the way home, where the UK asks for the death certificate', () => {
    expect(home?.requirements.map((r) => r.id)).toEqual(
      expect.arrayContaining(['gb-import-docs', 'gb-english-docs']),
    );
    const conflict = home?.conflicts.find((c) => c.rule_ids.includes('gb-import-docs'));
    expect(conflict?.rule_ids).toContain('gb-pre24-no-registration');
  });

  it('applies the screening of each departure country: UK advice out, EU X-ray home', () => {
    expect(outbound?.requirements.map((r) => r.id)).toContain('uk-screening-secondary');
    const xray = home?.requirements.find((r) => r.id === 'container-xray');
    expect(xray?.rule_ids).toEqual(['eu-screening-xray']);
    expect(xray?.severity).toBe('required');
  });

  it('raises no X-ray warning for a wooden box, and no gaps for a known airline and countries', () => {
    for (const leg of out.legs) {
      expect(leg.requirements.filter((r) => r.severity === 'warning')).toEqual([]);
      expect(leg.requirements.map((r) => r.id)).toContain('cont-light-materials');
      expect(leg.gaps).toEqual([]);
    }
  });
});
