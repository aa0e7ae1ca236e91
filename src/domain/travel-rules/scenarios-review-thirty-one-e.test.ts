import { describe, expect, it } from 'vitest';
import { lintRules } from './index.js';
import {
  carryingTrip,
  gapMessages,
  readTripOn,
  ruleFixture,
  ruleIdsOn,
  type TripReading,
} from './scenario-reading.js';

// Review 31 (reviewers r31a and r31b): r31b findings 1, 2 and 3, r31a finding 7.
// r31b 1: ashes scattered abroad are not carried on a leg that leaves that country before the one
// marked as the way home (scattered in Scotland, the ferry to Ireland, the flight home).
// r31b 2: a cruise that calls at Victoria and ends in Vancouver brings the ashes into Canada.
// r31b 3: landing in London and taking the Eurostar on is said with the real next country.
// r31a 7: driving through Austria and Italy to a ferry to Greece.

const today = '2026-12-07';

const papersBy = (out: TripReading): string[] => out.documents.flatMap((d) => d.asked_by);

describe('r31b finding 1: ashes scattered before the way home are left on the first leg out', () => {
  /** The reviewer's t71: a US family scatters Grandad in Scotland, sails to Ireland, flies home. */
  const t71 = {
    ...carryingTrip(
      'US',
      [
        { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' },
        { mode: 'road', from: 'GB', to: 'GB' },
        { mode: 'sea', from: 'GB', to: 'IE', carrier: 'Stena Line' },
        { mode: 'air', from: 'IE', to: 'US', carrier: 'EI', bag: 'carry_on', way_home: true },
      ],
      { name: 'Grandad', loss_region: 'US-MA', cremated_in: 'US-MA', nationality: 'GB' },
    ),
    purpose: 'scatter',
    scatter: { country: 'GB', region: 'GB-SCT', place: 'land', ashes_come_home: false },
  };

  it('the ferry to Ireland and the flight home carry nothing; Scotland is the scattering leg', () => {
    const out = readTripOn(today, t71);
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true, false, false]);
    expect(ruleIdsOn(out, 1)).toContain('gb-landowner');
    expect(ruleIdsOn(out, 2)).toEqual([]);
    expect(gapMessages(out, 2)).toEqual([]);
    expect(papersBy(out)).not.toContain('Ireland');
    expect(out.summary.map((s) => s.text).join(' ')).not.toMatch(/Ireland/);
  });

  /** The reviewer's t26: a Canadian family lands in Germany, scatters Opa in Austria, drives back. */
  it('scattered in Austria, the drive back through Germany carries nothing', () => {
    const out = readTripOn(today, {
      ...carryingTrip(
        'CA',
        [
          { mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on' },
          { mode: 'road', from: 'DE', to: 'AT' },
          { mode: 'road', from: 'AT', to: 'DE' },
          { mode: 'air', from: 'DE', to: 'CA', carrier: 'AC', bag: 'carry_on', way_home: true },
        ],
        { name: 'Opa', nationality: 'AT' },
      ),
      purpose: 'scatter',
      scatter: { country: 'AT', place: 'land', ashes_come_home: false },
    });
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true, false, false]);
    expect(gapMessages(out, 1).join(' ')).toMatch(/scattering ashes on land in Austria/);
    expect(gapMessages(out, 2)).toEqual([]);
  });

  it('a family that leaves and comes back to scatter before the way home still carries them back', () => {
    const out = readTripOn(today, {
      ...carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'FR', bag: 'carry_on' },
        { mode: 'rail', from: 'FR', to: 'BE' },
        { mode: 'rail', from: 'BE', to: 'FR' },
        { mode: 'air', from: 'FR', to: 'US', bag: 'carry_on', way_home: true },
      ]),
      purpose: 'scatter',
      scatter: { country: 'FR', place: 'land', ashes_come_home: false },
    });
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true, true, false]);
  });
});

