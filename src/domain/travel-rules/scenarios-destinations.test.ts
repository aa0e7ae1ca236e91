import { describe, expect, it } from 'vitest';
import type { TravelMode, TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip as evaluate } from './index.js';

const evaluateTrip = (input: Parameters<typeof evaluate>[0]) => evaluate(input, { today: '2026-11-28' });

// Entering and leaving countries: what families assume is fine and is not, and the papers asked for.

const arrive = (from: string, to: string, extra: Partial<TravelRulesInput> = {}, mode: TravelMode = 'air') =>
  evaluateTrip({
    // The family lives where it sets off, unless the test says otherwise: home is never guessed.
    home_country: from,
    legs: [{ mode, from, to, ...(mode === 'air' ? { carrier: 'BA' } : {}) }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    ...extra,
  });

describe('destinations that forbid what families assume is fine', () => {
  it('Germany: a private person may not carry an urn (warning; for a US family both sources merged)', () => {
    // Review 20, finding 4: the German Missions in the United States speak for the families they
    // serve; a family from the UK is told whom to ask instead (scenarios-review-twenty.test.ts).
    expect(
      arrive('GB', 'DE').legs[0]!.requirements.find((r) => r.id === 'de-no-private-carriage'),
    ).toBeUndefined();
    const leg = arrive('US', 'DE').legs[0]!;
    const warning = leg.requirements.find((r) => r.id === 'de-no-private-carriage');
    expect(warning).toMatchObject({
      severity: 'warning',
      title: "Germany doesn't allow a family to carry an urn",
      confidence: 'high',
      source_date: '2022-05-20',
      // The same page speaks for the journey from the US too (review 23, finding 1).
      rule_ids: ['de-nfda-family-cannot-carry', 'de-no-private', 'de-no-private-from-us'],
    });
    expect(warning?.source_url).toMatch(/^https:\/\/www\.germany\.info\//);
  });

  it('Germany by car is the same warning: it is about who carries the urn, not how', () => {
    const leg = arrive('NL', 'DE', { home_country: 'US' }, 'road').legs[0]!;
    expect(leg.requirements[0]?.id).toBe('de-no-private-carriage');
  });

  it('Germany: scattering yourself is not allowed either', () => {
    const leg = arrive('GB', 'DE', { purpose: 'scatter' }).legs[0]!;
    expect(leg.requirements.find((r) => r.id === 'de-no-scattering')).toMatchObject({
      severity: 'warning',
      rule_ids: ['de-friedhofszwang', 'de-scatter-undertaker-only'],
    });
  });

  it("Italy: the urn needs a consulate's seal (warning), with lead time and the papers", () => {
    const out = arrive('US', 'IT');
    const leg = out.legs[0]!;
    const seal = leg.requirements.find((r) => r.id === 'it-consular-seal');
    expect(seal?.severity).toBe('warning');
    // The Edinburgh consulate speaks for trips from the UK; from the US it is the embassy's rule.
    expect(seal?.rule_ids).toEqual(['it-consular-auth']);
    expect(
      arrive('GB', 'IT').legs[0]!.requirements.find((r) => r.id === 'it-consular-seal')?.rule_ids,
    ).toEqual(['it-seal-edinburgh']);
    expect(seal?.title).toContain("Italian consulate's seal");
    expect(leg.requirements.map((r) => r.id)).toEqual(
      expect.arrayContaining(['it-lead-time', 'it-overland']),
    );
    expect(out.documents.map((d) => d.title)).toContain(
      "Italian consular authorisation and seal on the urn's box",
    );
  });

  it("Italy's steel-lined box and airport X-ray pull in different directions: shown as a conflict", () => {
    const leg = evaluateTrip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'IT', carrier: 'DL', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    }).legs[0]!;
    const conflict = leg.conflicts.find((c) => c.rule_ids.includes('it-real-urn'));
    expect(conflict?.rule_ids).toEqual(['it-real-urn', 'tsa-xray-required']);
    expect(conflict?.message).toContain('the embassy or consulate of Italy');
  });

  it.each([['PL', 'pl-permits', 'A Polish consul']])(
    '%s needs permits families would not expect (warning)',
    (country, id, document) => {
      const out = arrive('IE', country);
      expect(out.legs[0]!.requirements.find((r) => r.id === id)?.severity).toBe('warning');
      expect(out.documents.some((d) => d.title.startsWith(document))).toBe(true);
    },
  );

  it("Belgium's permits come from NFDA's directory for ashes leaving the US: recommended, for a US family", () => {
    const out = arrive('US', 'BE');
    expect(out.legs[0]!.requirements.find((r) => r.id === 'be-docs')?.severity).toBe('recommended');
    expect(out.documents.some((d) => d.title.startsWith('A Belgian consular letter'))).toBe(true);
    expect(arrive('IE', 'BE').legs[0]!.requirements.map((r) => r.id)).not.toContain('be-docs');
  });

  it('leaving France with an urn needs the prefect (warning, low confidence)', () => {
    const leg = arrive('FR', 'GB').legs[0]!;
    expect(leg.requirements.find((r) => r.id === 'fr-prefect-exit')).toMatchObject({
      severity: 'warning',
      confidence: 'low',
    });
  });
});

