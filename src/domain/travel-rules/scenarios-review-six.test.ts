import { describe, expect, it } from 'vitest';
import { evaluateTrip } from './index.js';

// Trips a sixth reviewer tried from outside (December 2026), each named after the family's trip.

const today = '2026-12-05';
const gapsOf = (out: ReturnType<typeof evaluateTrip>, leg: number) =>
  out.legs[leg]!.gaps.map((g) => g.message).join(' ');
const ids = (requirements: readonly { id: string }[]) => requirements.map((r) => r.id);
const requirement = (out: ReturnType<typeof evaluateTrip>, leg: number, id: string) =>
  out.legs[leg]!.requirements.find((r) => r.id === id);

describe('Ayaan, born alive at 23 weeks, flying Emirates to Pakistan with his urn in the hold (t48)', () => {
  const out = evaluateTrip(
    {
      home_country: 'IE',
      legs: [
        { mode: 'air', from: 'IE', to: 'AE', carrier: 'EK', bag: 'checked', connection: true },
        { mode: 'air', from: 'AE', to: 'PK', carrier: 'EK', bag: 'checked' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Ayaan's urn" }],
      loved_one: { name: 'Ayaan', kind: 'infant', gestation_weeks: 23, born_alive: true, loss_country: 'IE' },
    },
    { today },
  );
  const summary = out.summary[0]!.text;

  it('a missing passport, like a missing death certificate, may close the hold: never "the papers list says what to carry instead"', () => {
    expect(summary).toContain('that way may not be open to you');
    expect(summary).not.toContain("if you don't have it, the papers list says what to carry instead");
    const hold = requirement(out, 0, 'ek-docs-hold')!;
    expect(hold.for_this_family).toContain('this way may not be open to you');
    expect(hold.for_this_family).not.toContain('the papers list says what to carry instead');
    for (const leg of out.legs) {
      const passport = leg.exceptions.find((e) => e.message.includes('passport'))!;
      expect(passport.message).toContain('this way may not be open to you');
      expect(passport.message).not.toContain('The papers list says what to carry instead');
    }
    const passport = out.documents.find((d) => d.key === 'deceased_passport')!;
    expect(passport.instead).toContain('that way may not be open to you');
    expect(passport.instead).not.toContain('whoever asks for it can tell you what they will accept instead');
  });

  it('points to the cabin, where the same source says Emirates takes one original paper (ek-docs-cabin)', () => {
    expect(summary).toContain('Carried in the cabin instead');
    expect(summary).toContain('a death certificate or a cremation certificate');
    expect(requirement(out, 1, 'ek-docs-hold')!.for_this_family).toContain(
      'Emirates, in the cabin: one original document',
    );
  });
});

describe('Anaya, lost at 20 weeks in England, flying Emirates to India with her urn in the hold (t17)', () => {
  const out = evaluateTrip(
    {
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag: 'checked', connection: true },
        { mode: 'air', from: 'AE', to: 'IN', carrier: 'EK', bag: 'checked' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Anaya's urn" }],
      loved_one: {
        name: 'Anaya',
        kind: 'pregnancy_loss',
        gestation_weeks: 20,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
    },
    { today },
  );

  it('is told the way that is open: in the cabin the cremation certificate alone is reportedly enough', () => {
    const summary = out.summary[0]!.text;
    expect(summary).toContain('that way may not be open to you');
    expect(summary).toContain('Carried in the cabin instead');
    expect(summary).toContain('reportedly takes a cremation certificate on its own');
    expect(requirement(out, 0, 'ek-docs-hold')!.for_this_family).toContain(
      'reportedly takes a cremation certificate on its own',
    );
  });

  it('the leg note says Emirates takes no substitute, beside the papers list for the others', () => {
    const note = out.legs[1]!.exceptions[0]!.message;
    expect(note).toContain('Emirates may ask for every paper together, so this way may not be open to you');
  });

  it('in the cabin nothing is closed, so no other way is offered', () => {
    const cabin = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: {
          name: 'Anaya',
          kind: 'pregnancy_loss',
          gestation_weeks: 20,
          born_alive: false,
          loss_country: 'GB',
        },
      },
      { today },
    );
    expect(cabin.summary[0]!.text).not.toContain('Carried in the');
    expect(ids(cabin.legs[0]!.requirements)).toContain('ek-docs-cabin');
  });
});

describe('scattering at sea off the US with ashes brought from abroad (t07, t37)', () => {
  it('Helga’s family from Germany is not told that 3 nautical miles meets both California and the EPA', () => {
    const out = evaluateTrip(
      {
        home_country: 'DE',
        purpose: 'scatter',
        legs: [
          { mode: 'air', from: 'DE', to: 'US', carrier: 'LH', bag: 'carry_on' },
          { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', way_home: true },
        ],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Helga', kind: 'adult' },
        scatter: { country: 'US', region: 'US-CA', place: 'sea', ashes_come_home: false },
      },
      { today },
    );
    const leg = out.legs[0]!;
    expect(ids(leg.requirements)).toEqual(expect.arrayContaining(['ca-sea-500-yards', 'epa-foreign-12nm']));
    expect(ids(leg.requirements)).not.toContain('epa-3nm');
    const text = leg.requirements.map((r) => `${r.title} ${r.detail}`).join(' ');
    expect(text).not.toContain('meets both');
    expect(text).not.toContain('go at least 3 nautical miles out');
  });

  it('a US family bringing Papá’s ashes home from Mexico gets the 12 nautical miles: it is where the ashes come from, not where the trip starts', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        purpose: 'scatter',
        legs: [
          { mode: 'air', from: 'US', to: 'MX', carrier: 'AA', bag: 'carry_on' },
          { mode: 'air', from: 'MX', to: 'US', carrier: 'AA', bag: 'carry_on', way_home: true },
        ],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Papá', kind: 'adult', loss_country: 'MX' },
        scatter: { country: 'US', region: 'US-CA', place: 'sea', ashes_come_home: false },
      },
      { today },
    );
    const home = ids(out.legs[1]!.requirements);
    expect(home).toContain('epa-foreign-12nm');
    expect(home).not.toContain('epa-3nm');
  });

  it('a US family scattering Grandma, who died at home, still gets the 3 nautical miles only', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        purpose: 'scatter',
        legs: [{ mode: 'road', from: 'US', to: 'US' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Grandma', kind: 'adult', loss_country: 'US' },
        scatter: { country: 'US', region: 'US-CA', place: 'sea' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).toContain('epa-3nm');
    expect(ids(out.legs[0]!.requirements)).not.toContain('epa-foreign-12nm');
  });
});

