import { describe, expect, it } from 'vitest';
import { type TripReading, readTripOn } from './scenario-reading.js';

// The ninth reviewer's findings on who speaks, whom to tell and what a note says (3–6, 13 and 15),
// each as the trip they tried with the CLI, read the way the CLI reads it.

const today = '2026-12-05';
type Out = TripReading;
const trip = (raw: unknown): Out => readTripOn(today, raw);
// The reviewer's trips that more than one check reads, as they wrote them.
const TRIPS: Record<string, unknown> = {
  t14: {
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Lily's urn", loved_one: 'Lily' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Lily',
        kind: 'pregnancy_loss',
        gestation_weeks: 22,
        born_alive: false,
        birth_weight_g: 400,
        loss_country: 'US',
        loss_region: 'US-TX',
        cremated_in: 'US-TX',
      },
    ],
  },
  t37: {
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'DL', bag: 'carry_on' }],
    keepsakes: [
      { kind: 'ashes', container: 'wood', name: "Grandpa's urn", loved_one: 'Grandpa' },
      { kind: 'ashes', container: 'plastic', name: "Mia's urn", loved_one: 'Mia' },
    ],
    purpose: 'carry',
    loved_ones: [
      { name: 'Grandpa', kind: 'adult', loss_country: 'US', loss_region: 'US-TX' },
      {
        name: 'Mia',
        kind: 'pregnancy_loss',
        gestation_weeks: 19,
        born_alive: false,
        birth_weight_g: 330,
        loss_country: 'US',
        loss_region: 'US-TX',
      },
    ],
  },
  t61: {
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Hope's urn", loved_one: 'Hope' }],
    purpose: 'carry',
    loved_ones: [
      { name: 'Hope', kind: 'pregnancy_loss', gestation_weeks: 21, loss_country: 'US', loss_region: 'US-CA' },
    ],
  },
  t12: {
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'FR', carrier: 'U2', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Ivy's urn", loved_one: 'Ivy' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Ivy',
        kind: 'pregnancy_loss',
        gestation_weeks: 26,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-SCT',
        cremated_in: 'GB-SCT',
      },
    ],
  },
  t51: {
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'JQ', bag: 'checked' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', name: "Ruby's urn", loved_one: 'Ruby' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Ruby',
        kind: 'pregnancy_loss',
        gestation_weeks: 18,
        born_alive: false,
        birth_weight_g: 200,
        loss_country: 'AU',
      },
    ],
  },
  t59: {
    home_country: 'GB',
    legs: [
      { mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag: 'checked', connection: true },
      { mode: 'air', from: 'AE', to: 'IN', carrier: 'EK', bag: 'checked' },
    ],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Zara's urn", loved_one: 'Zara' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Zara',
        kind: 'pregnancy_loss',
        gestation_weeks: 20,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
    ],
  },
  t72: {
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Zara urn', loved_one: 'Zara' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Zara',
        kind: 'pregnancy_loss',
        gestation_weeks: 20,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
    ],
  },
  t66: {
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'GB', carrier: 'QF', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Charlie's urn", loved_one: 'Charlie' }],
    purpose: 'carry',
    loved_ones: [
      { name: 'Charlie', kind: 'pregnancy_loss', gestation_weeks: 26, born_alive: false, loss_country: 'AU' },
    ],
  },
};
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!;
const docsOf = (out: Out, name: string) => out.documents.filter((d) => d.loved_one === name);
const notes = (out: Out): string[] => {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(out);
  return found;
};

