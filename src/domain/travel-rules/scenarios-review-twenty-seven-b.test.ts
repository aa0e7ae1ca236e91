import { describe, expect, it } from 'vitest';
import { detailOn, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 27 (reviewer a), findings 3, 6, 7, 8, 9, 11, 12, 13 and 14.

const today = '2026-12-07';

// Coming home, whom to ask is home's own border authorities, never a post of theirs abroad: the
// expectations below that named one were changed for that (review 35, t; review 34b, finding 2).
// Thailand's own rules make the paper its embassy's (th-brussels-papers), so Thailand's mission
// where the ashes set off, in Belgium, is named again (review 35b, finding 2).
describe('review 27, finding 3: two loved ones, a rule covering one does not hide the other’s entry gap', () => {
  it('Mae died in Belgium (Thailand’s Brussels list), Pho in France: Pho still hears whom to ask', () => {
    const out = readTripOn(today, {
      home_country: 'TH',
      purpose: 'carry',
      legs: [
        { mode: 'rail', from: 'BE', to: 'FR', carrier: 'Eurostar' },
        { mode: 'air', from: 'FR', to: 'TH', carrier: 'TG', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [
        { kind: 'ashes', container: 'plastic', loved_one: 'Mae' },
        { kind: 'ashes', container: 'plastic', loved_one: 'Pho' },
      ],
      loved_ones: [
        { name: 'Mae', kind: 'adult', loss_country: 'BE', cremated_in: 'BE' },
        { name: 'Pho', kind: 'adult', loss_country: 'FR', cremated_in: 'FR' },
      ],
    });
    const gaps = gapMessages(out, 1);
    expect(gaps).toContain(
      'For Pho, our sources on taking ashes into Thailand speak only for families who live in Belgium or Luxembourg, or whose loved one died in one of them. The embassy or consulate of Thailand in Belgium can tell you, before you set off, what they need; take the documents listed below with you.',
    );
    // Mae's rule is still shown, for her ashes only.
    const th = out.legs[1]!.requirements.find((r) => r.rule_ids.includes('th-brussels-papers'))!;
    expect(th.about).toEqual(['Mae’s ashes']);
    // Never said for Mae.
    expect(gaps.join(' ')).not.toContain('For Mae');
  });

  it('Portugal’s Rio list for Avô (a Portuguese national) leaves Avó (Brazilian) with a gap of her own', () => {
    const out = readTripOn(today, {
      home_country: 'BR',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'BR', to: 'PT', carrier: 'TP', bag: 'carry_on' }],
      keepsakes: [
        { kind: 'ashes', container: 'plastic', loved_one: 'Avô' },
        { kind: 'ashes', container: 'plastic', loved_one: 'Avó' },
      ],
      loved_ones: [
        { name: 'Avô', kind: 'adult', loss_country: 'BR', cremated_in: 'BR', nationality: 'PT' },
        { name: 'Avó', kind: 'adult', loss_country: 'BR', cremated_in: 'BR', nationality: 'BR' },
      ],
    });
    const gaps = gapMessages(out);
    expect(gaps.some((g) => g.startsWith('For Avó, ') && g.includes('into Portugal'))).toBe(true);
    expect(gaps.join(' ')).not.toContain('For Avô,');
  });

  it('one loved one alone: no "For …" prefix (the gap is said as before)', () => {
    const out = readTripOn(today, {
      home_country: 'TH',
      purpose: 'carry',
      legs: [
        { mode: 'rail', from: 'BE', to: 'FR', carrier: 'Eurostar' },
        { mode: 'air', from: 'FR', to: 'TH', carrier: 'TG', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Pho' }],
      loved_ones: [{ name: 'Pho', kind: 'adult', loss_country: 'FR', cremated_in: 'FR' }],
    });
    expect(gapMessages(out, 1)).toContain(
      'Our sources on taking ashes into Thailand speak only for families who live in Belgium or Luxembourg, or whose loved one died in one of them. The embassy or consulate of Thailand in Belgium can tell you, before you set off, what they need; take the documents listed below with you.',
    );
  });
});

describe('review 27, finding 7: Germany’s missions’ permits only for urns going from where they serve', () => {
  it('a Singapore family’s urn from Malaysia: the refusal, never the Singapore Embassy’s permit', () => {
    const out = readTripOn(today, {
      home_country: 'SG',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'MY', to: 'DE', carrier: 'MH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Kong Kong' }],
      loved_ones: [{ name: 'Kong Kong', kind: 'adult', loss_country: 'MY', cremated_in: 'MY' }],
    });
    const ids = ruleIdsOn(out);
    expect(ids).toContain('de-no-private-singapore');
    expect(ids).not.toContain('de-singapore-urn-permit');
    expect(out.summary[0]!.text).not.toContain('urn transport permit');
    expect(out.documents.some((d) => d.key === 'consular_certificate')).toBe(false);
    const detail = detailOn(out, 'de-no-private-singapore')!;
    expect(detail).toContain(
      "for an urn going from another country, Germany's embassy or consulate in that country can tell you",
    );
    expect(detail).not.toMatch(/an urn is best sent by the Singaporean funeral home/);
  });

  it('a Canadian family’s urn from Sweden: no permit from the consulates in Canada', () => {
    const out = readTripOn(today, {
      home_country: 'CA',
      purpose: 'carry',
      legs: [{ mode: 'sea', from: 'SE', to: 'DE', carrier: 'TT-Line' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Mom' }],
      loved_ones: [{ name: 'Mom', kind: 'adult', loss_country: 'SE', cremated_in: 'SE' }],
    });
    expect(ruleIdsOn(out)).not.toContain('de-canada-urn-permit');
    expect(out.summary[0]!.text).not.toContain('German consulates in Canada issue');
  });

  it('still said for an urn going from Singapore (a Singapore family flying direct)', () => {
    const out = readTripOn(today, {
      home_country: 'SG',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'SG', to: 'DE', carrier: 'LH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Oma' }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'SG', cremated_in: 'SG' }],
    });
    expect(ruleIdsOn(out)).toContain('de-singapore-urn-permit');
  });
});

