import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { type TripReading, readShipmentOn, readTripOn } from './scenario-reading.js';

// The eighteenth reviewer's findings (/work/briefs/review18-report.md), each as the trip they ran
// through the CLI (inputs in /tmp/review18), read the way the CLI reads it. Finding 3 (Western
// Australia's babies) is not here: those rules are being changed elsewhere.

const today = '2026-12-06';
const trip = (raw: unknown): TripReading => readTripOn(today, raw);
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const requirementOn = (out: TripReading, id: string) =>
  out.legs.flatMap((leg) => leg.requirements).find((r) => r.rule_ids.includes(id));

describe('1. Qatar takes ashes in the hold only with every paper, a certified death certificate among them', () => {
  // u01/u16: Lily, born without signs of life at 21 weeks in England, flying Qatar to Thailand.
  const lily = trip({
    home_country: 'GB',
    legs: [
      { mode: 'air', from: 'GB', to: 'QA', carrier: 'QR', bag: 'checked', connection: true },
      { mode: 'air', from: 'QA', to: 'TH', carrier: 'QR', bag: 'checked' },
    ],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Lily' }],
    purpose: 'carry',
    loved_one: {
      name: 'Lily',
      kind: 'pregnancy_loss',
      born_alive: false,
      gestation_weeks: 21,
      loss_country: 'GB',
      loss_region: 'GB-ENG',
    },
  });
  const summary = lily.summary[0]!.text;

  it('the rule keeps its page’s condition: "provided that the passenger is in possession of all necessary documentation"', () => {
    expect(byId.get('qr-checked')!.document).toMatchObject({
      asks_for: [{ key: 'death_certificate' }],
      no_substitute: true,
    });
  });

  it('u01: Lily’s family is told the hold may not be open to them, never "it may help to tell them"', () => {
    expect(summary).toContain('that way may not be open to you');
    expect(summary).not.toContain('Qatar Airways may ask for one, so it may help to tell them');
    expect(requirementOn(lily, 'qr-checked')!.for_this_family).toContain('this way may not be open to you');
    expect(requirementOn(lily, 'qr-checked')!.for_this_family).not.toContain(
      'the papers list says what to carry instead',
    );
  });

  it('u01: and is pointed to the cabin, which the same Qatar page allows without that condition (qr-cabin)', () => {
    expect(summary).toContain('Carried in the cabin instead');
    expect(summary).toContain('Qatar Airways allows ashes in the cabin');
    expect(requirementOn(lily, 'qr-checked')!.for_this_family).toContain(
      'Qatar Airways allows ashes in the cabin',
    );
  });

  it('u16: with no bag chosen, the hold is named as the way that may be closed, and the cabin as open', () => {
    const noBag = trip({
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'GB', to: 'QA', carrier: 'QR', connection: true },
        { mode: 'air', from: 'QA', to: 'TH', carrier: 'QR' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Lily' }],
      purpose: 'carry',
      loved_one: {
        name: 'Lily',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 21,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
    });
    const text = noBag.summary[0]!.text;
    expect(text).toContain('in the hold, so the hold may not be open to you');
    expect(text).toContain('In the cabin, the ashes may not need that paper');
  });

  it('an adult with a death certificate is not told the hold may be closed', () => {
    const grandad = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'QA', carrier: 'QR', bag: 'checked' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      purpose: 'carry',
      loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'GB', loss_region: 'GB-ENG' },
    });
    expect(grandad.summary[0]!.text).not.toContain('may not be open to you');
    expect(grandad.summary[0]!.text).not.toContain('Carried in the cabin instead');
  });
});

