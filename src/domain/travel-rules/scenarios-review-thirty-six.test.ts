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

// Left from review 35 (a partial refusal): where Germany's rule sends Oma's urn instead but not
// Bruno's (its sources speak of a person's ashes), the way home carries Bruno's ashes only: nothing
// of Oma's is said on it but that her urn does not travel with them there.
describe('one urn sent instead, another carried on', () => {
  const omaAndBruno = () =>
    readTripOn(today, {
      home_country: 'ZA',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'ZA', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'ZA', carrier: 'LH', way_home: true },
      ],
      keepsakes: [
        { kind: 'ashes', container: 'wood', loved_one: 'Oma' },
        { kind: 'ashes', container: 'wood', loved_one: 'Bruno', name: "Bruno's tin" },
      ],
      loved_ones: [
        { name: 'Oma', kind: 'adult', nationality: 'DE', loss_country: 'ZA', cremated_in: 'ZA' },
        { name: 'Bruno', kind: 'pet', loss_country: 'ZA', cremated_in: 'ZA' },
      ],
    });

  it('the way home carries Bruno, and says Oma’s urn does not travel with them', () => {
    const home = omaAndBruno().legs[1]!;
    expect(home.carries_ashes).toBe(true);
    const gaps = home.gaps.map((gap) => gap.message);
    expect(gaps).toContain(
      "If Oma's urn is sent to Germany instead, as said above, it does not travel with you on this part of the journey.",
    );
    expect(gaps.join('\n')).not.toMatch(/bringing ashes back into South Africa after they have left it/);
  });

  it('no rule on the way home is matched for Oma’s urn', () => {
    const home = omaAndBruno().legs[1]!;
    // The usual papers for a person's ashes, and proof of the relationship, were Oma's alone.
    const ids = home.requirements.map((r) => r.id);
    expect(ids).toContain('container-xray');
    expect(ids).not.toContain('docs-standard-set');
    expect(ids).not.toContain('docs-relationship');
  });

  it('the way out still carries both, and Oma’s papers are still for whoever sends her urn', () => {
    const out = omaAndBruno();
    expect(out.legs[0]!.requirements.map((r) => r.id)).toContain('de-no-private-carriage');
    expect(out.documents.filter((d) => d.loved_one === 'Oma').map((d) => d.status)).toEqual(
      Array(4).fill('for_sending'),
    );
  });
});

// Review 36b, finding 4: Edinburgh's seal said "also" with nothing before it.
describe('Italy’s Edinburgh seal, said on its own', () => {
  it('a UK family bringing Nonna to rest in Italy hears it without an "also"', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'IT', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nonna' }],
      loved_ones: [{ name: 'Nonna', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    const seal = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('it-seal-edinburgh'));
    expect(seal?.detail).toBe(
      "The Italian consulate in Edinburgh applies a consular seal to the urn's box once the Italian authorities have given permission.",
    );
  });
});

// Review 36b, finding 3: bans on scattering and permissions to scatter were said only in the notes
// on the journey; a family reading the summary heard "we found no papers this journey asks for" and
// nothing more. The summary now ends by pointing to them, by title.
describe('what the notes say before you scatter, in the summary', () => {
  it('Poland: a ban on scattering on land is named in the summary', () => {
    const out = readTripOn(today, {
      home_country: 'PL',
      purpose: 'scatter',
      scatter: { country: 'PL', place: 'land', ashes_come_home: false },
      legs: [{ mode: 'road', from: 'PL', to: 'PL' }],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Dziadek' }],
      loved_ones: [
        { name: 'Dziadek', kind: 'adult', nationality: 'PL', loss_country: 'PL', cremated_in: 'PL' },
      ],
    });
    expect(out.summary[0]!.text).toContain(
      "Before you scatter, please read what the notes on your journey say: “Poland doesn't allow scattering ashes”.",
    );
  });

  it("Norway: the county governor's permission is named, for a family coming from Sweden", () => {
    const out = readTripOn(today, {
      home_country: 'SE',
      purpose: 'scatter',
      scatter: { country: 'NO', place: 'sea', ashes_come_home: false },
      legs: [
        { mode: 'rail', from: 'SE', to: 'NO' },
        { mode: 'rail', from: 'NO', to: 'SE', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Farfar' }],
      loved_ones: [
        { name: 'Farfar', kind: 'adult', nationality: 'NO', loss_country: 'SE', cremated_in: 'SE' },
      ],
    });
    expect(out.summary[0]!.text).toContain(
      '“Norway: scattering ashes needs the county governor’s permission”',
    );
  });

  it('a trip that carries ashes without scattering says nothing of scattering', () => {
    const out = readTripOn(today, carryingTrip('GB', [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' }]));
    expect(out.summary[0]!.text).not.toContain('Before you scatter');
  });
});

// Review 36b, findings 9 and 10.
describe('review 36b lows', () => {
  it('9: a summary that opens by asking still says whom it is for', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'UA', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'US', carrier: 'UA', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'metal', loved_one: 'Max', name: "Max's urn" }],
      loved_ones: [{ name: 'Max', kind: 'pet', loss_country: 'US', cremated_in: 'US' }],
    });
    expect(out.summary[0]!.text).toBe(
      'For Max, ask before you travel whether you need a cremation certificate: our sources say only that United may ask for it.',
    );
  });

  it("10: India's No Objection Certificate from the UK is applied for, not said to be asked for", () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nani' }],
      loved_ones: [{ name: 'Nani', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    const noc = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('in-london-noc'));
    expect(noc?.title).toBe(
      "From the UK to India: a No Objection Certificate India's High Commission issues for the ashes, applied for before you travel",
    );
  });
});