describe('a weak source never reads as a flat "asks for" or "bring" (finding 3)', () => {
  it('Mia, the founding case on British Airways: BA may ask for a death certificate, as a retailer reports', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [
          { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' },
          { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA', bag: 'carry_on', way_home: true },
        ],
        keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Mia's little box" }],
        loved_one: {
          name: 'Mia',
          kind: 'pregnancy_loss',
          gestation_weeks: 20,
          born_alive: false,
          loss_country: 'GB',
          loss_region: 'GB-ENG',
        },
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).toContain('British Airways may ask for one');
    expect(summary).not.toMatch(/British Airways (and [^.]* )?asks? for/);
    const ba = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('ba-carriage-docs'))!;
    expect(ba.title).toBe('British Airways may ask for a copy of the death certificate');
    for (const leg of out.legs)
      for (const note of leg.exceptions) expect(note.message).toMatch(/^British Airways may ask for/);
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(death.detail).toContain('British Airways may ask for it');
    expect(death.detail).not.toContain('Asked for by British Airways');
  });

  it('Papi leaving France: the prefect’s authorisation (one low source) is to ask about, not to "bring"', () => {
    const out = evaluateTrip(
      {
        home_country: 'FR',
        legs: [{ mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'metal' }],
        loved_one: { name: 'Papi', kind: 'adult', loss_country: 'FR' },
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).not.toMatch(/bring[^.]*prefect/);
    // Said as who issues it, with whom to ask (review 36, finding 12), still never "bring".
    expect(summary).toContain(
      "the prefect's authorisation to take the urn out of France is issued by the préfecture of the département where the cremation took place",
    );
    expect(summary).toContain('ask the préfecture before you travel whether you need it.');
    expect(out.summary[0]!.carry).toContainEqual(
      expect.stringContaining('ask the préfecture before you travel whether you need it'),
    );
  });

  it('Nonno Luigi’s Welsh family: the Edinburgh consulate’s seal is to ask about, not to "bring"', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [
          { mode: 'sea', from: 'GB', to: 'FR' },
          { mode: 'road', from: 'FR', to: 'CH' },
          { mode: 'road', from: 'CH', to: 'IT' },
        ],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Nonno Luigi', kind: 'adult', loss_country: 'GB', loss_region: 'GB-WLS' },
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).not.toMatch(/bring[^.]*Italian consular/);
    expect(summary).toContain(
      "Ask before you travel whether you also need Italian consular authorisation and seal on the urn's box",
    );
  });
});

