import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip, parseShipmentInput, parseTravelRulesInput } from './index.js';

// Findings of travel-rules review 20 (December 2026) taken by the third helper: scattering rules
// that speak of a person's ashes, a cruise round trip scattering at sea, India's London and Hague
// lists for a family living elsewhere, a shipment's error message, British Airways and pets.

const today = '2026-12-06';
const trip = (input: TravelRulesInput) => evaluateTrip(input, { today });
const ids = (out: ReturnType<typeof evaluateTrip>) =>
  out.legs.flatMap((leg) => leg.requirements.flatMap((r) => r.rule_ids));
const gapsOf = (out: ReturnType<typeof evaluateTrip>) =>
  out.legs.flatMap((leg) => leg.gaps.map((g) => g.message));

describe("1 and 4. a national park's and the Royal British Legion's scattering rules speak of a person's ashes", () => {
  it("Denali's page is not applied to Max's ashes, and the family is told whom to ask", () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'AS', bag: 'carry_on' }],
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-AK', place: 'national_park', site: 'nps:dena' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Max', kind: 'pet', loss_country: 'US' },
    });
    expect(ids(out)).not.toContain('nps-denali');
    expect(gapsOf(out)).toContain(
      "Our sources on scattering ashes in a national park in Alaska speak about a person's ashes, not a pet's. For Max, the park itself is the one to ask.",
    );
  });

  it("Cape Lookout's permit is not applied to Buddy's ashes", () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-NC', place: 'national_park', site: 'nps:calo' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Buddy', kind: 'pet', loss_country: 'US' },
    });
    expect(ids(out)).not.toContain('nps-permit');
    expect(gapsOf(out).join(' ')).toContain("speak about a person's ashes, not a pet's. For Buddy");
  });

  it("a person's ashes still get Cape Lookout's permit", () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-NC', place: 'national_park', site: 'nps:calo' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'US' },
    });
    expect(ids(out)).toContain('nps-permit');
  });

  it("the landowner rule is not applied to Bramble's ashes in England", () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'road', from: 'GB', to: 'GB' }],
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'land' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Bramble', kind: 'pet', loss_country: 'GB' },
    });
    expect(ids(out)).not.toContain('gb-landowner');
    expect(gapsOf(out)).toContain(
      "Our sources on scattering ashes on land in England speak about a person's ashes, not a pet's. For Bramble, the authority that gives permission to scatter there, or whoever owns the land or water, is the one to ask; a funeral director there can tell you which one that is.",
    );
  });
});

describe('2. a Carnival round trip from the US, scattering Grandpa at sea in the US', () => {
  const out = trip({
    home_country: 'US',
    legs: [
      { mode: 'sea', from: 'US', to: 'MX', carrier: 'CCL', connection: true },
      { mode: 'sea', from: 'MX', to: 'US', carrier: 'CCL' },
    ],
    purpose: 'scatter',
    scatter: { country: 'US', place: 'sea', ashes_come_home: false },
    keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
    loved_one: { name: 'Grandpa', kind: 'adult', loss_country: 'US', loss_region: 'US-FL' },
  });

  // Review 32 (r32b finding 4): the sailing out calls at a port in Mexico, so the ashes are aboard
  // until the sailing back into US waters, where they are scattered and its rules are said. That
  // nothing is carried after the scattering sailing is kept in scenarios-review-thirty-three-i.
  it('scatters on the sailing back into US waters, where its rules are said', () => {
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true]);
    expect(out.legs[1]!.requirements.map((r) => r.id)).toEqual(
      expect.arrayContaining(['ccl-scattering', 'epa-3nm']),
    );
    expect(out.legs[0]!.requirements.map((r) => r.id)).not.toContain('epa-3nm');
  });
});

describe("3. India's London and Hague lists, told to a family living in India", () => {
  it('London: the list asks for proof of residence, and whom to ask is said', () => {
    const out = trip({
      home_country: 'IN',
      legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Papa', kind: 'adult', loss_country: 'GB' },
    });
    const noc = out.legs[0]!.requirements.find((r) => r.id === 'in-london-noc')!;
    expect(noc.for_this_family).toContain(
      "Its list asks for proof of the applicant's residence and doesn't say whether a relative living outside the UK can apply; ask VFS Global or India's High Commission in London how a relative visiting from India applies.",
    );
  });

  it('The Hague: likewise', () => {
    const out = trip({
      home_country: 'IN',
      legs: [{ mode: 'air', from: 'NL', to: 'IN', carrier: 'KL', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Papa', kind: 'adult', loss_country: 'NL' },
    });
    const noc = out.legs[0]!.requirements.find((r) => r.id === 'in-hague-noc')!;
    expect(noc.for_this_family).toContain('how a relative visiting from India applies');
  });

  it('a family living in the UK is not told it', () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Papa', kind: 'adult', loss_country: 'GB' },
    });
    const noc = out.legs[0]!.requirements.find((r) => r.id === 'in-london-noc')!;
    expect(noc.for_this_family ?? '').not.toContain('proof of the applicant');
  });
});

describe("5. a shipment to Kosovo's code speaks of sending, not of a trip or an airline", () => {
  it('says to ask before sending', () => {
    const parsed = parseShipmentInput({ from: 'GB', to: 'XK', carrier: 'Royal Mail' });
    const message = parsed.ok ? '' : parsed.problems.join(' ');
    expect(message).toContain('Before you send the ashes, please ask the embassy or consulate of Kosovo');
    expect(message).not.toMatch(/trip|airline/);
  });

  it('a trip is still told to leave it out of the trip', () => {
    const parsed = parseTravelRulesInput({
      legs: [{ mode: 'air', from: 'GB', to: 'XK' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    });
    expect(parsed.ok ? '' : parsed.problems.join(' ')).toContain('leave it out of the trip');
  });
});

describe("6. British Airways: the newspaper column speaks of a person's ashes", () => {
  const rex = (bag: 'checked' | 'carry_on') =>
    trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag }],
      keepsakes: [{ kind: 'ashes', container: 'metal' }],
      loved_one: { name: 'Rex', kind: 'pet', loss_country: 'GB' },
    });

  it("the column's rule is not applied to Rex; the retailer's, which speaks of pets too, still is", () => {
    const out = rex('checked');
    expect(ids(out)).not.toContain('ba-checked-ok');
    expect(ids(out)).toContain('ba-carriage-docs');
    expect(out.summary.map((s) => s.text).join(' ')).toContain('British Airways may ask for one');
    expect(gapsOf(out).join(' ')).not.toContain(
      "Our sources on British Airways speak about a person's ashes",
    );
  });

  it("a person's ashes in the hold still get the column's rule", () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'checked' }],
      keepsakes: [{ kind: 'ashes', container: 'metal' }],
      loved_one: { name: 'Mum', kind: 'adult', loss_country: 'GB' },
    });
    expect(ids(out)).toContain('ba-checked-ok');
  });
});
