import { describe, expect, it } from 'vitest';
import { lintRules } from './lint.js';
import { RULES_BY_ID } from './load-rules.js';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 27, reviewer b's findings, fixed by fix27c.

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const doc = (out: Out, key: string) => out.documents.find((d) => d.key === key);

const withinVietnam = (carrier: string, lovedOne: Record<string, unknown>) =>
  readTripOn(today, {
    home_country: 'VN',
    purpose: 'carry',
    legs: [{ mode: 'air', from: 'VN', to: 'VN', carrier, bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'ceramic', loved_one: lovedOne.name }],
    loved_ones: [lovedOne],
  });

describe('review 27, finding 1: flights within Vietnam still need the death and cremation papers', () => {
  const ong = withinVietnam('VN', { name: 'Ông', kind: 'adult', loss_country: 'VN' });
  const beNa = withinVietnam('QH', {
    name: 'Bé Na',
    kind: 'infant',
    born_alive: true,
    gestation_weeks: 30,
    loss_country: 'VN',
  });

  it('t31 and t36: the summary names the death and cremation certificates, never "no papers"', () => {
    for (const out of [ong, beNa]) {
      const text = out.summary[0]!.text;
      expect(text).not.toContain('no papers');
      // Review 28, finding 8: the papers are said in the airlines' own words, so they are named once.
      expect(text).toContain('the death certificate, or the extract of the death registration');
      expect(text).toContain('and the cremation certificate');
      expect(text).toContain('Tiền Phong');
      expect(doc(out, 'death_certificate')?.status).toBe('carry');
      expect(doc(out, 'cremation_certificate')?.status).toBe('carry');
      expect(ruleIdsOn(out)).toContain('vn-domestic-papers-still-needed');
    }
  });

  it('the rule rests on Tiền Phong, with the extract of the death registration and the handover record', () => {
    const rule = RULES_BY_ID.get('vn-domestic-papers-still-needed')!;
    expect(rule.source_url).toBe(
      'https://tienphong.vn/bo-giay-kiem-dinh-y-te-khi-mang-tro-cot-di-may-bay-post1783005.tpo',
    );
    expect(rule.source_kind).toBe('news');
    expect(rule.confidence).toBe('medium');
    expect(rule.source_date).toBeNull();
    expect(rule.read_on).toBe(today);
    expect(rule.rechecked_on).toBeUndefined();
    expect(rule.conditions.international).toBe(false);
    expect(rule.detail).toContain('trích lục khai tử');
    expect(rule.detail).toContain('biên bản bàn giao');
  });

  it('Vietnam Airlines: the leg says why the quarantine permit is not on the papers list', () => {
    const caav = RULES_BY_ID.get('vn-caav-domestic-no-certificate')!;
    expect(caav.detail).toContain('Only that certificate was dropped');
    expect(caav.detail).toContain('we leave it off the papers list for flights within Vietnam');
    expect(JSON.stringify(ong.documents)).not.toContain('quarantine permit');
  });

  it('t30: VietJet within Vietnam is not "no rule for VietJet" beside a rule naming its flights', () => {
    const out = readTripOn(today, {
      home_country: 'VN',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'VN', to: 'VN', carrier: 'VJ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Mẹ' }],
      loved_ones: [{ name: 'Mẹ', kind: 'adult', loss_country: 'VN' }],
    });
    const gaps = gapMessages(out).join(' ');
    expect(gaps).not.toContain('We have no rule from our research for VietJet');
    expect(gaps).toContain(
      'We have nothing from VietJet itself yet; what is said above about flights within Vietnam speaks for its flights too. Please ask them before you fly, and take the documents listed below.',
    );
  });
});