describe('2. India’s Ottawa certificate says its whole list, and that the list assumes a relative living in Canada', () => {
  // t39: an adult who died in Ontario, taken home to India by a family living in India.
  const visiting = trip({
    home_country: 'IN',
    legs: [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    purpose: 'carry',
    loved_one: { name: 'Dadi', kind: 'adult', loss_country: 'CA', loss_region: 'CA-ON' },
  });
  const living = trip({
    home_country: 'CA',
    legs: [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    purpose: 'carry',
    loved_one: { name: 'Dadi', kind: 'adult', loss_country: 'CA', loss_region: 'CA-ON' },
  });

  it('the list has item (d), status in Canada, for Indian passport holders', () => {
    expect(byId.get('in-ottawa-certificate')!.detail).toMatch(/status in Canada[^.]*Indian passport holders/);
    expect(requirementOn(living, 'in-ottawa-certificate')!.detail).toContain('status in Canada');
  });

  it('t39: a family living in India is told the list assumes a relative living in Canada, and whom to ask', () => {
    const note = requirementOn(visiting, 'in-ottawa-certificate')!.for_this_family;
    expect(note).toContain('Its list assumes the relative lives in Canada');
    expect(note).toContain('ask the High Commission how a relative visiting from India applies');
  });

  it('a family living in Canada hears no such line', () => {
    expect(requirementOn(living, 'in-ottawa-certificate')!.for_this_family ?? '').not.toContain(
      'assumes the relative lives in Canada',
    );
  });
});

describe('4. Qantas: the detail says what the title says, and only what its source says', () => {
  const rule = byId.get('qf-carriage')!;

  it('the detail names the container free of soil or other contaminants, as the title does', () => {
    expect(rule.title).toContain('free of soil or other contaminants');
    expect(rule.detail).toContain('free of soil or other contaminants');
  });

  it('asks for no crematorium paper: only copies of the page say so, and we could not read it on Bare’s own', () => {
    expect(rule.document).toBeUndefined();
  });
});

describe('5. "mark this stop as a port of call" only where the ashes may stay aboard a cruise ship', () => {
  const gaps = (out: TripReading, leg: number) => out.legs[leg]!.gaps.map((gap) => gap.message).join(' ');
  const PORT = 'mark this stop as a port of call';

  it('t07: a ferry to scatter Seán’s ashes in an English national park: they must land, so no such word', () => {
    const out = trip({
      home_country: 'IE',
      legs: [
        { mode: 'sea', from: 'IE', to: 'GB' },
        { mode: 'sea', from: 'GB', to: 'IE', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Seán' }],
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'national_park', ashes_come_home: false },
      loved_one: { name: 'Seán', kind: 'adult', loss_country: 'IE' },
    });
    expect(gaps(out, 0)).toContain('can tell you');
    expect(gaps(out, 0)).not.toContain(PORT);
  });

  it('a cruise line sailing on from a stop still hears it (sea carriers we know are cruise lines)', () => {
    const out = trip({
      home_country: 'GB',
      legs: [
        { mode: 'sea', from: 'GB', to: 'IS', carrier: 'NCL' },
        { mode: 'sea', from: 'IS', to: 'GB', carrier: 'NCL', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      purpose: 'carry',
      loved_one: { name: 'Mum', kind: 'adult', loss_country: 'GB', loss_region: 'GB-ENG' },
    });
    expect(gaps(out, 0)).toContain(PORT);
  });
});

describe('6. a pet’s summary says first what to carry, as a baby’s does', () => {
  // t28: Biscuit's ashes in a wooden box, on Jet2 to Spain.
  const out = trip({
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'LS', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Biscuit' }],
    purpose: 'carry',
    loved_one: { name: 'Biscuit', kind: 'pet' },
  });
  const summary = out.summary[0]!;

  it('t28: leads with the pet crematorium’s certificate, then says there is no death certificate', () => {
    expect(summary.text).toMatch(/^For Biscuit, carry a certificate or letter from the pet crematorium/);
    // Said plainly, never "may be no": no government registers a pet's death (review 35, t17).
    expect(summary.text).toContain(
      "There is no death certificate for Biscuit: a pet's death isn't registered",
    );
    expect(summary.carry[0]).toMatch(/^A certificate or letter from the pet crematorium/);
    expect(summary.carry).not.toContain('A death certificate, if you have it and are asked for it');
  });
});

describe('8. a shipment with no carrier named is not warned of a refusal by an airline that may not fly the route', () => {
  it('s4: Canada to India: Alaska Air Cargo’s refusal from Canada is not a warning; the airline is named as a choice', () => {
    const out = readShipmentOn(today, { from: 'CA', to: 'IN' });
    const ids = out.requirements.flatMap((r) => r.rule_ids);
    expect(ids).not.toContain('as-cargo-not-from-ca-mx');
    expect(
      out.requirements
        .filter((r) => r.severity === 'warning')
        .map((r) => r.title)
        .join(' '),
    ).not.toContain('Alaska');
  });

  it('naming Alaska Air Cargo still shows its refusal', () => {
    const out = readShipmentOn(today, { from: 'CA', to: 'US', carrier: 'AS' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('as-cargo-not-from-ca-mx');
  });
});

describe('9. whom to ask about a pet’s ashes entering Australia', () => {
  it('t29: Milo’s ashes from the US: Australia’s agriculture department, whose import conditions list cremated animal remains', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'AU', carrier: 'QF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Milo' }],
      purpose: 'carry',
      loved_one: { name: 'Milo', kind: 'pet' },
    });
    const gaps = out.legs[0]!.gaps.map((gap) => gap.message).join(' ');
    expect(gaps).toContain(
      "For Milo, Australia's Department of Agriculture, whose import conditions cover cremated animal remains, can tell you what they need for a pet's ashes",
    );
  });
});