describe.each([
  ['IE', 'US', ['us-import-none']],
  ['IE', 'CA', ['ca-import-declare', 'ca-import-no-death-cert']],
  [
    'IE',
    'AU',
    ['au-import-no-permit', 'au-import-wood-declare', 'cont-biosecurity-vs-xray', 'au-export-check-source'],
  ],
  ['US', 'HU', ['hu-simple']],
  ['US', 'BG', ['bg-docs']],
  ['US', 'ES', ['es-docs']],
  // Japan's embassy in Canada speaks for families in Canada (review 35, finding 6).
  ['CA', 'JP', ['jp-declare']],
  ['IE', 'CN', ['cn-rules-revised-2018']],
  // Review 27, finding 3: Singapore's page is for bringing ashes back to Singapore, so sg-docs says
  // home: ['SG'] and an Irish family hears whom it speaks for (scenarios-review-twenty-seven-c).
  ['IE', 'NZ', ['nz-import']],
  ['IE', 'AT', ['at-lay-carriage']],
  // Consulates speak for the people they serve: these lists apply from where the consulate is.
  ['US', 'MX', ['mx-translations', 'mx-transit-cert']],
  ['DE', 'IN', ['in-docs']],
  ['US', 'PH', ['ph-docs']],
  ['US', 'JM', ['jm-docs']],
  // Argentina's consulate in Tenerife speaks for families in Spain (review 21, finding 1).
  ['ES', 'AR', ['ar-apostille']],
] as const)('arriving from %s in %s', (from, country, ids) => {
  it('applies its entry rules and no "unknown country" gap', () => {
    const leg = arrive(from, country).legs[0]!;
    expect(leg.requirements.map((r) => r.id)).toEqual(expect.arrayContaining([...ids]));
    expect(leg.gaps.map((g) => g.message).join(' ')).not.toMatch(/taking ashes into/);
  });
});