describe("3. t58: the Indian embassy in Berlin's list speaks as that embassy, and only may ask", () => {
  const out = trip({
    home_country: 'DE',
    legs: [{ mode: 'air', from: 'DE', to: 'IN', carrier: 'LH', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Aarav's urn", loved_one: 'Aarav' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Aarav',
        kind: 'pregnancy_loss',
        gestation_weeks: 18,
        born_alive: false,
        loss_country: 'DE',
        cremated_in: 'DE-BY',
      },
    ],
  });

  it('names the embassy in Berlin, never India, as asking', () => {
    expect(out.documents.flatMap((d) => d.asked_by)).not.toContain('India');
    expect(notes(out).join('\n')).not.toMatch(/India asks/);
    const attestation = docsOf(out, 'Aarav').find((d) => d.key === 'consular_certificate')!;
    expect(attestation.asked_by).toEqual(["India's embassy in Berlin"]);
  });

  it('puts the attestation on the list only as a paper to ask the consulate about before you travel', () => {
    const summary = summaryOf(out, 'Aarav');
    expect(summary.text).toContain("India's embassy in Berlin may ask for it");
    const carried = summary.carry.filter((line) => /attestation/.test(line));
    expect(carried).toHaveLength(1);
    // Got before travel, never at a desk: "ask the consulate before you travel" (review 14, finding 5).
    expect(carried[0]).toMatch(/: ask the consulate before you travel$/);
  });
});

describe('4. t56: the NFDA list for US funeral homes is the NFDA speaking, not Spain', () => {
  const out = trip({
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'ES', carrier: 'IB', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Mateo's urn", loved_one: 'Mateo' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Mateo',
        kind: 'pregnancy_loss',
        gestation_weeks: 22,
        born_alive: false,
        birth_weight_g: 420,
        loss_country: 'US',
        loss_region: 'US-FL',
      },
    ],
  });

  it('never says Spain suggests or asks, nor sends the family to a Spanish consulate', () => {
    const all = notes(out).join('\n');
    expect(all).not.toMatch(/Spain (?:suggests|asks|may ask)/);
    expect(all).not.toMatch(/embassy or consulate of Spain/);
    expect(out.documents.flatMap((d) => d.asked_by)).not.toContain('Spain');
    const death = docsOf(out, 'Mateo').find((d) => d.key === 'death_certificate')!;
    expect(death.asked_by).toContain("the US funeral directors' association (NFDA)");
  });
});

describe("5. t30: the Philippine post in Sydney's certificate is that post's, and only may be asked", () => {
  const out = trip({
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'PH', carrier: 'QF', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', name: "Lolo's urn", loved_one: 'Lolo' }],
    purpose: 'carry',
    loved_ones: [{ name: 'Lolo', kind: 'adult', loss_country: 'AU' }],
  });

  it('names the consulate in Sydney, may ask, and says to ask the post serving where you live', () => {
    const cert = docsOf(out, 'Lolo').find((d) => d.key === 'consular_certificate')!;
    expect(cert.asked_by).toEqual(['the Philippine consulate in Sydney']);
    expect(out.documents.flatMap((d) => d.asked_by)).not.toContain('the Philippines');
    const summary = summaryOf(out, 'Lolo');
    expect(summary.text).toContain('the Philippine consulate in Sydney may ask for it');
    expect(summary.carry).toContain(
      'A Philippine Consular Mortuary Certificate: ask the consulate before you travel',
    );
    const all = notes(out).join('\n');
    expect(all).toContain('ask the one serving where you live');
    expect(all).not.toMatch(/for urns too/);
  });
});

// Review 35, finding 2: the US Embassy in London only advises and checks no papers, so it is no
// longer whom to let know either; nor is a UK consulate.
describe('6. neither a UK consulate nor the US Embassy in London is whom to let know', () => {
  it.each(['t14', 't37', 't61'])('%s', (name) => {
    const out = trip(TRIPS[name]);
    const exceptions = notes(out).filter((line) => /know before you travel/.test(line));
    for (const line of exceptions) {
      expect(line).not.toMatch(/embassy or consulate of the United Kingdom/);
      expect(line).not.toContain('let the US Embassy in London');
    }
  });
});

describe('13. nobody is "whoever asks for it" where no official body asks', () => {
  it.each(['t12', 't51', 't66'])('%s', (name) => {
    const out = trip(TRIPS[name]);
    expect(notes(out).join('\n')).not.toMatch(/let whoever asks for it know/);
  });
});

