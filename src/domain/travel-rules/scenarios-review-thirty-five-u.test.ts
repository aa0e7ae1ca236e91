import { describe, expect, it } from 'vitest';
import { readTripOn, type TripReading } from './scenario-reading.js';

// Review 34b, the findings fixed by helper fixU (review 35, u):
// 4: Ireland's coroner's certificate (on the list of Poland's mission in Ireland) was said as a paper
// to bring for a family in Ireland whose Dad died and was cremated in Spain; a coroner in Ireland
// deals with a death in Ireland, and the mission's page doesn't say what stands in for it, so the
// family is told to ask the mission. Unsaid where he died, the family is asked.
// 5: France's prefect turns on where the urn was cremated, yet the family was asked "Where did Mum
// die?" for it; they are now asked "Where was Mum cremated?".

const today = '2026-12-07';

/** A family in Ireland flying Dad's ashes to Poland to stay. */
const dadToPoland = (said: Record<string, string>) =>
  readTripOn(today, {
    home_country: 'IE',
    purpose: 'carry',
    legs: [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Dad' }],
    loved_ones: [{ name: 'Dad', kind: 'adult', ...said }],
  });

const coroner = (out: TripReading) => out.documents.find((d) => /coroner/.test(d.title));
const coronerNote = (out: TripReading) =>
  out.legs[0]!.requirements.find((r) => r.id === 'ie-export-coroner')?.for_this_family ?? '';

describe('r34b 4: a paper issued for a death in Ireland, after a death elsewhere', () => {
  it('Dad died and was cremated in Spain: the coroner’s certificate is asked about, with the mission to ask', () => {
    const out = dadToPoland({ loss_country: 'ES', cremated_in: 'ES' });
    expect(coroner(out)?.status).toBe('ask_first');
    expect(coroner(out)?.detail).toContain('a coroner in Ireland deals with a death in Ireland');
    const summary = out.summary[0]!;
    expect(summary.text).not.toMatch(/bring[^.]*the coroner's certificate/);
    expect(summary.text).toContain(
      "ask Poland's mission in Ireland (the Polish consulate in Dublin) what to bring instead",
    );
    expect(coronerNote(out)).toMatch(/^For Dad: Poland's mission in Ireland lists the coroner's certificate/);
    expect(out.questions).toEqual([]);
  });

  it('Dad died in Ireland: the certificate is to bring, as before, and nobody is asked', () => {
    const out = dadToPoland({ loss_country: 'IE', cremated_in: 'IE' });
    expect(coroner(out)?.status).toBe('carry');
    expect(out.summary[0]!.text).toContain("the coroner's certificate allowing the ashes to leave Ireland");
    expect(coronerNote(out)).toBe('');
    expect(out.questions).toEqual([]);
  });

  it('unsaid where Dad died: the leg says what the certificate turns on, and the family is asked once', () => {
    const out = dadToPoland({});
    expect(coronerNote(out)).toContain(
      "For Dad: “The coroner's certificate allowing the ashes to leave Ireland” is issued for a death in Ireland",
    );
    const asked = out.questions.filter((q) => q.loved_one === 'Dad');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ field: 'loss_country' });
    expect(asked[0]!.message).toContain('Where did Dad die?');
    expect(asked[0]!.message).toContain("we'll say whether to bring it or whom to ask instead");
  });
});

describe('r34b 5: the prefect’s permit asks where the urn was cremated', () => {
  /** A UK family collecting Mum's ashes in France and bringing them home by ferry. */
  const collectingMum = (said: Record<string, string>) =>
    readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      collect_in: 'FR',
      legs: [
        { mode: 'sea', from: 'GB', to: 'FR', carrier: 'Brittany Ferries' },
        { mode: 'sea', from: 'FR', to: 'GB', carrier: 'Brittany Ferries', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Mum' }],
      loved_ones: [{ name: 'Mum', kind: 'adult', ...said }],
    });
  const prefect = (out: TripReading) => out.legs[1]!.requirements.find((r) => r.id === 'fr-prefect-exit');
  const askedFor = (out: TripReading, field: string) =>
    out.questions.filter((q) => q.loved_one === 'Mum' && q.field === field);

  it('nothing said: “Where was Mum cremated?” for the prefect, and “Where did Mum die?” only for what turns on it', () => {
    const out = collectingMum({});
    const cremated = askedFor(out, 'cremated_in');
    expect(cremated).toHaveLength(1);
    expect(cremated[0]!.message).toContain(
      "Where was Mum cremated? Some of what we show depends on it: “Leaving France with an urn may need the prefect's permission” applies only if Mum was cremated in France.",
    );
    for (const question of askedFor(out, 'loss_country')) expect(question.message).not.toContain('prefect');
    expect(prefect(out)?.for_this_family).toContain('This applies only if Mum was cremated in France');
    expect(prefect(out)?.for_this_family).not.toContain('died in France');
    expect(out.summary[0]!.text).toContain(
      "If Mum was cremated in France, you may also need the prefect's authorisation to take the urn out of France",
    );
  });

  it('Mum died at home, the cremation unsaid: the prefect is said with it, and the family asked', () => {
    const out = collectingMum({ loss_country: 'GB' });
    expect(prefect(out)?.rule_ids).toEqual(['fr-prefect-exit-cremated-in-france']);
    expect(prefect(out)?.for_this_family).toContain('This applies only if Mum was cremated in France');
    expect(askedFor(out, 'cremated_in')).toHaveLength(1);
    expect(askedFor(out, 'loss_country')).toEqual([]);
  });

  it('said she was cremated in France: the prefect plainly, and nobody asked about it', () => {
    const out = collectingMum({ loss_country: 'GB', cremated_in: 'FR' });
    expect(prefect(out)?.for_this_family ?? '').not.toMatch(/only if Mum/);
    expect(out.questions.map((q) => q.message).join('\n')).not.toContain('prefect');
  });
});