describe('review 27, finding 2: New Zealand before 20 weeks and under 400 g, the crematorium’s certificate may exist', () => {
  const manaia = readTripOn(today, {
    home_country: 'NZ',
    purpose: 'carry',
    legs: [{ mode: 'air', from: 'NZ', to: 'AU', carrier: 'QF', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Manaia' }],
    loved_ones: [
      {
        name: 'Manaia',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 18,
        birth_weight_g: 300,
        loss_country: 'NZ',
      },
    ],
  });

  it('t74: never "there is no cremation certificate"; the crematorium is the one to ask', () => {
    const text = manaia.summary[0]!.text;
    expect(text).not.toContain('There is no cremation certificate');
    expect(text).toContain('There may be no cremation certificate for Manaia');
    const cremation = doc(manaia, 'cremation_certificate')!;
    expect(cremation.status).toBe('may_not_exist');
    expect(cremation.instead).toBe(
      'Ask the crematorium for its certificate, or a letter confirming the cremation.',
    );
  });

  it('t74: the death certificate is still not issued', () => {
    expect(doc(manaia, 'death_certificate')!.status).toBe('not_issued');
  });
});

describe('review 27, finding 3: Singapore’s page on bringing ashes back speaks for families coming home', () => {
  const ahMa = (home: string) =>
    readTripOn(today, {
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'SG', carrier: 'SQ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Ah Ma' }],
      loved_ones: [
        {
          name: 'Ah Ma',
          kind: 'pregnancy_loss',
          gestation_weeks: 15,
          born_alive: false,
          loss_country: 'GB',
          loss_region: 'GB-ENG',
        },
      ],
      home_country: home,
    });

  it('t60: a UK family visiting is not told Singapore asks for a death certificate, and hears whom to ask', () => {
    const out = ahMa('GB');
    expect(ruleIdsOn(out)).not.toContain('sg-docs');
    expect(out.summary[0]!.text).not.toContain('Singapore asks for one');
    expect(doc(out, 'death_certificate')!.asked_by).not.toContain('Singapore');
    expect(gapMessages(out)).toContain(
      'Our sources on taking ashes into Singapore speak only for families who live in Singapore. For a family from the United Kingdom, the embassy or consulate of Singapore in the United Kingdom can tell you what they need; take the documents listed below with you.',
    );
  });

  it('a family living in Singapore, bringing the ashes back, still hears it', () => {
    const out = ahMa('SG');
    expect(ruleIdsOn(out)).toContain('sg-docs');
    expect(RULES_BY_ID.get('sg-docs')!.conditions.home).toEqual(['SG']);
  });
});

describe('review 27, finding 4: Rhineland-Palatinate’s rules speak of its rivers and land, not of the sea', () => {
  const scatterInGermany = (place: string, region?: string) =>
    readTripOn(today, {
      purpose: 'scatter',
      legs: [
        { mode: 'road', from: 'NL', to: 'DE' },
        { mode: 'road', from: 'DE', to: 'NL', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Oma' }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'NL' }],
      scatter: { country: 'DE', place, ashes_come_home: false, ...(region && { region }) },
      home_country: 'NL',
    });

  it.each(['sea', 'garden_of_remembrance'])(
    'c12, c12c (%s): no "Rhineland-Palatinate’s own rules", and no question about the state at sea',
    (place) => {
      const out = scatterInGermany(place);
      // Since review 36 (L9), Bremen's own page names its cemeteries' meadows for scattering ashes,
      // so for a garden of remembrance the state is asked, naming Bremen only.
      const asked = out.questions.find((q) => q.field === 'scatter_region');
      if (place === 'sea') expect(asked).toBeUndefined();
      else
        expect(asked?.message).toContain(
          "We have Bremen's own rules for scattering ashes in a garden of remembrance",
        );
      const said = [
        ...out.questions.map((q) => q.message),
        ...out.legs.flatMap((leg) => leg.gaps.map((g) => g.message)),
      ];
      expect(said.join(' ')).not.toContain('Rhineland-Palatinate');
    },
  );

  it('c12b: at sea "in Rhineland-Palatinate", its river and land rules are not said', () => {
    const out = scatterInGermany('sea', 'DE-RP');
    expect(ruleIdsOn(out)).not.toContain('de-rp-2025-law');
    expect(ruleIdsOn(out)).not.toContain('de-rp-2025-conditions');
  });

  it('in a river, the state is still asked, and in Rhineland-Palatinate both rules are said', () => {
    const asked = scatterInGermany('river_or_lake');
    expect(asked.questions.find((q) => q.field === 'scatter_region')?.message).toContain(
      "We have Rhineland-Palatinate's own rules for scattering ashes",
    );
    const out = scatterInGermany('river_or_lake', 'DE-RP');
    expect(ruleIdsOn(out)).toEqual(expect.arrayContaining(['de-rp-2025-law', 'de-rp-2025-conditions']));
    expect(RULES_BY_ID.get('de-rp-2025-law')!.conditions.scatter_place).toEqual(['river_or_lake', 'land']);
  });
});

describe('review 27, finding 5: advice for a drive is nobody to tell', () => {
  it('c16: a stillborn baby’s family driving within Florida is not told to let the authorities know', () => {
    const out = readTripOn(today, {
      purpose: 'scatter',
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Hope' }],
      loved_ones: [
        {
          name: 'Hope',
          kind: 'pregnancy_loss',
          gestation_weeks: 22,
          born_alive: false,
          loss_country: 'US',
          loss_region: 'US-FL',
        },
      ],
      scatter: { country: 'US', region: 'US-FL', place: 'sea', ashes_come_home: false },
      home_country: 'US',
    });
    const note = out.legs[0]!.exceptions.find((e) => e.rule_ids.includes('road-us-no-permit'))!;
    expect(note.message).toContain('Advice for driving in the United States suggests a death certificate.');
    expect(note.message).not.toContain('let the authorities');
    expect(note.message).toMatch(/The papers list says what to carry instead\.$/);
    expect(JSON.stringify(out)).not.toContain('let the authorities in the United States know');
  });
});

describe('review 27, finding 10: au-stillbirth-def carries its page’s own date', () => {
  it('19 June 2019, as the Stillbirth CRE’s page shows it', () => {
    const rule = RULES_BY_ID.get('au-stillbirth-def')!;
    expect(rule.source_date).toBe('2019-06-19');
    expect(rule.source_date_note).not.toMatch(/^An undated/);
  });
});

describe('review 27, finding 8: Air New Zealand’s domestic line speaks of a person’s ashes', () => {
  it('p09: a pet on a domestic flight hears only "ask them", never "no papers needed"', () => {
    const out = readTripOn(today, {
      home_country: 'NZ',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'NZ', to: 'NZ', carrier: 'NZ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Kiwi' }],
      loved_ones: [{ name: 'Kiwi', kind: 'pet', loss_country: 'NZ' }],
    });
    expect(ruleIdsOn(out)).not.toContain('nz-domestic-none');
    expect(gapMessages(out)).toContain(
      "Our sources on Air New Zealand speak about a person's ashes here, not a pet's. For Kiwi, please ask them before you fly.",
    );
  });

  it('a person’s ashes on the same flight still hear it', () => {
    const out = readTripOn(today, {
      home_country: 'NZ',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'NZ', to: 'NZ', carrier: 'NZ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Koro' }],
      loved_ones: [{ name: 'Koro', kind: 'adult', loss_country: 'NZ' }],
    });
    expect(ruleIdsOn(out)).toContain('nz-domestic-none');
  });
});

