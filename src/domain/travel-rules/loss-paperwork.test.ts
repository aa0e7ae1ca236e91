import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

// A baby lost in pregnancy may have no death certificate; what the engine says depends on where
// the loss happened and at how many weeks. Each case flies somewhere that asks for one (Spain).

const toSpain = (loved_one: TravelRulesInput['loved_one']) =>
  evaluateTrip({
    legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'VY', bag: 'carry-on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    ...(loved_one ? { loved_one } : {}),
  });
const doc = (out: ReturnType<typeof evaluateTrip>, start: string) =>
  out.documents.find((d) => d.title.startsWith(start));
const paperConflict = (out: ReturnType<typeof evaluateTrip>, key: RegExp) =>
  out.legs[0]!.conflicts.find((c) => key.test(c.message) && c.rule_ids.includes('es-docs'));

describe('what is issued after a loss, by country and weeks', () => {
  it.each([
    [
      { kind: 'pregnancy_loss', gestation_weeks: 20, loss_country: 'GB' },
      'gb-pre24-no-registration',
      "hospital's certificate of pregnancy loss",
    ],
    [
      { kind: 'pregnancy_loss', loss_country: 'GB' },
      'gb-pre24-no-registration',
      "hospital's certificate of pregnancy loss",
    ],
    [
      { kind: 'infant', gestation_weeks: 23, loss_country: 'GB' },
      'gb-pre24-no-registration',
      'Baby Loss Certificate',
    ],
    [
      { kind: 'pregnancy_loss', gestation_weeks: 30, loss_country: 'GB' },
      'gb-stillbirth-certificate',
      "baby's stillbirth certificate",
    ],
    [
      { kind: 'pregnancy_loss', gestation_weeks: 18, loss_country: 'US' },
      'us-fetal-death-threshold',
      'Whatever the hospital gave you',
    ],
    [
      { kind: 'pregnancy_loss', gestation_weeks: 22, loss_country: 'US' },
      'us-tx-fetal-death',
      'certificate of fetal death',
    ],
    [
      { kind: 'pregnancy_loss', gestation_weeks: 22, loss_country: 'US' },
      'us-ri-stillbirth-cert',
      'In Rhode Island',
    ],
    [
      { kind: 'pregnancy_loss', gestation_weeks: 26, loss_country: 'AU' },
      'au-stillbirth-def',
      "baby's birth certificate",
    ],
    [
      { kind: 'pregnancy_loss', gestation_weeks: 15, loss_country: 'NZ' },
      'nz-sub20-no-certs',
      'There may be nothing official',
    ],
  ] as const)('%o → %s', (lovedOne, ruleId, instead) => {
    const out = toSpain(lovedOne);
    expect(doc(out, 'Death certificate')).toMatchObject({ may_be_missing: true });
    expect(doc(out, 'Death certificate')?.instead).toContain(instead);
    expect(paperConflict(out, /death certificate/)?.rule_ids).toContain(ruleId);
    expect(out.legs[0]!.requirements.map((r) => r.id)).toContain(ruleId);
  });

  it('New Zealand before 20 weeks: no cremation certificate either', () => {
    const out = toSpain({ kind: 'pregnancy_loss', gestation_weeks: 15, loss_country: 'NZ' });
    expect(doc(out, 'Cremation certificate')).toMatchObject({ may_be_missing: true });
    expect(paperConflict(out, /cremation certificate/)?.message).toContain(
      'in New Zealand no cremation certificate is issued below 20 weeks and 400 g',
    );
  });

  it('a baby who lived (infant, no weeks given) is expected to have a death certificate, not a passport', () => {
    const out = toSpain({ kind: 'infant', loss_country: 'GB' });
    expect(doc(out, 'Death certificate')).toMatchObject({ may_be_missing: false, instead: null });
    expect(doc(out, 'The passport')).toMatchObject({ may_be_missing: true });
  });

  it('a loss where we have no checked rule: flagged as possibly missing, with a gap saying so', () => {
    const out = toSpain({ kind: 'pregnancy_loss', gestation_weeks: 19, loss_country: 'DE' });
    expect(doc(out, 'Death certificate')).toMatchObject({ may_be_missing: true });
    expect(doc(out, 'Cremation certificate')).toMatchObject({ may_be_missing: true });
    expect(paperConflict(out, /death certificate/)?.rule_ids).toEqual(
      expect.arrayContaining(['es-docs', 'vy-docs', 'docs-standard-set']),
    );
    expect(out.legs[0]!.gaps.map((g) => g.message)).toContain(
      'We have no checked rule on the papers issued after a loss in pregnancy in Germany. A death or cremation certificate may not exist; the documents list says what you might carry instead.',
    );
  });

  it('Australia before 20 weeks is not covered by a rule either, and says so', () => {
    const out = toSpain({ kind: 'pregnancy_loss', gestation_weeks: 16, loss_country: 'AU' });
    expect(out.legs[0]!.gaps.map((g) => g.message).join(' ')).toContain('in Australia');
  });

  it('an adult, a child or no loved one given: nothing is flagged as missing', () => {
    for (const lovedOne of [{ kind: 'adult' as const }, { kind: 'child' as const }, undefined]) {
      const out = toSpain(lovedOne);
      expect(out.documents.filter((d) => d.may_be_missing)).toEqual([]);
      expect(out.legs[0]!.conflicts).toEqual([]);
    }
  });

  it('a pet: no death certificate or passport; what to carry is a letter from the pet crematorium', () => {
    const out = toSpain({ kind: 'pet' });
    expect(doc(out, 'Death certificate')?.instead).toContain('pet crematorium');
    expect(paperConflict(out, /death certificate/)?.message).toContain('a pet may have no death certificate');
  });

  it('an airline that accepts a cremation certificate instead raises no conflict', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'DL' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { kind: 'pregnancy_loss', gestation_weeks: 18, loss_country: 'US' },
    });
    expect(out.legs[0]!.conflicts.filter((c) => c.rule_ids.includes('dl-docs'))).toEqual([]);
    expect(doc(out, 'Death certificate')?.detail).toContain('Delta (or a cremation certificate)');
  });

  it('an airline that names a death certificate outright raises the conflict before the trip', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'B6' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { kind: 'pregnancy_loss', gestation_weeks: 18, loss_country: 'US' },
    });
    const conflict = out.legs[0]!.conflicts.find((c) => c.rule_ids.includes('b6-docs'));
    expect(conflict?.rule_ids).toEqual(['b6-docs', 'us-fetal-death-threshold']);
    expect(conflict?.message).toBe(
      'JetBlue asks for a death certificate, but in most US states no certificate is made before 20 weeks or 350 g. The documents list says what you could carry instead, and it may help to let JetBlue know before you travel.',
    );
  });
});
