import { describe, expect, it } from 'vitest';
import { detailOn, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 25, findings 1, 2 and 7 (brief fix25a; inputs in /tmp/r25): a country crossed on the way
// home is passed through, Vietnam's permit is asked for where the ashes are, and the home-unknown
// gap says "or who are bringing ashes home after a death there".

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!.text;
const passing = (out: Out, leg = 0) => gapMessages(out, leg).find((g) => g.includes('only passing through'));

describe('finding 1: a country crossed on the way home is passed through, not visited', () => {
  // t75: a Polish family brings Dziadek home from Chicago: a flight to Frankfurt, then the train home.
  const dziadek = (home: string, from = 'US', carrier = 'UA') =>
    readTripOn(today, {
      home_country: home,
      legs: [
        { mode: 'air', from, to: 'DE', carrier, bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'PL', carrier: 'Deutsche Bahn', way_home: home === 'PL' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dziadek' }],
      purpose: 'carry',
      loved_ones: [
        { name: 'Dziadek', kind: 'adult', loss_country: from, cremated_in: from, nationality: 'PL' },
      ],
    });

  it('t75: the refusal is said with the doubt, as to a US family on the same route (t78)', () => {
    const text = summaryOf(dziadek('PL'), 'Dziadek');
    // Was "when you only pass through", as if the family had said so; they may stay there a
    // while first, so it is said as an "if" (review 33b, M2).
    expect(text).toMatch(
      /^Before anything else: our sources say Germany doesn't allow a family to carry an urn, but they speak of ashes brought into Germany, and don't say whether that applies if you only pass through on the way to Poland\./,
    );
    // Review 27, finding 12: said as its page says it, issued, with "ask them whether you need one".
    expect(text).toContain(
      "Germany's missions in the United States issue a certificate for shipping cremains; ask them whether you need one.",
    );
    expect(text).not.toContain('have ready');
  });

  it("t75: leg 1 says it is passing through, naming Germany's mission where the journey sets off", () => {
    expect(passing(dziadek('PL'))).toBe(
      "If you are only passing through Germany on the way to Poland, our sources don't say whether its rules for bringing ashes in apply to that. The embassy or consulate of Germany in the United States can tell you before you set off.",
    );
  });

  it("t75: leg 2's gap for coming home names Poland's mission in the United States, not in Germany", () => {
    const gaps = gapMessages(dziadek('PL'), 1).join('\n');
    // Review 35 (v7): Poland's embassy in Washington's permit now speaks for ashes from the US, so
    // the leg names it in place of "we have no rule … ask Poland's mission in the United States".
    expect(ruleIdsOn(dziadek('PL'), 1)).toContain('pl-washington-permit');
    expect(gaps).not.toContain('Poland in Germany');
  });

  it("t06: from Canada by Frankfurt to Poland, the Canadian missions' refusal is said with the doubt", () => {
    const out = dziadek('PL', 'CA', 'AC');
    expect(summaryOf(out, 'Dziadek')).toMatch(
      /^Before anything else: our sources say .*only pass through on the way to Poland/,
    );
    expect(passing(out)).toContain(
      'The embassy or consulate of Germany in Canada can tell you before you set off.',
    );
  });

  it('t79: a Dutch family from Canada by Frankfurt, the train home to the Netherlands', () => {
    const out = readTripOn(today, {
      home_country: 'NL',
      legs: [
        { mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'NL', carrier: 'Deutsche Bahn', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'CA', cremated_in: 'CA' }],
    });
    // Was "when you only pass through", as if the family had said so; they may stay there a
    // while first, so it is said as an "if" (review 33b, M2).
    expect(summaryOf(out, 'Oma')).toContain(
      "don't say whether that applies if you only pass through on the way to the Netherlands",
    );
    expect(passing(out)).toContain('Germany in Canada');
  });

  it('home, Germany and home again is still a visit: the refusal is said flatly', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'UA', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'US', carrier: 'UA', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dad' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    expect(summaryOf(out, 'Dad')).toMatch(
      /^Before anything else: Germany doesn't allow a family to carry an urn\./,
    );
    expect(passing(out)).toBeUndefined();
  });
});

describe("finding 2: Vietnam's permit is asked for where the ashes are; each mission's list speaks for its own country", () => {
  const trip = (home: string | null, from: string, lovedOne: Record<string, unknown>, carrier = 'VN') =>
    readTripOn(today, {
      ...(home && { home_country: home }),
      legs: [{ mode: 'air', from, to: 'VN', carrier, bag: 'carry_on', way_home: home === 'VN' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Mum' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Mum', kind: 'adult', ...lovedOne }],
    });

  it('t37: a family living in Vietnam is told to apply in the country the ashes are in, not "where you live"', () => {
    const detail = detailOn(trip('VN', 'JP', { loss_country: 'JP', cremated_in: 'JP' }), 'vn-entry-permit')!;
    expect(detail).toContain(
      'It is applied for at the Vietnamese embassy or consulate in the country the ashes are in, wherever the family lives (the most convenient one if Vietnam has none there)',
    );
    expect(detail).not.toContain('where you live');
  });

  it("t82: a UK family with ashes in France: London's list is not applied", () => {
    const out = trip('GB', 'FR', { loss_country: 'FR', cremated_in: 'FR', nationality: 'VN' }, 'AF');
    expect(ruleIdsOn(out)).toContain('vn-entry-permit');
    expect(ruleIdsOn(out)).not.toContain('vn-london-permit');
    const permit = out.documents.find((d) => d.title.startsWith('A permit for the ashes to enter Vietnam'))!;
    expect(permit.asked_by).toEqual(['Vietnam']);
  });

  it("a UK family whose mum was cremated in the UK still hears London's list", () => {
    const out = trip('GB', 'GB', { loss_country: 'GB', cremated_in: 'GB' });
    expect(ruleIdsOn(out)).toContain('vn-london-permit');
  });

  it("Ottawa's list for a Canadian family; a US family with ashes in Canada doesn't hear Washington's", () => {
    const out = trip('CA', 'CA', { loss_country: 'CA', cremated_in: 'CA' });
    expect(ruleIdsOn(out)).toContain('vn-ottawa-permit');
    const us = trip('US', 'CA', { loss_country: 'CA', cremated_in: 'CA' });
    expect(ruleIdsOn(us)).not.toContain('vn-washington-permit');
  });

  // Review 26, finding 2: Washington's list no longer waits on where the family lives (it speaks for
  // ashes leaving the US, whoever the family is), so it is said, with no home gap for Vietnam.
  it("no home, ashes in the US: Washington's list, asked where the ashes are, and no gap waiting on home", () => {
    const out = trip(null, 'US', { loss_country: 'US', cremated_in: 'US' });
    expect(ruleIdsOn(out)).toContain('vn-washington-permit');
    expect(detailOn(out, 'vn-washington-permit')).toContain('serving where the ashes are');
    expect(gapMessages(out).join('\n')).not.toContain('into Vietnam');
  });

  it("ashes posted from the UK still hear London's list", () => {
    const out = readShipmentOn(today, { from: 'GB', to: 'VN' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('vn-london-permit');
  });
});

describe('finding 7: while home is unknown, "or who are bringing ashes home after a death there"', () => {
  it('t70c: Dziadek died in Ireland; the gaps for Poland and for Ireland say so', () => {
    const out = readTripOn(today, {
      legs: [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dziadek' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Dziadek', kind: 'adult', loss_country: 'IE' }],
    });
    const gaps = gapMessages(out).join('\n');
    // Review 33b, M1: such a list also holds for a family collecting the ashes there and taking them
    // elsewhere, so the words say "taking ashes from there", not only "home".
    expect(gaps).toContain(
      'Our sources on taking ashes into Poland include some that speak only for families who live in Ireland, or who are taking ashes from there after a death there:',
    );
    expect(gaps).toContain(
      'Our sources on taking ashes out of Ireland include some that speak only for families who live in Ireland, or who are taking ashes from there after a death there:',
    );
  });

  it('t12: Spain or the United States, "after a death in one of them"', () => {
    const out = readTripOn(today, {
      legs: [{ mode: 'air', from: 'US', to: 'AR', carrier: 'AA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Papá' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Papá', kind: 'adult', loss_country: 'US' }],
    });
    // Review 33b, M1: "taking ashes from there", as these lists also hold for ashes collected there.
    // Review 34, finding 2: Argentina's consulate in Tenerife speaks for ashes leaving Spain, and
    // these set off from the United States, so a family living in Spain would not get it either:
    // only the United States is named now (this expectation named Spain too).
    expect(gapMessages(out).join('\n')).toContain(
      'speak only for families who live in the United States, or who are taking ashes from there after a death there',
    );
  });
});

describe('finding 10: where the Australian state is known, the papers name its registry', () => {
  const baby = (lovedOne: Record<string, unknown>) =>
    readTripOn(today, {
      home_country: 'AU',
      legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'QF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Isla' }],
      purpose: 'carry',
      loved_ones: [
        { name: 'Isla', kind: 'pregnancy_loss', loss_country: 'AU', cremated_in: 'AU', ...lovedOne },
      ],
    });
  const insteadOf = (out: Out) => out.documents.find((d) => d.key === 'death_certificate')!.instead ?? '';
  const summaryAndPapers = (out: Out) => `${summaryOf(out, 'Isla')}\n${insteadOf(out)}`;

  // Review 36, finding 3: the words naming "the registry … in the state where your baby was born"
  // belonged to the rule for 400 g or more before 20 weeks, which is gone: at 19 weeks South Australia's
  // law says plainly there is no registration, so no registry need be asked; the state's words are
  // still never "the state where your baby was born".
  it('t21: South Australia, 19 weeks, no weight: said plainly, never "the state where your baby was born"', () => {
    const out = baby({ loss_region: 'AU-SA', born_alive: false, gestation_weeks: 19 });
    expect(summaryAndPapers(out)).toContain(
      'in New South Wales and South Australia a baby born without signs of life before 20 weeks is not registered',
    );
    expect(summaryAndPapers(out)).not.toContain('in the state where your baby was born');
  });

  it('t33: New South Wales, nothing else given: each case said, never "the state where your baby was born"', () => {
    const out = baby({ loss_region: 'AU-NSW' });
    expect(insteadOf(out)).toContain(
      "From 20 weeks or if the weeks are not known and from 400 g: your baby's birth certificate",
    );
    expect(insteadOf(out)).not.toContain('in the state where your baby was born');
  });
});