describe('15. t43: two rules from one source that agree are one side of a disagreement', () => {
  it('names the funeral home once, with both its sayings together', () => {
    const out = trip({
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'US', to: 'MX', carrier: 'AA', bag: 'checked' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: "Gran's urn", loved_one: 'Gran' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Gran', kind: 'adult', loss_country: 'GB' }],
    });
    const american = notes(out).filter((line) => /Our sources about American Airlines disagree/.test(line));
    expect(american.length).toBeGreaterThan(0);
    for (const line of american) {
      expect(line.match(/mercadantefuneral\.com/g)).toHaveLength(1);
      expect(line).toContain(
        '“American treats ashes as a carry-on item” and “American may not take ashes in a checked bag” (mercadantefuneral.com, medium confidence)',
      );
    }
  });
});

describe("8. t04: the summary leads with Germany's refusal of a family carrying an urn", () => {
  it('says the refusal before any paper', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', name: "Oma's urn", loved_one: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    const text = summaryOf(out, 'Oma').text;
    expect(text).toMatch(/^Before anything else: Germany doesn't allow a family to carry an urn\./);
    expect(text.match(/doesn't allow/g)).toHaveLength(1);
    // Any paper: since review 16 (finding 6) they are to "have ready" for sending the urn, not "bring".
    expect(text.indexOf('death certificate')).toBeGreaterThan(0);
    expect(text.indexOf("doesn't allow")).toBeLessThan(text.indexOf('death certificate'));
  });
});

describe('7. keepsake jewellery: a rule for urns still speaks for its airline or country', () => {
  const gapsOf = (out: Out): string[] => out.legs.flatMap((leg) => leg.gaps.map((gap) => gap.message));

  it('t54: Qantas has a rule, for urns only', () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'AU', carrier: 'QF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'jewellery', container: 'wood', name: 'Nan bracelet', loved_one: 'Nan' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: 'GB' }],
    });
    const gaps = gapsOf(out);
    expect(gaps.join('\n')).not.toMatch(/no rule from our research for Qantas/);
    expect(gaps).toContain(
      "Our sources on Qantas speak about urns and boxes of ashes, not keepsake jewellery. Please ask them before you fly if you'd like to be sure.",
    );
  });

  it('t71: Germany’s refusal of an urn speaks for every family, not only those from the US', () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'DE', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'jewellery', container: 'metal', name: 'Dad ring', loved_one: 'Dad' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'GB' }],
    });
    expect(gapsOf(out).join('\n')).not.toMatch(/speak only for families who live in the United States/);
  });
});

describe('9. "For Zara there is no death certificate" is said once on a leg, not under every rule', () => {
  it.each(['t14', 't37', 't59', 't61', 't66', 't72'])('%s', (name) => {
    const out = trip(TRIPS[name]);
    for (const leg of out.legs) {
      const lines = leg.requirements.flatMap(
        (r) =>
          (r.for_this_family ?? '').match(
            /For \w+ there (?:is|may be) no [^;]+; the papers list says what to carry instead\./g,
          ) ?? [],
      );
      expect(lines).toEqual([...new Set(lines)]);
    }
  });
});

describe('17. t19: the Bahamas by sea: our rules there speak only of arriving by air', () => {
  it('says so, instead of "no rule… yet"', () => {
    const out = trip({
      home_country: 'CA',
      legs: [{ mode: 'sea', from: 'US', to: 'BS', carrier: 'RCL' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: "Grand-maman's urn", loved_one: 'Grand-maman' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grand-maman', kind: 'adult', loss_country: 'CA' }],
    });
    const gaps = out.legs.flatMap((leg) => leg.gaps.map((gap) => gap.message)).join('\n');
    expect(gaps).not.toMatch(/no rule from our research for taking ashes into the Bahamas/);
    expect(gaps).toContain('Our sources on taking ashes into the Bahamas speak only about arriving by air.');
  });
});