// Review 36b, finding 1: nothing on Edinburgh's page turns on where the family lives; it speaks of
// ashes leaving the UK to rest in Italy. A family living in Italy bringing Marco home hears it.
describe('Italy’s Edinburgh seal, for a family living in Italy', () => {
  it('a family in Italy bringing Marco’s ashes home from the UK hears the seal, and whom to ask', () => {
    const out = readTripOn(today, {
      home_country: 'IT',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'IT', carrier: 'BA', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Marco' }],
      loved_ones: [{ name: 'Marco', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    const seal = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('it-seal-edinburgh'));
    expect(seal?.title).toBe(
      "Italy: the Edinburgh consulate's page says the urn needs an Italian consulate's seal; ask an Italian consulate in the UK",
    );
    expect(out.summary[0]!.text).toContain("Italian consular authorisation and seal on the urn's box");
  });
});

// Review 36c, finding 1: a river burial in Rhineland-Palatinate is a dissolving urn lowered from a
// boat by a funeral director; scattering the ashes from the boat is not allowed (the ministry's
// page). It was only in an info rule among what is newly allowed; the summary now names it.
describe('a river in Rhineland-Palatinate', () => {
  it('says scattering the ashes isn’t allowed, on the leg and before you scatter', () => {
    const out = readTripOn(today, {
      home_country: 'DE',
      purpose: 'scatter',
      scatter: { country: 'DE', region: 'DE-RP', place: 'river_or_lake', ashes_come_home: false },
      legs: [{ mode: 'road', from: 'DE', to: 'DE' }],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Opa Heinz' }],
      loved_ones: [{ name: 'Opa Heinz', kind: 'adult', loss_country: 'DE', cremated_in: 'DE-RP' }],
    });
    const river = out.legs[0]!.requirements.find((r) => r.id === 'de-rp-river-funeral-director-only');
    expect(river?.severity).toBe('warning');
    expect(river?.detail).toContain('Scattering the ashes from the boat is not allowed');
    expect(out.summary[0]!.text).toContain(
      "“Rhineland-Palatinate: in its rivers, only a funeral director lowers an urn that dissolves, from a boat; scattering the ashes isn't allowed”",
    );
  });
});

// Review 36c, finding 3: at sea in Poland no rule of ours is said (the 1959 law's source doesn't say
// whether it reaches the sea), so the summary said nothing of scattering; it now points to the note.
describe('scattering at sea in Poland, in the summary', () => {
  const atSea = (lovedOne: Record<string, unknown>) =>
    readTripOn(today, {
      home_country: 'PL',
      purpose: 'scatter',
      scatter: { country: 'PL', place: 'sea', ashes_come_home: false },
      legs: [{ mode: 'road', from: 'PL', to: 'PL' }],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: lovedOne.name }],
      loved_ones: [{ loss_country: 'PL', cremated_in: 'PL', ...lovedOne }],
    });

  it('a person’s ashes: the summary points to the note about scattering at sea in Poland', () => {
    expect(atSea({ name: 'Babcia Irena', kind: 'adult' }).summary[0]!.text).toContain(
      'Before you scatter, please read the note on your journey about scattering ashes at sea in Poland.',
    );
  });

  it('a pet’s ashes: the 1959 law speaks of people, so nothing is pointed to', () => {
    expect(atSea({ name: 'Reksio', kind: 'pet' }).summary[0]!.text).not.toContain('Before you scatter');
  });
});