describe('review 27, finding 11: California at sea, the statement and the 10-day permit are two filings', () => {
  it('c01: "a verified statement" and "the first copy of the endorsed permit … within 10 days"', () => {
    const out = readTripOn(today, {
      purpose: 'scatter',
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dad' }],
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'US', loss_region: 'US-CA' }],
      scatter: { country: 'US', region: 'US-CA', place: 'sea', ashes_come_home: false },
      home_country: 'US',
    });
    const detail = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('ca-sea-500-yards'))!.detail;
    expect(detail).toContain(
      'whoever scatters files a verified statement with the local registrar of births and deaths in the nearest county, and the first copy of the endorsed permit is filed within 10 days of the scattering.',
    );
    expect(detail).not.toContain('in the nearest county within 10 days');
  });
});

describe('review 27, finding 12: Vietnam’s embassy in Tokyo has its own list for the permit', () => {
  const fromJapan = (lovedOne: Record<string, unknown>) =>
    readTripOn(today, {
      home_country: 'VN',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'JP', to: 'VN', carrier: 'VJ', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', loved_one: lovedOne.name }],
      loved_ones: [lovedOne],
    });

  it('t35: ashes from Japan hear Tokyo’s list beside the general permit', () => {
    const out = fromJapan({
      name: 'Anh Minh',
      kind: 'adult',
      loss_country: 'JP',
      cremated_in: 'JP',
      nationality: 'VN',
    });
    expect(ruleIdsOn(out)).toEqual(expect.arrayContaining(['vn-entry-permit', 'vn-tokyo-permit']));
    const detail = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('vn-tokyo-permit'))!.detail;
    expect(detail).toContain('the cremation permit, with a notarised translation into Vietnamese');
    expect(detail).toContain('the consent of the local authority in Vietnam to the burial');
    expect(detail).toContain('the passport of the person who died, or a copy');
    expect(doc(out, 'consular_certificate')!.asked_by).toContain("Vietnam's embassy in Tokyo");
    const rule = RULES_BY_ID.get('vn-tokyo-permit')!;
    expect(rule.source_kind).toBe('consulate');
    expect(rule.source_date).toBeNull();
    expect(rule.read_on).toBe(today);
    expect(rule.conditions.ashes_from).toEqual(['JP']);
    expect(rule.conditions.home).toBeUndefined();
  });

  it('ashes from elsewhere do not hear it', () => {
    const out = readTripOn(today, {
      home_country: 'VN',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'AU', to: 'VN', carrier: 'VN', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', loved_one: 'Bà' }],
      loved_ones: [{ name: 'Bà', kind: 'adult', loss_country: 'AU', cremated_in: 'AU' }],
    });
    expect(ruleIdsOn(out)).not.toContain('vn-tokyo-permit');
  });
});

