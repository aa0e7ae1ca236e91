import { describe, expect, it } from 'vitest';
import { evaluateTrip } from './index.js';

// Trips a fifth reviewer tried from outside (December 2026).

const today = '2026-12-05';
const ids = (requirements: readonly { id: string }[]) => requirements.map((r) => r.id);
const gapsOf = (out: ReturnType<typeof evaluateTrip>, leg: number) =>
  out.legs[leg]!.gaps.map((g) => g.message).join(' ');

describe('a family who fly to the port and scatter Grandpa Joe at sea from a Carnival cruise', () => {
  const out = evaluateTrip(
    {
      home_country: 'US',
      legs: [
        { mode: 'air', from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' },
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'BS', to: 'MX', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'MX', to: 'US', carrier: 'CCL' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
      loved_one: { name: 'Grandpa Joe', kind: 'adult', loss_country: 'US' },
      purpose: 'scatter',
      scatter: { country: 'US', place: 'sea', ashes_come_home: false },
    },
    { today },
  );

  it('carries the ashes aboard, where Carnival’s rules for scattering from the ship apply', () => {
    // The sailing out calls in the Bahamas and Mexico, so the ashes are aboard until the sailing back
    // into US waters, where they are scattered and its rules are said (review 32, r32b finding 4;
    // review 20, finding 2: no sailing after the scattering carries them).
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true, true, true]);
    expect(ids(out.legs[3]!.requirements)).toEqual(
      expect.arrayContaining(['ccl-scattering', 'ccl-private-scatter-fine', 'epa-3nm']),
    );
    expect(ids(out.legs[0]!.requirements)).not.toContain('epa-3nm');
    expect(ids(out.legs[1]!.requirements)).not.toContain('epa-3nm');
  });
});

describe('whom to ask where our rules are silent', () => {
  it('a Canadian family going to Italy is told to ask the Italian consulate: a note on travel inside Italy is not its entry rules', () => {
    const out = evaluateTrip(
      {
        home_country: 'CA',
        legs: [{ mode: 'air', from: 'CA', to: 'IT', carrier: 'AC' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      },
      { today },
    );
    // Edinburgh's page speaks for ashes from the UK, whoever the family (review 36b, finding 1).
    expect(gapsOf(out, 0)).toContain(
      'Our sources on taking ashes into Italy speak only for families who live in the United States, or for ashes going from the United Kingdom. For a family from Canada, the embassy or consulate of Italy in Canada can tell you what they need',
    );
  });

  it('leaving a country we have no rules for says so, with whom to ask', () => {
    const out = evaluateTrip(
      {
        home_country: 'BR',
        legs: [{ mode: 'air', from: 'BR', to: 'PT', carrier: 'TP', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
      },
      { today },
    );
    expect(gapsOf(out, 0)).toContain(
      'We have no rule from our research for taking ashes out of Brazil. The crematorium or funeral director there can tell you whether anything is needed before you go.',
    );
  });

  it('France’s declaration says what to do for someone born abroad, rather than send the family looking', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: 'EUROSTAR' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        purpose: 'scatter',
        scatter: { country: 'FR', place: 'river_or_lake' },
      },
      { today },
    );
    const declare = out.legs[0]!.requirements.find((r) => r.id === 'fr-scatter-declare-birthplace');
    expect(declare?.detail).toContain('for someone born abroad, the town hall where you scatter can say');
  });
});

describe('what a source speaks for, and how firmly', () => {
  it('Qatar’s page on human remains is not applied to a pet’s ashes', () => {
    const out = evaluateTrip(
      {
        legs: [{ mode: 'air', from: 'GB', to: 'QA', carrier: 'QR', bag: 'checked' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Rolo', kind: 'pet' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).not.toContain('qr-checked');
  });

  // Review 10, finding 2: the 2017 email's papers are now history, and the doubt is said first.
  it('Singapore Airlines’ 2017 papers, disputed since, are never said as what it asks for', () => {
    const out = evaluateTrip(
      {
        home_country: 'SG',
        legs: [{ mode: 'air', from: 'SG', to: 'AU', carrier: 'SQ', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Ah Ma', kind: 'adult', loss_country: 'SG' },
      },
      { today },
    );
    // Since review 15 (finding 1), later reports contradict the 2021 line: said as a disagreement.
    expect(out.summary[0]!.text).not.toMatch(/^Before anything else/);
    expect(out.summary[0]!.text).toContain(
      'Our sources disagree on whether Singapore Airlines carries ashes',
    );
    expect(out.summary[0]!.text).not.toContain('Singapore Airlines asks for');
  });

  it('advice for driving in the US is called advice, not the United States asking', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'road', from: 'US', to: 'US' }],
        keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
        loved_one: { name: 'Dad', kind: 'adult', loss_country: 'US' },
      },
      { today },
    );
    const askers = out.documents.flatMap((d) => d.asked_by);
    expect(askers).not.toContain('the United States');
    expect(askers).toContain('advice for driving in the United States');
  });

  it('a glass pendant is not held to an airline’s rules for urns', () => {
    const out = evaluateTrip(
      {
        legs: [{ mode: 'air', from: 'GB', to: 'US', carrier: 'VS', bag: 'carry_on' }],
        keepsakes: [{ kind: 'jewellery', container: 'glass' }],
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).not.toContain('vs-cabin');
  });

  it('a note about one loved one’s papers is not put on a rule about another’s keepsake', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [
          { mode: 'road', from: 'GB', to: 'GB' },
          { mode: 'sea', from: 'GB', to: 'IE' },
        ],
        keepsakes: [
          { kind: 'ashes', container: 'cardboard', name: 'Mam’s tube', loved_one: 'Mam' },
          { kind: 'ashes', container: 'wood', name: 'Bryn’s box', loved_one: 'Bryn' },
        ],
        loved_ones: [
          { name: 'Mam', kind: 'adult', loss_country: 'GB' },
          { name: 'Bryn', kind: 'pet' },
        ],
      },
      { today },
    );
    const aboutMam = out.legs.flatMap((leg) =>
      leg.requirements.filter((r) => r.about.length === 1 && r.about[0] === 'Mam’s tube'),
    );
    expect(aboutMam.length).toBeGreaterThan(0);
    for (const requirement of aboutMam) expect(requirement.for_this_family ?? '').not.toContain('Bryn');
  });
});