describe('r31b finding 2: ashes set down in a country after a port of call there enter it', () => {
  /** The reviewer's t15: to Seattle, Princess calling at Victoria, ashore in Vancouver, flight home. */
  const cruise = (victoria: boolean) =>
    carryingTrip('US', [
      { mode: 'air', from: 'US', to: 'US', carrier: 'AS', bag: 'carry_on' },
      { mode: 'sea', from: 'US', to: 'CA', carrier: 'Princess', ...(victoria && { connection: true }) },
      { mode: 'sea', from: 'CA', to: 'CA', carrier: 'Princess' },
      { mode: 'air', from: 'CA', to: 'US', carrier: 'AS', bag: 'carry_on', way_home: true },
    ]);

  it('Canada’s “declare the ashes” is said where they go ashore, in Vancouver, once', () => {
    const out = readTripOn(today, cruise(true));
    expect(ruleIdsOn(out, 1)).not.toContain('ca-import-declare');
    expect(ruleIdsOn(out, 2)).toContain('ca-import-declare');
    const onLegs = out.legs.filter((leg) => leg.requirements.some((r) => r.id === 'ca-import-declare'));
    expect(onLegs.map((leg) => leg.index)).toEqual([2]);
  });

  it('without the port of call, it is said on the sailing into Canada, as before', () => {
    const out = readTripOn(today, cruise(false));
    expect(ruleIdsOn(out, 1)).toContain('ca-import-declare');
    expect(ruleIdsOn(out, 2)).not.toContain('ca-import-declare');
  });

  it('a domestic flight after an airside change of planes brings them in: Canada’s rule is on it', () => {
    const out = readTripOn(
      today,
      carryingTrip('GB', [
        { mode: 'air', from: 'GB', to: 'CA', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'CA', to: 'CA', bag: 'carry_on' },
      ]),
    );
    expect(ruleIdsOn(out, 0)).not.toContain('ca-import-declare');
    expect(ruleIdsOn(out, 1)).toContain('ca-import-declare');
  });

  it('where no rule speaks for entering, the gap is said where the ashes go ashore', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'Carnival', connection: true },
        { mode: 'sea', from: 'BS', to: 'BS', carrier: 'Carnival' },
      ]),
    );
    expect(gapMessages(out, 0).join(' ')).not.toMatch(/taking ashes into the Bahamas/);
    expect(gapMessages(out, 1).join(' ')).toMatch(/taking ashes into the Bahamas/);
  });
});

describe('r31b finding 3: landing in London and taking the Eurostar on enters the UK', () => {
  /** The reviewer's t58: Virgin to London, the Eurostar to Paris, Air France home. */
  const t58 = carryingTrip(
    'US',
    [
      { mode: 'air', from: 'US', to: 'GB', carrier: 'VS', bag: 'carry_on' },
      { mode: 'rail', from: 'GB', to: 'FR', carrier: 'Eurostar' },
      { mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on', way_home: true },
    ],
    { name: 'Dad' },
  );

  it('the US Embassy’s papers for the UK are said plainly, with no “only passing through”', () => {
    const out = readTripOn(today, t58);
    const docs = out.legs[0]!.requirements.find((r) => r.id === 'gb-from-us-docs');
    // The embassy only advises (review 35, finding 2).
    expect(docs?.severity).toBe('recommended');
    expect(docs?.for_this_family ?? '').not.toMatch(/pass through/);
    expect(gapMessages(out, 0).join(' ')).not.toMatch(/passing through the United Kingdom/);
    const letter = out.documents.find((d) => /letter from the funeral director/.test(d.title));
    expect(letter?.status).toBe('carry');
    expect(letter?.asked_by).toContain('the US Embassy in London');
  });

  it('going on to Ireland from a UK airport, where the source does not speak, the doubt stays', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'GB', bag: 'carry_on' },
        { mode: 'sea', from: 'GB', to: 'IE', carrier: 'Stena Line' },
      ]),
    );
    // The US Embassy in London only advises (review 35, finding 2), so no UK rule is weighty enough
    // for the passing-through gap; the doubt stays on its note.
    const docs = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('gb-from-us-docs'));
    expect(docs?.for_this_family).toContain(
      "If you only pass through, our sources don't say whether it does",
    );
  });

  it('passing through Germany on a London-and-Paris-like trip names France, not home', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'FR' },
        { mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(gapMessages(out, 0).join(' ')).toContain('only passing through Germany on the way to France');
    expect(out.summary[0]!.text).toContain('only pass through on the way to France');
    expect(out.summary[0]!.text).not.toContain('on the way to the United States');
  });
});

