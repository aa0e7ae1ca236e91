import { describe, expect, it } from 'vitest';
import { lintRules } from './lint.js';
import { RULES } from './load-rules.js';
import { gapMessages, readTripOn, ruleIdsOn, type TripReading } from './scenario-reading.js';

// Review 36, findings 8, 10 and 12 (fixAK): Poland and France.
// L8: scattering at sea in Poland heard "The authority that gives permission to scatter there is the
// one to ask", as if there were a permit, while our own source for `pl-no-scattering` says Poland's
// 1959 law lets ashes rest only in a cemetery. That rule stays unsaid at sea (its report speaks of a
// burial at sea only after a death aboard), so the gap says what the report says and that it does
// not say whether the law reaches the sea, with whom to ask.
// L10: `fr-scatter-nature` (a funeral firm's page, low confidence) repeated what the government's own
// guidance (`fr-scatter-declare-birthplace`) says with more detail: they share a merge_key, so the
// family hears it once, in the stronger source's words.
// L12: the prefect's authorisation to take an urn out of France was said as "the prefecture … may ask
// for it"; the prefecture issues it (`said_as`). And whom to ask named "where you live in France",
// wrong for a family living in the US: the préfecture where the cremation took place.

const today = '2026-12-07';

const scatterGap = (out: TripReading) => gapMessages(out).find((gap) => /scatter/.test(gap)) ?? '';

describe('r36 L8: scattering at sea in Poland', () => {
  const atSea = (kind: 'adult' | 'pet' = 'adult') =>
    readTripOn(today, {
      home_country: 'PL',
      purpose: 'scatter',
      scatter: { country: 'PL', place: 'sea', ashes_come_home: false },
      legs: [{ mode: 'road', from: 'PL', to: 'PL' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dziadek' }],
      loved_ones: [{ name: 'Dziadek', kind, loss_country: 'PL', cremated_in: 'PL' }],
    });

  it('says what our source says of the law, that it does not say whether it reaches the sea, and whom to ask', () => {
    const out = atSea();
    const gap = scatterGap(out);
    expect(gap).not.toContain('The authority that gives permission to scatter there');
    expect(gap).toContain(
      "Poland's 1959 law on cemeteries and burying the dead lets ashes be laid to rest only in a cemetery",
    );
    expect(gap).toContain("doesn't say whether the law allows scattering ashes at sea");
    expect(gap).toContain('a Polish funeral director');
    // The rule itself stays unsaid at sea, as its report speaks of the sea only after a death aboard.
    expect(ruleIdsOn(out)).not.toContain('pl-no-scattering');
  });

  it("a pet's ashes hear no word of a law on a person's remains", () => {
    const gap = scatterGap(atSea('pet'));
    expect(gap).not.toContain('1959');
    expect(gap).toMatch(/the authority that gives permission to scatter there is the one to ask/i);
  });

  it('lint: not_said_at is for a scattering rule, at places its scatter_place does not name', () => {
    const rule = RULES.find((r) => r.id === 'pl-no-scattering')!;
    const messages = (candidate: object) =>
      lintRules([candidate], { today })
        .faults.map((f) => f.message)
        .join('\n');
    expect(messages(rule)).not.toMatch(/not_said_at/);
    expect(messages({ ...rule, not_said_at: { ...rule.not_said_at!, places: ['land'] } })).toMatch(
      /not_said_at names land/,
    );
  });
});

describe('r36 L10: France’s rules for scattering in nature are said once', () => {
  it('a Dutch family scattering on land in France hears the government’s guidance, not a firm’s summary of it too', () => {
    const out = readTripOn(today, {
      home_country: 'NL',
      purpose: 'scatter',
      scatter: { country: 'FR', place: 'land', ashes_come_home: false },
      legs: [
        { mode: 'rail', from: 'NL', to: 'BE' },
        { mode: 'rail', from: 'BE', to: 'FR' },
        { mode: 'rail', from: 'FR', to: 'NL', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Opa' }],
      loved_ones: [{ name: 'Opa', kind: 'adult', loss_country: 'NL', cremated_in: 'NL' }],
    });
    const requirements = out.legs[1]!.requirements;
    const scattering = requirements.filter((r) => r.rule_ids.some((id) => id.startsWith('fr-scatter')));
    expect(scattering).toHaveLength(1);
    expect(scattering[0]!.id).toBe('fr-scatter-declare-birthplace');
    expect(scattering[0]!.detail).toContain('not on a public road');
    expect(scattering[0]!.source_url).toContain('agglo-paysdemeaux.fr');
    expect(requirements.map((r) => r.title)).not.toContain(
      'In France, not on public roads; in nature under conditions',
    );
  });
});

describe('r36 L12: the prefect’s authorisation is issued by the préfecture', () => {
  const grandPere = () =>
    readTripOn(today, {
      legs: [{ mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', loved_one: 'Grand-père' }],
      loved_ones: [{ name: 'Grand-père', kind: 'adult', cremated_in: 'FR' }],
    });
  const dad = () =>
    readTripOn(today, {
      home_country: 'US',
      collect_in: 'FR',
      legs: [
        { mode: 'air', from: 'US', to: 'FR', carrier: 'AF' },
        { mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dad' }],
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'FR', cremated_in: 'FR', nationality: 'US' }],
    });

  it('the summary says who issues it and whom to ask, never that the prefecture "may ask for it"', () => {
    for (const out of [grandPere(), dad()]) {
      const text = out.summary[0]!.text;
      expect(text).not.toContain('may ask for it');
      expect(text).toContain(
        "the prefect's authorisation to take the urn out of France is issued by the préfecture of the département where the cremation took place",
      );
      const permit = out.documents.find((d) => d.key === 'permit')!;
      expect(permit.status).toBe('ask_first');
      expect(permit.detail).not.toContain('may ask for it');
    }
  });

  it('a family living in the US is not sent to "where you live in France"', () => {
    const out = dad();
    const prefect = out.legs[1]!.requirements.find((r) => r.id === 'fr-prefect-exit')!;
    expect(prefect.awaiting_official).not.toContain('where you live in France');
    expect(prefect.awaiting_official).toContain(
      'the préfecture of the département where the cremation took place',
    );
  });
});