describe('sent from the hold to the cabin, the X-ray warning for the urn is not lost (finding 4)', () => {
  it('Seán’s stone urn on Ryanair, booked in the hold (t12)', () => {
    const out = evaluateTrip(
      {
        home_country: 'IE',
        legs: [{ mode: 'air', from: 'IE', to: 'ES', carrier: 'FR', bag: 'checked' }],
        keepsakes: [{ kind: 'ashes', container: 'stone' }],
        loved_one: { name: 'Seán', kind: 'adult', loss_country: 'IE' },
      },
      { today },
    );
    const leg = out.legs[0]!;
    expect(ids(leg.requirements)).toContain('fr-no-hold');
    expect(leg.requirements.flatMap((r) => r.rule_ids)).toContain('cont-stone-ceramic-risk');
  });

  it('Eli’s metal urn on American, booked in the hold (t33): American may not take it there, and the cabin X-ray warning', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to: 'CA', carrier: 'AA', bag: 'checked' }],
        keepsakes: [{ kind: 'ashes', container: 'metal', name: "Eli's urn" }],
        loved_one: {
          name: 'Eli',
          kind: 'infant',
          born_alive: true,
          loss_country: 'US',
          loss_region: 'US-NY',
        },
      },
      { today },
    );
    const leg = out.legs[0]!;
    const hold = requirement(out, 0, 'aa-no-hold')!;
    expect(hold.severity).toBe('warning');
    expect(leg.requirements.flatMap((r) => r.rule_ids)).toContain('cont-metal-xray-risk');
  });

  it('a hold the airline takes (British Airways) does not get the cabin warnings', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'checked' }],
        keepsakes: [{ kind: 'ashes', container: 'stone' }],
        loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'GB' },
      },
      { today },
    );
    expect(out.legs[0]!.requirements.flatMap((r) => r.rule_ids)).not.toContain('cont-stone-ceramic-risk');
  });
});