describe('review 27, finding 8: India’s missions’ papers by where the ashes set off', () => {
  const ukFamily = (from: string, died: string) =>
    readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [{ mode: 'air', from, to: 'IN', carrier: from === 'DE' ? 'LH' : 'AI', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Papa' }],
      loved_ones: [{ name: 'Papa', kind: 'adult', loss_country: died, cremated_in: died }],
    });

  it('a UK family flying Papa’s ashes from Germany: Berlin’s attestation, never London’s NOC', () => {
    const out = ukFamily('DE', 'DE');
    const ids = ruleIdsOn(out);
    expect(ids).not.toContain('in-london-noc');
    expect(ids).toContain('in-docs-from-germany');
    expect(out.summary[0]!.text).not.toContain('High Commission in London');
    expect(out.summary[0]!.text).toContain("India's embassy in Berlin");
    // Review 33b, M1: the Berlin list for families in Germany (in-docs) now also holds for ashes
    // setting off from Germany after a death there, and is one requirement with this one; said to a
    // family living elsewhere it names the consulate "serving where Papa died": here the same one,
    // as Papa died and was cremated in Germany, where the ashes set off.
    expect(detailOn(out, 'in-docs-from-germany')).toContain('please ask the one serving where Papa died');
  });

  it('ashes from the UK still hear London’s NOC, and not Berlin’s attestation', () => {
    expect(ruleIdsOn(ukFamily('GB', 'GB'))).toContain('in-london-noc');
    expect(ruleIdsOn(ukFamily('GB', 'GB'))).not.toContain('in-docs-from-germany');
  });
});

