import { describe, expect, it } from 'vitest';
import { carryingTrip, readTripOn } from './scenario-reading.js';

// Left from review 35, t05: where Germany's mission says an urn is sent instead (through a funeral
// home or a specialist carrier), its papers are "for_sending", and the general advice for any border
// no longer tells the family "to carry it": the paper goes with the urn, not in their bag. The list
// is built knowing the urn is sent, rather than rewritten afterwards.

const today = '2026-12-07';

/** A family in South Africa flying Oma's urn to Germany on Lufthansa, and home. */
const oma = () =>
  readTripOn(
    today,
    carryingTrip(
      'ZA',
      [
        { mode: 'air', from: 'ZA', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'ZA', carrier: 'LH', way_home: true },
      ],
      { name: 'Oma', nationality: 'DE' },
    ),
  );

describe('papers for an urn sent instead', () => {
  it('the usual advice for any border says the paper goes with the urn, never to carry it', () => {
    const general = oma().documents.filter((d) => d.asked_by.includes('the usual advice for any border'));
    expect(general.map((d) => d.key)).toEqual([
      'death_certificate',
      'cremation_certificate',
      'funeral_director_declaration',
    ]);
    for (const paper of general) {
      expect(paper.status).toBe('for_sending');
      expect(paper.detail).toContain('The usual advice for any border is for it to go with the urn.');
      expect(paper.detail).not.toContain('to carry it');
    }
  });

  it("the summary still says to have them ready, the mission's certificate among them", () => {
    const out = oma();
    expect(out.summary[0]!.text).toContain(
      'For Oma, have ready a death certificate, a cremation certificate, a letter from the crematorium or funeral director and a certificate for the import of ashes (Urnenbescheinigung) from the German mission in South Africa.',
    );
    expect(out.documents.find((d) => d.key === 'consular_certificate')?.detail).toBe(
      "Issued by a consulate, before you travel. Asked for by Germany's mission in South Africa.",
    );
  });

  it('a family carrying the urn itself still hears "to carry it"', () => {
    const out = readTripOn(
      today,
      carryingTrip('GB', [
        { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' },
        { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA', way_home: true },
      ]),
    );
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(death.status).toBe('carry');
    expect(death.detail).not.toContain('go with the urn');
  });
});