describe('Mexico’s papers for taking US certificates into Mexico (finding 6)', () => {
  it('are not asked of a US family whose Papá died in Mexico (t37)', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        purpose: 'scatter',
        legs: [
          { mode: 'air', from: 'US', to: 'MX', carrier: 'AA', bag: 'carry_on' },
          { mode: 'air', from: 'MX', to: 'US', carrier: 'AA', bag: 'carry_on', way_home: true },
        ],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Papá', kind: 'adult', loss_country: 'MX' },
        scatter: { country: 'US', region: 'US-CA', place: 'sea', ashes_come_home: false },
      },
      { today },
    );
    const all = out.legs.flatMap((leg) => leg.requirements.flatMap((r) => r.rule_ids));
    expect(all).not.toContain('mx-translations');
    expect(all).not.toContain('mx-transit-cert');
    expect(out.summary[0]!.text).not.toContain('Spanish');
  });

  it('a US family taking Grandpa from Texas still gets them, with no capital letter mid-sentence (t03)', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'AA', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'ceramic' }],
        loved_one: { name: 'Grandpa', kind: 'adult', loss_country: 'US', loss_region: 'US-TX' },
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).toContain('notarised Spanish translations of each certificate');
    expect(summary).not.toContain(', Notarised');
  });
});

describe('the usual papers for any border are a suggestion, never one of those who "ask for" a paper (finding 7)', () => {
  it('Aroha, stillborn at 21 weeks, flying Air New Zealand to Australia (t02)', () => {
    const out = evaluateTrip(
      {
        home_country: 'NZ',
        legs: [{ mode: 'air', from: 'NZ', to: 'AU', carrier: 'NZ', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: {
          name: 'Aroha',
          kind: 'pregnancy_loss',
          gestation_weeks: 21,
          born_alive: false,
          loss_country: 'NZ',
        },
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).not.toContain('the usual advice for any border');
    expect(summary).toContain('Air New Zealand suggests one');
    for (const note of out.legs[0]!.exceptions) expect(note.message).not.toContain('usual advice');
  });
});

describe('the most fragile readers: a baby before 20 weeks in New Zealand, and a dog (finding 13)', () => {
  it('Kahu, 19 weeks, weight not given (t42): no death certificate either way, said plainly, with "or else" between the two ways round', () => {
    const out = evaluateTrip(
      {
        home_country: 'NZ',
        legs: [{ mode: 'air', from: 'NZ', to: 'AU', carrier: 'NZ', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Kahu's box" }],
        loved_one: {
          name: 'Kahu',
          kind: 'pregnancy_loss',
          gestation_weeks: 19,
          born_alive: false,
          loss_country: 'NZ',
        },
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).toContain('There is no death certificate for Kahu');
    expect(summary).not.toContain('a death certificate if you have it');
    expect(summary).not.toContain('There may be no death certificate');
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(death.status).toBe('not_issued');
    // Each way round under its own case (review 8, finding 4, which replaced "Or else").
    expect(death.instead).toContain(
      "From 400 g: your baby's birth certificate, which says your baby was stillborn, with the crematorium's certificate. Under 400 g: whatever paperwork",
    );
    // The weight still decides whether there is a cremation certificate.
    expect(out.questions.map((q) => q.field)).toEqual(['birth_weight_g']);
  });

  it('Biscuit the dog (t13): no human list of papers, no funeral director’s letter, no death certificate', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'air', from: 'GB', to: 'PT', carrier: 'U2', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Biscuit' }],
        loved_ones: [{ name: 'Biscuit', kind: 'pet' }],
      },
      { today },
    );
    const summary = out.summary[0]!.text;
    expect(summary).not.toContain('funeral director');
    expect(summary).not.toContain('death certificate');
    expect(out.legs[0]!.requirements.flatMap((r) => r.rule_ids)).not.toContain('docs-standard-set');
  });
});

describe('the one named as asking is whoever the source is, each source once (finding 14)', () => {
  it('June (t34): the US Embassy in London’s advice is not "the United Kingdom" asking', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'VS', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Baby June' }],
        loved_one: {
          name: 'June',
          kind: 'pregnancy_loss',
          gestation_weeks: 19,
          loss_country: 'US',
          loss_region: 'US-NY',
        },
      },
      { today },
    );
    // Review 35, finding 2: the embassy only advises, so it never "asks for" one either.
    expect(out.summary[0]!.text).not.toContain('The US Embassy in London asks for one');
    expect(out.summary[0]!.text).not.toMatch(/The United Kingdom[^.]*ask/);
  });

  it('Tadeusz (t11): the coroner’s certificate is asked for by Poland’s mission in Ireland, not "advice for leaving Ireland"', () => {
    const out = evaluateTrip(
      {
        home_country: 'IE',
        legs: [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'EI', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Tadeusz', kind: 'adult', loss_country: 'IE' },
      },
      { today },
    );
    const coroner = out.documents.find((d) => d.title.startsWith("The coroner's certificate"))!;
    expect(coroner.asked_by).toEqual(["Poland's mission in Ireland"]);
  });

  it('Papi (t21): France’s prefect, from one source, is named once', () => {
    const out = evaluateTrip(
      {
        home_country: 'FR',
        legs: [{ mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'metal' }],
        loved_one: { name: 'Papi', kind: 'adult', loss_country: 'FR' },
      },
      { today },
    );
    const prefect = out.documents.find((d) => d.key === 'permit')!;
    // A funeral-services site telling of the prefect, never "advice for leaving France" (review 8).
    expect(prefect.asked_by).toEqual(['the prefecture (as one French funeral-services site tells it)']);
  });
});

describe('the port-of-call hint only where a ship sails on (finding 10)', () => {
  it('not on the Irish family’s sailing home (t46), nor off a car ferry before a drive (t22)', () => {
    const home = evaluateTrip(
      {
        home_country: 'IE',
        purpose: 'scatter',
        legs: [
          { mode: 'sea', from: 'IE', to: 'FR' },
          { mode: 'sea', from: 'FR', to: 'IE', way_home: true },
        ],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Mam', kind: 'adult', loss_country: 'IE' },
        scatter: { country: 'FR', place: 'sea', ashes_come_home: true },
      },
      { today },
    );
    expect(gapsOf(home, 1)).not.toContain('port of call');
    const drive = evaluateTrip(
      {
        home_country: 'GB',
        legs: [
          { mode: 'sea', from: 'GB', to: 'FR' },
          { mode: 'road', from: 'FR', to: 'CH' },
          { mode: 'road', from: 'CH', to: 'IT' },
        ],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Nonno Luigi', kind: 'adult', loss_country: 'GB' },
      },
      { today },
    );
    expect(gapsOf(drive, 0)).not.toContain('port of call');
  });
});

describe('Zion, born without signs of life at 21 weeks in Ohio, flying Delta to Jamaica (t47)', () => {
  const trip = (weeks: number) =>
    evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to: 'JM', carrier: 'DL', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Zion's box" }],
        loved_one: {
          name: 'Zion',
          kind: 'pregnancy_loss',
          gestation_weeks: weeks,
          born_alive: false,
          birth_weight_g: 380,
          loss_country: 'US',
          loss_region: 'US-OH', // New York has its own rule since review 10 (finding 4)
        },
      },
      { today },
    );

  it('says what the research says from 20 weeks (a fetal death report in most states), not "no rule"', () => {
    const out = trip(21);
    const summary = out.summary[0]!.text;
    expect(summary).not.toContain('we have no rule from our research on the papers issued after a loss');
    expect(summary).toContain(
      'There may be no death certificate for Zion: in most US states a baby born without signs of life from 20 weeks is recorded on a fetal death report rather than a death certificate, and we have no rule for Ohio itself: its vital records office can say which papers exist.',
    );
    const certificate = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(certificate.instead).toContain(
      'A copy of the fetal death report or certificate, if one was filed',
    );
    expect(certificate.rule_ids).toContain('us-fetal-death-report');
  });

  it('never turns "most states" into a flat "there is no death certificate"', () => {
    expect(trip(21).summary[0]!.text).not.toContain('There is no death certificate');
    // Below 20 weeks the rule for a loss before the threshold speaks instead.
    expect(trip(19).documents.find((d) => d.key === 'death_certificate')!.rule_ids).not.toContain(
      'us-fetal-death-report',
    );
  });
});
