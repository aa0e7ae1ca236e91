import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { isMissionPage, lintRules } from './lint.js';
import { readTripOn } from './scenario-reading.js';

// Review 21, findings 1–3 (brief fix21a): a mission's page speaks for the families it serves, and
// for a death in its district, never for every family going to its country.

const today = '2026-12-06';
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const requirementIds = (out: ReturnType<typeof readTripOn>) =>
  out.legs.flatMap((leg) => leg.requirements.map((r) => r.id));
const gapsOf = (out: ReturnType<typeof readTripOn>) =>
  out.legs.flatMap((leg) => leg.gaps.map((g) => g.message)).join(' ');
const requirement = (out: ReturnType<typeof readTripOn>, id: string) =>
  out.legs.flatMap((leg) => leg.requirements).find((r) => r.id === id);

describe('finding 1: Argentina’s consulate in Tenerife speaks for its own district', () => {
  it('a Canadian family taking Abuela to Argentina is not given Tenerife’s list as Argentina’s', () => {
    const out = readTripOn(today, {
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'CA', to: 'AR', carrier: 'AC', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Abuela', kind: 'adult', loss_country: 'CA', loss_region: 'CA-ON' },
    });
    expect(requirementIds(out)).not.toContain('ar-apostille');
    const notes = out.documents.map((d) => d.detail).join(' ');
    expect(notes).not.toMatch(/Asked for by Argentina/);
    expect(notes).not.toMatch(/No consular step/);
    // Atlanta's list is for an Argentine citizen's death (review 25, finding 4).
    expect(gapsOf(out)).toContain(
      'Our sources on taking ashes into Argentina speak only for families who live in Spain, or in the United States whose loved one was a national of Argentina.',
    );
    expect(gapsOf(out)).toContain('the embassy or consulate of Argentina in Canada can tell you');
  });

  it('a family in Spain hears it as the Tenerife consulate’s own list, which may ask for its papers', () => {
    const out = readTripOn(today, {
      home_country: 'ES',
      legs: [{ mode: 'air', from: 'ES', to: 'AR', carrier: 'IB', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Abuela', kind: 'adult', loss_country: 'ES' },
    });
    const rule = requirement(out, 'ar-apostille')!;
    expect(rule.detail).toContain("Argentina's consulate in Tenerife");
    expect(rule.detail).toContain('please ask the one serving where you live');
    expect(rule.detail).not.toMatch(/No consular step/);
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(death.detail).toContain("Argentina's consulate in Tenerife may ask for it");
  });

  it('an Argentine family bringing Abuelo home after a death in Spain is told to ask where he died', () => {
    const out = readTripOn(today, {
      home_country: 'AR',
      legs: [{ mode: 'air', from: 'ES', to: 'AR', carrier: 'IB', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Abuelo', kind: 'adult', loss_country: 'ES' },
    });
    expect(requirement(out, 'ar-apostille')!.detail).toContain('the one serving where Abuelo died');
  });

  it('a US family hears Atlanta’s list, with its boarding certificate, as that consulate’s own', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'AR', carrier: 'AA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Abuela', kind: 'adult', loss_country: 'US', loss_region: 'US-GA' },
    });
    expect(requirementIds(out)).toContain('ar-atlanta');
    expect(requirementIds(out)).not.toContain('ar-apostille');
    expect(requirement(out, 'ar-atlanta')!.detail).toContain('please ask the one serving where you live');
    expect(out.summary[0]!.text).toContain(
      "Ask before you travel whether you also need a boarding certificate from the border health office at the airport you leave from: our sources say only that Argentina's consulate general in Atlanta may ask for it.",
    );
    expect(out.documents.map((d) => d.detail).join(' ')).not.toMatch(/Apostille|No consular step/i);
  });

  it('the rule names its speaker and the home it speaks for', () => {
    expect(byId.get('ar-apostille')).toMatchObject({
      speaker: "Argentina's consulate in Tenerife",
      serves_part_of_home: true,
      source_kind: 'consulate',
      conditions: { to: ['AR'], home: ['ES'], home_or_death_there: true },
    });
  });
});