describe('review 27, finding 7: in England and Wales, a baby who died before 24 weeks and was born later', () => {
  const hope = (region: string) =>
    readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'IB', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Hope' }],
      loved_ones: [
        {
          name: 'Hope',
          kind: 'pregnancy_loss',
          born_alive: false,
          gestation_weeks: 34,
          loss_country: 'GB',
          loss_region: region,
        },
      ],
    });
  const twins =
    'In England and Wales, if your baby died before 24 weeks and was born later (as can happen with twins), the birth may not have been registered as a stillbirth: the hospital or the register office can tell you which papers there are.';

  it('t78: England, 34 weeks: the stillbirth certificate, and what to ask if the baby died before 24 weeks', () => {
    const out = hope('GB-ENG');
    expect(out.summary[0]!.text).toContain(
      `For Hope, carry your baby's stillbirth certificate, with the crematorium's certificate. ${twins}`,
    );
    expect(doc(out, 'death_certificate')!.rule_ids).toContain('gb-ew-died-before-24');
    const rule = RULES_BY_ID.get('gb-ew-died-before-24')!;
    expect(rule.source_url).toBe(
      'https://www.trafford.gov.uk/residents/births-deaths-and-marriages/Deaths/registering-a-stillbirth.aspx',
    );
    expect(rule.read_on).toBe(today);
  });

  it('Scotland: the register office’s page speaks for England and Wales only', () => {
    expect(hope('GB-SCT').summary[0]!.text).not.toContain('as can happen with twins');
  });
});

describe('review 27, finding 9: at sea in Scotland, the British Legion’s UK-wide line is said', () => {
  it('c03: the UK-wide rule, no landowner advice, and Scotland’s own named as unknown', () => {
    const out = readTripOn(today, {
      purpose: 'scatter',
      legs: [{ mode: 'road', from: 'GB', to: 'GB' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Morag' }],
      loved_ones: [{ name: 'Morag', kind: 'adult', loss_country: 'GB' }],
      scatter: { country: 'GB', region: 'GB-SCT', place: 'sea' },
      home_country: 'GB',
    });
    expect(ruleIdsOn(out)).toContain('gb-sea-no-law');
    expect(ruleIdsOn(out)).not.toContain('gb-landowner');
    const gaps = gapMessages(out).join(' ');
    expect(gaps).not.toContain('We have no rule from our research for scattering ashes at sea in Scotland');
    expect(gaps).toContain(
      "We have no source for Scotland's own rules on scattering ashes at sea (we have a nation's own only for England); please ask Scotland's own authorities, or a funeral director there, before you scatter.",
    );
    const rule = RULES_BY_ID.get('gb-sea-no-law')!;
    expect(rule.source_url).toBe(RULES_BY_ID.get('gb-landowner')!.source_url);
    expect(rule.conditions.loved_one_not).toEqual(['pet']);
  });
});

describe('review 27, finding 6: New York names who gives the Fetal Death Certificate', () => {
  it('t09: 12 weeks in New York: the State or the City Department of Health', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'US', to: 'IE', carrier: 'EI', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Aoife' }],
      loved_ones: [
        {
          name: 'Aoife',
          kind: 'pregnancy_loss',
          gestation_weeks: 12,
          born_alive: false,
          loss_country: 'US',
          loss_region: 'US-NY',
        },
      ],
    });
    expect(doc(out, 'death_certificate')!.instead).toBe(
      "A copy of the certificate of fetal death (the mother, or someone acting for her, can ask for it), with the crematorium's certificate. In New York, the mother can get it from the New York State Department of Health for a loss outside New York City, or from the New York City Department of Health for a loss in the city.",
    );
    const rule = RULES_BY_ID.get('us-ny-fetal-death-office')!;
    expect(rule.source_kind).toBe('official');
    expect(rule.read_on).toBe(today);
    expect(rule.rechecked_on).toBeUndefined();
  });
});

describe('review 27, finding 4 (lint): a regional scattering rule names its places', () => {
  it('de-rp-2025-law without scatter_place is a fault; as it stands, none', () => {
    const rule = RULES_BY_ID.get('de-rp-2025-law')!;
    const faults = (r: unknown) => lintRules([r], { today }).faults.map((f) => f.message);
    expect(faults(rule)).toEqual([]);
    const { scatter_place: _dropped, ...conditions } = rule.conditions;
    expect(faults({ ...rule, conditions })).toContain(
      'says scatter_region but no scatter_place; name the places its source speaks of, or it is asked about for every place.',
    );
  });
});
