import { describe, expect, it } from 'vitest';
import { registrationFaults } from './lint.js';
import { RULES } from './load-rules.js';
import { type TripReading, readTripOn } from './scenario-reading.js';

// Issue 7 ("The packet"): the note for security says only what the family has said they carry. In
// Ireland registering a stillbirth is the parents' choice (from 23 weeks or 400 g), so the engine
// says the stillbirth certificate is optional, and the note never claims it; where registering is a
// duty (the UK, Ontario) the paper is named as carried, as before. The note's own words are tested
// in src/server/modules/travel-rules/security-note.test.ts (domain tests may not import the server).

const today = '2026-12-06';
const deathCertificateOf = (out: TripReading) => out.documents.find((d) => d.key === 'death_certificate')!;
const baby = (loved: Record<string, unknown>): TripReading =>
  readTripOn(today, {
    home_country: 'IE',
    legs: [{ mode: 'air', from: 'IE', to: 'ES', carrier: 'EI', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    loved_one: { name: 'Aoife', kind: 'pregnancy_loss', born_alive: false, ...loved },
  });

describe('issue 7: a stillbirth certificate the parents may not have chosen to register', () => {
  it('Ireland at 26 weeks: registered on a stillbirth certificate, if the parents chose to', () => {
    expect(deathCertificateOf(baby({ gestation_weeks: 26, loss_country: 'IE' }))).toMatchObject({
      status: 'not_issued',
      not_registered: false,
      registered_on: 'stillbirth certificate',
      registration_optional: true,
    });
  });

  it('Ireland at 21 weeks and 450 g (registered by weight): optional too', () => {
    const out = baby({ gestation_weeks: 21, birth_weight_g: 450, loss_country: 'IE' });
    expect(deathCertificateOf(out)).toMatchObject({
      registered_on: 'stillbirth certificate',
      registration_optional: true,
    });
  });

  it('the opposite: England and Ontario register by law, so the paper is not optional', () => {
    const england = baby({ gestation_weeks: 26, loss_country: 'GB', loss_region: 'GB-ENG' });
    expect(deathCertificateOf(england)).toMatchObject({
      registered_on: 'stillbirth certificate',
      registration_optional: false,
    });
    const ontario = baby({ gestation_weeks: 22, loss_country: 'CA', loss_region: 'CA-ON' });
    expect(deathCertificateOf(ontario)).toMatchObject({
      registered_on: 'certified copy of the stillbirth registration',
      registration_optional: false,
    });
    // And a baby not registered at all (Ireland, 20 weeks and 300 g) is not "optional" either.
    const early = baby({ gestation_weeks: 20, birth_weight_g: 300, loss_country: 'IE' });
    expect(deathCertificateOf(early)).toMatchObject({ not_registered: true, registration_optional: false });
  });

  it('lint: a registration that is not settled names no paper', () => {
    // Australia's unsettled rule went with review 36 (finding 3); Texas's under 350 g is one still.
    const australian = RULES.find((rule) => rule.id === 'us-fetal-death-texas-under-350g')!.document!
      .not_issued![0]!;
    expect(australian.registration_unsettled).toBe(true);
    expect(registrationFaults(australian)).toEqual([]);
    expect(registrationFaults({ ...australian, registered_on: 'birth certificate' })).toEqual([
      'says "registration_unsettled": true and "registered_on": "birth certificate"; a registration that is not settled names no paper.',
    ]);
  });

  it('lint: a reason saying registering is the parents’ choice must say registration_optional', () => {
    const gaps = RULES.flatMap((rule) => rule.document?.not_issued ?? []);
    expect(gaps.flatMap(registrationFaults)).toEqual([]);
    const irish = RULES.find((rule) => rule.id === 'ie-stillbirth-registered-weeks')!.document!
      .not_issued![0]!;
    const { registration_optional: _dropped, ...unflagged } = irish;
    expect(registrationFaults(unflagged)).toEqual([
      'says registering is the parents\' choice but not "registration_optional": true; the packet would say the family carries a paper they may not have.',
    ]);
    const { registered_on: _paper, ...unnamed } = irish;
    expect(
      registrationFaults({
        ...unnamed,
        reason: 'in Ireland no death certificate is issued for a stillborn baby',
      }),
    ).toEqual([
      'says "registration_optional": true without "registered_on"; there is no paper to be optional.',
    ]);
  });
});