describe('review 27, finding 9: Belgium’s list is for ashes staying there, and is the directory’s word', () => {
  const usFamily = (legs: unknown[]) =>
    readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs,
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Mom' }],
      loved_ones: [{ name: 'Mom', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });

  it('London, the Eurostar to Brussels and on to Germany: no town hall’s authorisation, and the doubt said', () => {
    const out = usFamily([
      { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' },
      { mode: 'rail', from: 'GB', to: 'BE', carrier: 'Eurostar' },
      { mode: 'rail', from: 'BE', to: 'DE', carrier: 'DB' },
    ]);
    expect(ruleIdsOn(out, 1)).not.toContain('be-docs');
    expect(out.documents.some((d) => d.key === 'permit')).toBe(false);
    expect(out.summary[0]!.text).not.toContain('Belgium suggests');
    expect(out.summary[0]!.text).not.toContain('town hall');
    // Was "if you are only passing through on the way to Germany": a family going on to Germany may
    // stay in Belgium a while first, and that was left unsaid (review 33b, M2).
    expect(gapMessages(out, 1)).toContain(
      "Our sources on taking ashes into Belgium speak of ashes that stay there; they don't say what is needed if the ashes go on with you to Germany, whether you stay there a while first or only pass through. The embassy or consulate of Belgium in the United States can tell you before you set off; take the documents listed below with you.",
    );
  });

  it('flying to Brussels to stay: the list is said as the US directory’s, never "Belgium suggests"', () => {
    const out = usFamily([{ mode: 'air', from: 'US', to: 'BE', carrier: 'UA', bag: 'carry_on' }]);
    expect(ruleIdsOn(out)).toContain('be-docs');
    expect(out.summary[0]!.text).toContain("A US funeral directors' directory (2016) suggests carrying");
    expect(out.summary[0]!.text).not.toContain('Belgium suggests');
  });
});

// Review 27's point stands: asked before setting off, never at the border on arrival. Whom is now
// Germany's border authorities, as for a person's ashes, not its post in Canada (review 35, t).
describe('review 27, finding 6: a pet’s ashes coming home, asked about before setting off', () => {
  it('Bello’s ashes from Canada to the family’s home in Germany: Germany’s border authorities, before setting off', () => {
    const out = readTripOn(today, {
      home_country: 'DE',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Bello' }],
      loved_ones: [{ name: 'Bello', kind: 'pet', loss_country: 'CA' }],
    });
    const gaps = gapMessages(out);
    expect(gaps.join(' ')).not.toContain('Germany in Canada');
    expect(gaps).toContain(
      "Our sources on taking ashes into Germany speak about a person's ashes. For Bello, the border authorities of Germany can tell you, before you set off, what they need for a pet's ashes; take the documents listed below with you.",
    );
  });
});

describe('review 27, finding 13: Germany’s missions in Mexico and South Africa say the same refusal', () => {
  const toGermany = (from: string, home: string) =>
    readTripOn(today, {
      home_country: home,
      purpose: 'carry',
      legs: [{ mode: 'air', from, to: 'DE', carrier: 'LH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Opa' }],
      loved_ones: [{ name: 'Opa', kind: 'adult', loss_country: from, cremated_in: from }],
    });

  it('from Mexico: the refusal first, and the Embassy’s urn certificate as something to ask about', () => {
    for (const home of ['MX', 'DE']) {
      const out = toGermany('MX', home);
      expect(ruleIdsOn(out)).toEqual(
        expect.arrayContaining(['de-no-private-from-mexico', 'de-mexico-urn-cert-from-mexico']),
      );
      const text = out.summary[0]!.text;
      expect(text.startsWith("Before anything else: Germany doesn't allow a family to carry an urn.")).toBe(
        true,
      );
      expect(text).toContain(
        "Germany's embassy in Mexico City and its honorary consuls issue an urn certificate when an urn is to go to Germany; ask them whether you need one.",
      );
      expect(gapMessages(out).join(' ')).not.toContain('speak only for families who live in');
    }
  });

  it('an urn sent from Mexico or South Africa goes to a funeral home or cemetery, never a family member', () => {
    for (const from of ['MX', 'ZA']) {
      const sent = readShipmentOn(today, { from, to: 'DE' });
      const warning = sent.requirements.find(
        (r) => r.title === 'Germany does not let a private person have an urn',
      );
      expect(warning?.severity).toBe('warning');
    }
  });

  it('from South Africa: the refusal first, and the mission’s certificate to have ready for sending', () => {
    const out = toGermany('ZA', 'ZA');
    expect(ruleIdsOn(out)).toEqual(
      expect.arrayContaining([
        'de-no-private-from-south-africa',
        'de-south-africa-urn-cert-from-south-africa',
      ]),
    );
    const text = out.summary[0]!.text;
    expect(text.startsWith("Before anything else: Germany doesn't allow a family to carry an urn.")).toBe(
      true,
    );
    expect(text).toContain('have ready');
    expect(text).toContain(
      'a certificate for the import of ashes (Urnenbescheinigung) from the German mission in South Africa',
    );
  });
});

describe('review 27, finding 11: Austria’s lay-carriage note is for crossing its border, and names the mission', () => {
  it('a train within Austria is not told to ask "the Austrian consulate"', () => {
    const out = readTripOn(today, {
      home_country: 'AT',
      purpose: 'carry',
      legs: [{ mode: 'rail', from: 'AT', to: 'AT', carrier: 'OBB' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Opa' }],
      loved_ones: [{ name: 'Opa', kind: 'adult', loss_country: 'AT', cremated_in: 'AT' }],
    });
    expect(ruleIdsOn(out)).not.toContain('at-lay-carriage');
  });

  // Review 35, aa: coming home, Austria's own border authorities before setting off, as for any
  // family coming home (coming-home.ts); this named "the embassy or consulate of Austria in Italy".
  it('driving home from Italy: Austria’s border authorities, before setting off', () => {
    const out = readTripOn(today, {
      home_country: 'AT',
      purpose: 'carry',
      legs: [{ mode: 'road', from: 'IT', to: 'AT', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Mutti' }],
      loved_ones: [{ name: 'Mutti', kind: 'adult', loss_country: 'IT', cremated_in: 'IT' }],
    });
    const detail = detailOn(out, 'at-lay-carriage')!;
    expect(detail).toContain('so please ask the border authorities of Austria before you set off.');
    expect(detail).not.toContain('{mission}');
  });

  it('home not said: "where you live"', () => {
    const out = readTripOn(today, {
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'AT', carrier: 'OS', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Opa' }],
      loved_ones: [{ name: 'Opa', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(detailOn(out, 'at-lay-carriage')).toContain('the embassy or consulate of Austria where you live');
  });
});

describe('review 27, finding 12: the US missions’ certificate is said as their page says it, as Canada’s is', () => {
  it('a direct US flight to Germany: issued, "ask them whether you need one", never "asked for"', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'US', to: 'DE', carrier: 'UA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Mom' }],
      loved_ones: [{ name: 'Mom', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    const cert = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('de-cremains-cert'))!;
    expect(cert.severity).toBe('recommended');
    const paper = out.documents.find((d) => d.key === 'consular_certificate')!;
    expect(paper.detail).toContain(
      "Germany's missions in the United States issue a certificate for shipping cremains; ask them whether you need one.",
    );
    expect(paper.detail).not.toContain('Asked for by');
    expect(out.summary[0]!.text).toContain(
      "Germany's missions in the United States issue a certificate for shipping cremains; ask them whether you need one.",
    );
  });

  it('passing through Germany, a permit said as issued is still asked about first on the papers list', () => {
    const out = readTripOn(today, {
      home_country: 'CA',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'PL', carrier: 'DB', way_home: false },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Babcia' }],
      loved_ones: [{ name: 'Babcia', kind: 'adult', loss_country: 'CA', cremated_in: 'CA' }],
    });
    expect(out.documents.find((d) => d.key === 'consular_certificate')!.status).toBe('ask_first');
  });
});

describe('review 27, finding 14: wording', () => {
  it('a Brazilian national’s family hears whom Portugal’s Rio list speaks for, never "no rule"', () => {
    const out = readTripOn(today, {
      home_country: 'BR',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'BR', to: 'PT', carrier: 'TP', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Avó' }],
      loved_ones: [{ name: 'Avó', kind: 'adult', loss_country: 'BR', cremated_in: 'BR', nationality: 'BR' }],
    });
    const gaps = gapMessages(out);
    expect(gaps).toContain(
      'Our sources on taking ashes into Portugal speak only for families who live in Brazil whose loved one was a national of Portugal and died there. The embassy or consulate of Portugal in Brazil can tell you what they need; take the documents listed below with you.',
    );
    expect(gaps.join(' ')).not.toContain('We have no rule from our research for taking ashes into Portugal');
  });

  it('one cruise line is spoken of the same way on each of its sailings', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'scatter',
      legs: [
        { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' },
        { mode: 'sea', from: 'GB', to: 'NO', carrier: 'NCL', connection: true },
        { mode: 'sea', from: 'NO', to: 'DE', carrier: 'NCL' },
        { mode: 'air', from: 'DE', to: 'US', carrier: 'UA', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Grandpa' }],
      loved_ones: [{ name: 'Grandpa', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
      scatter: { country: 'NO', place: 'sea', ashes_come_home: true },
    });
    const said = [1, 2].map((leg) => gapMessages(out, leg).find((g) => g.includes('Norwegian')));
    expect(said[0]).toContain('The only rule we have for Norwegian is about the scattering itself.');
    // Said in full once, naming the other sailing; that sailing points back to it, never a
    // different word on it (review 35b, fixAE finding 3).
    expect(said[0]).toContain('This goes for the sailing from Norway to Germany too.');
    expect(said[1]).toBe(
      'As said for the sailing from the United Kingdom to Norway, the only rule we have for Norwegian is about the scattering itself; whom to ask is said there.',
    );
  });

  it('passing through Germany and Austria on the way home to Italy names Italy', () => {
    const out = readTripOn(today, {
      home_country: 'IT',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'AT', carrier: 'DB' },
        { mode: 'rail', from: 'AT', to: 'IT', carrier: 'OBB', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Nonno' }],
      loved_ones: [{ name: 'Nonno', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    expect(out.summary[0]!.text).toContain('only pass through on the way to Italy');
    expect(out.summary[0]!.text).not.toContain('on the way to Austria');
    expect(gapMessages(out, 0).join(' ')).toContain('passing through Germany on the way to Italy');
  });
});