describe('r31a finding 7: driving through Austria and Italy to the ferry to Greece', () => {
  /** The reviewer's a61: from Hesse by road through Austria and Italy, Minoan Lines to Greece. */
  const a61 = {
    ...carryingTrip(
      'DE',
      [
        { mode: 'road', from: 'DE', to: 'AT' },
        { mode: 'road', from: 'AT', to: 'IT' },
        { mode: 'sea', from: 'IT', to: 'GR', carrier: 'Minoan Lines' },
      ],
      { name: 'Oma', cremated_in: 'DE-HE', nationality: 'GR' },
    ),
    purpose: 'scatter',
    scatter: { country: 'GR', place: 'sea', ashes_come_home: false },
  };

  it('Italy, only driven through to the ferry, is said as passed through, as Austria is', () => {
    const out = readTripOn(today, a61);
    const austria = out.legs[0]!.requirements.find((r) => r.id === 'at-lay-carriage');
    // Was "You only pass through …:", as if the family had said so; they may stay there a while
    // first, so both are said (review 33b, M2).
    expect(austria?.for_this_family).toMatch(
      /^If you stay in Austria, this applies to you\. If you only pass through/,
    );
    // Was "what they need when you only pass through", as if the family had said so; they may stay
    // there a while first, so whom to ask is said for either (review 33b, M2).
    // Edinburgh's page speaks for ashes from the UK, whoever the family (review 36b, finding 1).
    expect(gapMessages(out, 1)).toContain(
      'Our sources on taking ashes into Italy speak only for families who live in the United States, or for ashes going from the United Kingdom. For a family from Germany, the embassy or consulate of Italy in Germany can tell you what they need, whether you stay there or only pass through on the way to Greece; take the documents listed below with you.',
    );
  });

  it('Greece’s exit permit names the country the ashes set off from: Germany, not Italy', () => {
    const out = readTripOn(today, a61);
    const titles = out.documents.map((d) => d.title);
    expect(titles).toContain(
      "An exit permit from Germany (if you don't know what counts as one from there, the Greek consulate can say)",
    );
    expect(titles.join(' ')).not.toMatch(/country you leave|\{leaving\}/);
    const detail = out.legs[2]!.requirements.find((r) => r.id === 'gr-ashes-transfer-cert')?.detail;
    expect(detail).toContain(
      'an exit permit from the country (on your journey, Germany, where the ashes set off;',
    );
    expect(out.summary[0]!.text).toContain('an exit permit from Germany');
  });

  it('flying straight from the United States, the permit is from the United States', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [{ mode: 'air', from: 'US', to: 'GR', bag: 'carry_on' }]),
    );
    expect(out.documents.map((d) => d.title).join(' ')).toContain('An exit permit from the United States (');
  });
});

describe('r31a finding 7: "{leaving}" is named only where a journey arrives somewhere', () => {
  const faultsOf = (conditions: Record<string, unknown>) =>
    lintRules(
      [
        ruleFixture({
          id: 'xx-leaving',
          scope: 'country:GR',
          conditions,
          title: 'A sample rule',
          detail: 'An exit permit from {leaving}.',
        }),
      ],
      { today },
    ).faults.map((f) => f.message);

  it('a trip rule for arriving in Greece may say it; one for a shipment or with no "to" may not', () => {
    expect(faultsOf({ to: ['GR'] }).join(' ')).not.toMatch(/\{leaving\}/);
    expect(faultsOf({ from: ['GR'] }).join(' ')).toMatch(/says "\{leaving\}" where it cannot be named/);
    expect(faultsOf({ to: ['GR'], channel: ['shipment'] }).join(' ')).toMatch(/says "\{leaving\}"/);
  });
});