describe('finding 1: lint knows Argentina’s missions by their address', () => {
  const official = (url: string, over: Record<string, unknown> = {}) => ({
    id: 'ar-sample',
    scope: 'country:AR',
    conditions: { to: ['AR'] },
    title: 'A sample rule',
    detail: 'Used only by these tests.',
    severity: 'info',
    confidence: 'high',
    source_url: url,
    source_kind: 'official',
    source_date: null,
    read_on: today,
    ...over,
  });
  const missionFault =
    /rests on an embassy's or consulate's own site, whatever its source_kind: set "speaker"/;
  const faultsOf = (rule: unknown) =>
    lintRules([rule], { today })
      .faults.map((f) => f.message)
      .join(' ');

  it.each([
    'https://ctene.cancilleria.gob.ar/es/node/67512',
    'https://catla.cancilleria.gob.ar/es/fallecimientos',
    'http://ctoro.mrecic.gob.ar/node/1019',
    'https://ctoro.cancilleria.gob.ar/es/node/1019',
  ])('lint fails an official rule from %s with no speaker (fixture)', (url) => {
    expect(isMissionPage(url)).toBe(true);
    expect(faultsOf(official(url))).toMatch(missionFault);
    expect(faultsOf(official(url, { speaker: "Argentina's consulate in Tenerife" }))).not.toMatch(
      missionFault,
    );
  });

  it('the opposite: the ministry’s own site is not a mission', () => {
    expect(isMissionPage('https://www.cancilleria.gob.ar/es/servicios')).toBe(false);
    expect(faultsOf(official('https://www.cancilleria.gob.ar/es/servicios'))).not.toMatch(missionFault);
  });
});

describe('finding 2: India’s High Commission in Ottawa speaks for the part of Canada it serves', () => {
  const out = readTripOn(today, {
    home_country: 'CA',
    legs: [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AC', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    loved_one: { name: 'Dadi', kind: 'adult', loss_country: 'CA', loss_region: 'CA-BC' },
    purpose: 'scatter',
    scatter: { country: 'IN', place: 'river_or_lake', ashes_come_home: false },
  });

  it('a BC family is not told Ottawa firmly asks for its certificate', () => {
    const certificate = out.documents.find((d) => d.key === 'consular_certificate')!;
    expect(certificate.detail).not.toContain("Asked for by India's High Commission in Ottawa");
    // Review 35, finding 3: India's missions in Canada each issue it, for their part of Canada.
    expect(certificate.detail).toContain("Asked for by India's missions in Canada");
    expect(out.documents.map((d) => d.detail).join(' ')).not.toContain(
      "Asked for by India's High Commission in Ottawa",
    );
  });

  it('Ottawa’s rule points to the consulates serving the rest of Canada, Vancouver among them', () => {
    const rule = requirement(out, 'in-ottawa-certificate')!;
    expect(rule.detail).toContain("India's consulates in Toronto and Vancouver serve other parts of Canada");
    expect(rule.detail).toContain('please ask the one serving where you live');
    expect(byId.get('in-ottawa-certificate')).toMatchObject({
      speaker: "India's High Commission in Ottawa",
      serves_part_of_home: true,
    });
  });
});

describe('finding 3: Poland’s mission in Ireland speaks for a death in Ireland', () => {
  it('a Polish family bringing Dziadek home from Ireland gets the Dublin mission’s papers', () => {
    const out = readTripOn(today, {
      home_country: 'PL',
      legs: [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Dziadek', kind: 'adult', loss_country: 'IE' },
    });
    expect(requirementIds(out)).toEqual(
      expect.arrayContaining(['ie-export-coroner', 'pl-permits', 'pl-carry-ok']),
    );
    expect(gapsOf(out)).not.toMatch(/speak only for families who live in Ireland/);
    const titles = out.documents.map((d) => d.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "The coroner's certificate allowing the ashes to leave Ireland",
        "A Polish consul's certificate for the ashes",
      ]),
    );
    expect(out.summary[0]!.text).toContain("a Polish consul's certificate for the ashes");
  });

  it('the opposite: a Polish family bringing Babcia home from Germany is not given the Dublin list', () => {
    const out = readTripOn(today, {
      home_country: 'PL',
      legs: [{ mode: 'air', from: 'DE', to: 'PL', carrier: 'LO', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Babcia', kind: 'adult', loss_country: 'DE' },
    });
    for (const id of ['ie-export-coroner', 'pl-permits', 'pl-carry-ok'])
      expect(requirementIds(out)).not.toContain(id);
  });

  it('each of the three rules says home_or_death_there, as other consulates’ rules do', () => {
    for (const id of ['ie-export-coroner', 'pl-permits', 'pl-carry-ok'])
      expect(byId.get(id)!.conditions).toMatchObject({ home: ['IE'], home_or_death_there: true });
  });
});
