import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

// Leftovers of travel-rules review 20 (December 2026): the scattering rules not re-read for a pet's
// ashes, Royal Caribbean's note on carrying ashes aboard, and Western Australia's babies under 20 weeks.

const today = '2026-12-06';
const trip = (input: TravelRulesInput) => evaluateTrip(input, { today });
const ids = (out: ReturnType<typeof evaluateTrip>) =>
  out.legs.flatMap((leg) => leg.requirements.flatMap((r) => r.rule_ids));
const gapsOf = (out: ReturnType<typeof evaluateTrip>) =>
  out.legs.flatMap((leg) => leg.gaps.map((g) => g.message));

describe("1. the Environment Agency's and American Samoa's pages speak of a person's ashes", () => {
  it("the Environment Agency's position is not applied to Bramble's ashes on a river in England", () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'road', from: 'GB', to: 'GB' }],
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'river_or_lake' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Bramble', kind: 'pet', loss_country: 'GB' },
    });
    expect(ids(out)).not.toContain('gb-ea-position');
    expect(gapsOf(out)).toContain(
      "Our sources on scattering ashes on a river or lake in England speak about a person's ashes, not a pet's. For Bramble, the authority that gives permission to scatter there, or whoever owns the land or water, is the one to ask; a funeral director there can tell you which one that is.",
    );
    // A person's ashes there still hear it.
    const nan = trip({
      home_country: 'GB',
      legs: [{ mode: 'road', from: 'GB', to: 'GB' }],
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'river_or_lake' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Nan', kind: 'adult', loss_country: 'GB' },
    });
    expect(ids(nan)).toContain('gb-ea-position');
  });

  // Review 35, ab: the US EPA's general permit covers burial at sea off American Samoa (its EPA's
  // page), so Koa's family now hears the EPA's own word that it does not cover a pet's ashes.
  it("American Samoa's EPA notice is not applied to Koa's ashes at sea, and the family is told whom to ask", () => {
    const out = trip({
      home_country: 'AS',
      legs: [{ mode: 'road', from: 'AS', to: 'AS' }],
      purpose: 'scatter',
      scatter: { country: 'AS', place: 'sea' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Koa', kind: 'pet', loss_country: 'AS' },
    });
    expect(ids(out)).not.toContain('epa-as-notify-before');
    expect(ids(out)).toContain('epa-no-pets');
  });
});

describe("2. Royal Caribbean's only rule is about the scattering itself", () => {
  it('a cruise off England scattering Grandad at sea is not told we have no rule for Royal Caribbean', () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'sea', from: 'GB', to: 'GB', carrier: 'RCL' }],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: 'Grandad' }],
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'sea', ashes_come_home: false },
      loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'GB' },
    });
    expect(ids(out)).toContain('rcl-scattering');
    const gaps = gapsOf(out);
    expect(gaps.join(' ')).not.toContain('We have no rule from our research on carrying ashes aboard');
    expect(gaps).toContain(
      'The only rule we have for Royal Caribbean is about the scattering itself. We found nothing on bringing ashes aboard, so please ask them before you sail, and take the documents listed below.',
    );
  });
});

describe('3. Western Australia, before 20 weeks and 400 g or more', () => {
  const ruby = (region?: string) =>
    trip({
      home_country: 'AU',
      legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'QF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: {
        name: 'Ruby',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 19,
        birth_weight_g: 420,
        loss_country: 'AU',
        ...(region ? { loss_region: region } : {}),
      },
    });
  const deathCertificateOf = (out: ReturnType<typeof evaluateTrip>) =>
    out.documents.find((d) => d.key === 'death_certificate')!;

  // Since brief au, Western Australia's government page speaks for it before 20 weeks, whatever the
  // weight (au-wa-sub20-not-registered); New South Wales' law is still never said there.
  it('Ruby, born in Western Australia, hears its own government’s page, never New South Wales’ law', () => {
    const paper = deathCertificateOf(ruby('AU-WA'));
    expect(paper.rule_ids).not.toContain('au-sub20-not-registered');
    expect(paper.rule_ids).toContain('au-wa-sub20-not-registered');
    expect(paper.status).toBe('not_issued');
    expect(paper.reason).toContain(
      'in Western Australia a baby born without signs of life before 20 weeks is not able to be formally registered',
    );
    expect(paper.reason).not.toContain('New South Wales');
  });

  it('with no state given, the state is asked, since Western Australia may differ', () => {
    const paper = deathCertificateOf(ruby());
    expect(paper.status).toBe('may_not_exist');
    // Fix-b: the rules for this stage speak only for the states whose laws or pages we read.
    expect(paper.reason).toContain(
      'speak only for New South Wales, South Australia, Victoria and Western Australia',
    );
    // In New South Wales its own law is said (before 20 weeks, whatever the weight: review 36, finding 3).
    const nsw = deathCertificateOf(ruby('AU-NSW'));
    expect(nsw.rule_ids).toContain('au-sub20-not-registered');
    expect(nsw.status).toBe('not_issued');
  });
});