describe('a rule speaks only for what its source speaks for', () => {
  it.each([
    ['IE', 'HU', 'Hungary'],
    ['IE', 'BG', 'Bulgaria'],
  ])(
    'a US directory or consulate says nothing for a family from %s going to %s: a gap names whom to ask',
    (from, to, name) => {
      const leg = arrive(from, to).legs[0]!;
      expect(leg.requirements.map((r) => r.id)).not.toEqual(expect.arrayContaining(['hu-simple']));
      expect(leg.requirements.map((r) => r.id)).not.toEqual(expect.arrayContaining(['bg-docs']));
      expect(leg.gaps.map((g) => g.message).join(' ')).toContain(
        `Our sources on taking ashes into ${name} speak only for families who live in the United States. For a family from Ireland, the embassy or consulate of ${name} in Ireland can tell you what they need`,
      );
    },
  );

  it("NFDA's Italian urn-box advice is for ashes leaving the US, not for a British family", () => {
    const ids = arrive('GB', 'IT').legs[0]!.requirements.map((r) => r.id);
    expect(ids).not.toContain('it-real-urn');
    expect(arrive('US', 'IT').legs[0]!.requirements.map((r) => r.id)).toContain('it-real-urn');
  });

  it.each([
    ['GB', 'MX', 'mx-translations'],
    // Not GB: India's High Commission in London speaks for UK families (review 16, finding 4).
    ['IE', 'IN', 'in-docs'],
    ['GB', 'PH', 'ph-docs'],
  ])("a consulate's list does not follow a trip from elsewhere (%s → %s has no %s)", (from, to, id) => {
    const leg = arrive(from, to).legs[0]!;
    expect(leg.requirements.map((r) => r.id)).not.toContain(id);
    expect(leg.gaps.map((g) => g.message).join(' ')).toMatch(/taking ashes into/);
  });

  it("a Canadian family flying on from the US is not sent to Mexico's consulates in the US", () => {
    const canadians = evaluateTrip({
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'AM' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    }).legs[0]!;
    expect(canadians.requirements.map((r) => r.id)).not.toContain('mx-transit-cert');
    expect(canadians.gaps.map((g) => g.message).join(' ')).toMatch(/taking ashes into Mexico/);
  });

  it("France's law on keeping ashes at home is for families who live there; visitors are told it is unknown", () => {
    const visiting = arrive('IE', 'FR').legs[0]!;
    expect(visiting.requirements.map((r) => r.id)).not.toContain('fr-no-home');
    expect(visiting.gaps.map((g) => g.message).join(' ')).toMatch(/taking ashes into France/);
    const goingHome = arrive('IE', 'FR', { home_country: 'FR' }).legs[0]!;
    expect(goingHome.requirements.map((r) => r.id)).toContain('fr-no-home');
    // Nor do visitors need the prefect's permission to take their own ashes out of France again.
    expect(arrive('FR', 'GB', { home_country: 'GB' }).legs[0]!.requirements.map((r) => r.id)).not.toContain(
      'fr-prefect-exit',
    );
  });

  it('"Coming back to the UK" is for families who live there, not a Canadian family visiting', () => {
    const visiting = arrive('CA', 'GB').legs[0]!.requirements.map((r) => r.id);
    expect(visiting).not.toContain('gb-import-docs');
    expect(visiting).not.toContain('gb-english-docs');
    const home = evaluateTrip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'CA', to: 'GB', carrier: 'BA' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    }).legs[0]!.requirements.map((r) => r.id);
    expect(home).toEqual(expect.arrayContaining(['gb-import-docs', 'gb-english-docs']));
  });

  it('an airside change of planes is not an arrival: no entry rules for Germany on the way to Japan', () => {
    const out = evaluateTrip({
      legs: [
        { mode: 'air', from: 'CA', to: 'DE', carrier: 'LH', connection: true },
        { mode: 'air', from: 'DE', to: 'JP', carrier: 'LH' },
      ],
      // Japan's embassy in Canada speaks for families in Canada (review 35, finding 6).
      home_country: 'CA',
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    });
    const [toFrankfurt, toTokyo] = out.legs;
    expect(toFrankfurt!.requirements.map((r) => r.id)).not.toContain('de-no-private-carriage');
    expect(toFrankfurt!.gaps.map((g) => g.message).join(' ')).not.toMatch(/into Germany/);
    expect(toTokyo!.requirements.map((r) => r.id)).toContain('jp-declare');
    // Staying in Frankfurt is an arrival, with Germany's rules.
    const staying = arrive('GB', 'DE', { home_country: 'US' }).legs[0]!.requirements.map((r) => r.id);
    expect(staying).toContain('de-no-private-carriage');
  });
});

describe('routes with rules of their own', () => {
  it.each([
    ['IE', 'PL', 'ie-export-coroner'],
    ['CA', 'IN', 'in-vancouver'],
    ['AU', 'PH', 'ph-consular-mortuary-cert'],
    ['US', 'GB', 'gb-from-us-docs'],
    ['GB', 'US', 'uk-overseas-certificate'],
    ['NZ', 'AU', 'nz-export-no-atc'],
  ])('%s → %s gives %s', (from, to, id) => {
    expect(arrive(from, to).legs[0]!.requirements.map((r) => r.id)).toContain(id);
  });

  it('Australia: superseded forum posts about declaring ashes are not set against the health department’s current page', () => {
    const leg = arrive('NZ', 'AU').legs[0]!;
    expect(leg.conflicts).toEqual([]);
    expect(leg.requirements.map((r) => r.id)).not.toContain('au-older-declare-all');
  });

  it('a country we have no entry rule for is a gap that names whom to ask', () => {
    const out = arrive('GB', 'BR');
    expect(out.legs[0]!.gaps.map((g) => g.message)).toContain(
      'We have no rule from our research for taking ashes into Brazil yet. The embassy or consulate of Brazil in the United Kingdom can tell you what they need; take the documents listed below with you.',
    );
  });

  it('a domestic trip has no entry rules and no border papers', () => {
    const out = arrive('GB', 'GB');
    expect(out.legs[0]!.requirements.map((r) => r.id)).not.toContain('docs-standard-set');
    expect(out.legs[0]!.gaps).toEqual([]);
  });
});
