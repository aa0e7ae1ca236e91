import { describe, expect, it } from 'vitest';
import { iataAirlineName } from './iata-airlines.js';
import { joinPapers } from './ordering.js';
import { detailOn, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 35, the low findings on words fixed by helper fixZ:
// t25: "asks for an international extract of the death register; and the crematorium's declaration
// of cremation, in English": a semicolon broke a list of two whose only comma was in the last paper.
// t27: a domestic LATAM flight in Brazil heard "LATAM suggests carrying …" with no "For Vovô", and
// la-docs spoke of "a flight to another country" on a flight within Brazil.
// t42: LOT Polish Airlines was "the airline flying as LO".
// t17: for Rex, a dog: "There may be no death certificate for Rex: a pet may have none."

const today = '2026-12-07';

/** t25: a Dutch family flies Opa's ashes to Indonesia on KLM, to scatter them at sea. */
const opa = () =>
  readTripOn(today, {
    home_country: 'NL',
    purpose: 'scatter',
    scatter: { country: 'ID', place: 'sea', ashes_come_home: false },
    legs: [
      { mode: 'air', from: 'NL', to: 'ID', carrier: 'KL', bag: 'carry_on' },
      { mode: 'air', from: 'ID', to: 'NL', carrier: 'KL', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Opa' }],
    loved_ones: [{ name: 'Opa', kind: 'adult', loss_country: 'NL', cremated_in: 'NL', nationality: 'NL' }],
  });

/** t27: a family in Brazil flies Vovô's ashes within Brazil on LATAM, to scatter them at sea. */
const vovo = () =>
  readTripOn(today, {
    home_country: 'BR',
    purpose: 'scatter',
    scatter: { country: 'BR', place: 'sea', ashes_come_home: false },
    legs: [
      { mode: 'air', from: 'BR', to: 'BR', carrier: 'LA', bag: 'carry_on' },
      { mode: 'air', from: 'BR', to: 'BR', carrier: 'LA', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Vovô' }],
    loved_ones: [{ name: 'Vovô', kind: 'adult', loss_country: 'BR', cremated_in: 'BR' }],
  });

/** t42: a family in Canada flies to Germany, takes the train to Poland and flies home on LOT. */
const baba = () =>
  readTripOn(today, {
    home_country: 'CA',
    purpose: 'carry',
    legs: [
      { mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on', connection: false },
      { mode: 'rail', from: 'DE', to: 'PL' },
      { mode: 'air', from: 'PL', to: 'CA', carrier: 'LO', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Baba' }],
    loved_ones: [
      {
        name: 'Baba',
        kind: 'adult',
        loss_country: 'CA',
        loss_region: 'CA-ON',
        cremated_in: 'CA',
        nationality: 'PL',
      },
    ],
  });

/** t17: a family in South Africa flies Rex's ashes to the UK and back on British Airways. */
const rex = () =>
  readTripOn(today, {
    home_country: 'ZA',
    purpose: 'carry',
    legs: [
      { mode: 'air', from: 'ZA', to: 'GB', carrier: 'BA', bag: 'carry_on' },
      { mode: 'air', from: 'GB', to: 'ZA', carrier: 'BA', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Rex' }],
    loved_ones: [{ name: 'Rex', kind: 'pet', loss_country: 'ZA' }],
  });

describe('t25: a list of papers is broken by semicolons only where a comma could be misread', () => {
  it("Indonesia's embassy in The Hague asks for two papers, joined by a plain 'and'", () => {
    const text = opa().summary[0]!.text;
    expect(text).toContain(
      "Indonesia's embassy in The Hague asks for an international extract of the death register and the crematorium's declaration of cremation, in English.",
    );
    expect(text).toContain(
      'For Opa, bring a death certificate, a cremation certificate, a letter from the crematorium or funeral director and whatever Indonesia’s embassy in The Hague gives you when you apply, before you travel.',
    );
    expect(text).not.toContain('; and');
  });

  it('a comma before the last paper still keeps each paper apart (review 22, finding 11)', () => {
    expect(joinPapers(['the death register', 'the declaration, in English'])).toBe(
      'the death register and the declaration, in English',
    );
    expect(joinPapers(['a permit, apostilled', 'a certificate'])).toBe(
      'a permit, apostilled; and a certificate',
    );
    expect(joinPapers(['a', 'b, translated', 'c'])).toBe('a; b, translated; and c');
    // A paper's own "and" is no end of the list either (Greece's translations, review 34, M4).
    expect(
      joinPapers(['translations of the certificate and the permit', 'a certificate, from the consulate']),
    ).toBe('translations of the certificate and the permit; and a certificate, from the consulate');
  });
});

describe('t27: LATAM within Brazil', () => {
  it("the summary says whom LATAM's suggestion is for", () => {
    expect(vovo().summary[0]!.text).toBe(
      'For Vovô, LATAM suggests carrying a death certificate and a cremation certificate.',
    );
  });

  it('no word of a flight to another country, or its consulate, on a flight within Brazil', () => {
    const out = vovo();
    expect(detailOn(out, 'la-docs')).toBe(
      "LATAM says carrying ashes is subject to each country's rules, so you could need these papers among others.",
    );
    expect(ruleIdsOn(out, 0)).not.toContain('la-consulate');
  });

  it("flying to another country, LATAM's word to ask that country's consulate is said", () => {
    const out = readTripOn(today, {
      home_country: 'AR',
      legs: [{ mode: 'air', from: 'AR', to: 'CL', carrier: 'LA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    });
    expect(detailOn(out, 'la-consulate')).toBe(
      "For a flight to another country, LATAM recommends asking that country's consulate what it asks for.",
    );
  });
});

describe('t42: an airline code whose name the newer list cut short is named', () => {
  it('the flight home on LO is LOT Polish Airlines, never "the airline flying as LO"', () => {
    const gaps = gapMessages(baba(), 2).join('\n');
    expect(gaps).toContain('We have no rule from our research for LOT Polish Airlines yet.');
    expect(gaps).not.toContain('flying as LO');
  });

  it.each([
    ['LO', 'LOT Polish Airlines'],
    ['Q5', '40-Mile Air'],
    ['RJ', 'Royal Jordanian'],
    ['JU', 'Air Serbia'],
  ])('%s is %s', (code, name) => {
    expect(iataAirlineName(code)).toBe(name);
  });
});

describe('t17: a pet has no death certificate, said plainly', () => {
  it("Rex's summary says there is none, and why, with no hedge", () => {
    const summary = rex().summary[0]!;
    expect(summary.text).toContain(
      "There is no death certificate for Rex: a pet's death isn't registered as a person's is. British Airways may ask for one, so it may help to tell them before you travel.",
    );
    expect(summary.text).not.toMatch(/may be no|may have none/);
    expect(summary.carry).toEqual([
      'A certificate or letter from the pet crematorium saying what the container holds. It helps to ask ahead what will be accepted.',
    ]);
  });

  it('what stands in for it is said with the paper it stands in for (Max, on Emirates)', () => {
    const out = readTripOn(today, {
      home_country: 'AE',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'AE', to: 'GB', carrier: 'EK', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Max' }],
      loved_ones: [{ name: 'Max', kind: 'pet', loss_country: 'AE' }],
    });
    expect(out.summary[0]!.text).toBe(
      "For Max, carry a cremation certificate, which Emirates accepts in place of a death certificate. There is no death certificate for Max: a pet's death isn't registered as a person's is.",
    );
  });

  it('the leg says it the same way', () => {
    const out = rex();
    expect(out.legs[0]!.exceptions.map((e) => e.message)).toContain(
      "British Airways may ask for a death certificate. There isn't one for Rex: a pet's death isn't registered as a person's is. The papers list says what to carry instead, and it may help to let British Airways know before you travel.",
    );
    expect(out.documents.find((d) => d.key === 'death_certificate')?.status).toBe('not_issued');
  });
});
