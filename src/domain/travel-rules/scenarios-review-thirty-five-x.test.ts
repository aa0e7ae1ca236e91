import { describe, expect, it } from 'vitest';
import { carryingTrip, driveOn, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 35, the findings fixed by helper fixX:
// 1: a trip starting abroad sent the family to a crematorium where the ashes never were (Pop,
// cremated in the US, by train from Italy to France: "The crematorium or funeral director there").
// t05: after "Germany doesn't allow a family to carry an urn … The urn can be sent instead", the
// papers were still marked "carry" and the way home still X-rayed the urn.
// t33: Singapore to Malaysia by road was said to be "not joined by land … this leg crosses the sea".

const today = '2026-12-07';
const NO_EXIT_RULE = 'We have no rule from our research for taking ashes out of Italy.';
const CREMATORIUM = 'The crematorium or funeral director there can tell you';

/** t22: a US family takes the train from Italy to France with Pop's ashes, then flies home. */
const pop = (lovedOne: Record<string, unknown> = {}, home: string | null = 'US') => {
  const trip = carryingTrip(
    home ?? 'US',
    [
      { mode: 'rail', from: 'IT', to: 'FR' },
      { mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on', ...(home && { way_home: true }) },
    ],
    { name: 'Pop', loss_country: 'US', cremated_in: 'US', ...lovedOne },
  );
  if (home === null) delete trip.home_country;
  return readTripOn(today, trip);
};

describe('finding 1: the crematorium "there" is only where the ashes set off from', () => {
  it('Pop, cremated in the US, leaving Italy: Italy’s border authorities or its mission in the US, no crematorium', () => {
    const gaps = gapMessages(pop());
    expect(gaps).toContain(
      "We have no rule from our research for taking ashes out of Italy. Pop's ashes came to Italy from elsewhere, so there is no crematorium there to ask; the border authorities of Italy, or the embassy or consulate of Italy in the United States, can tell you whether anything is needed before you go.",
    );
    expect(gaps.join('\n')).not.toContain(CREMATORIUM);
  });

  it('died in the US, where he was cremated unsaid: the same', () => {
    const gaps = gapMessages(pop({ cremated_in: undefined })).join('\n');
    expect(gaps).toContain("Pop's ashes came to Italy from elsewhere");
    expect(gaps).not.toContain(CREMATORIUM);
  });

  it('where the family lives unsaid: the mission where they live', () => {
    expect(gapMessages(pop({}, null)).join('\n')).toContain(
      'the border authorities of Italy, or the embassy or consulate of Italy where you live, can tell you',
    );
  });

  it('the opposite: cremated in Italy, or nothing said of where, the crematorium there is asked as before', () => {
    for (const lovedOne of [
      { loss_country: 'IT', cremated_in: 'IT' },
      { loss_country: 'US', cremated_in: 'IT' },
      { loss_country: undefined, cremated_in: undefined },
    ]) {
      const gaps = gapMessages(pop(lovedOne)).join('\n');
      expect(gaps).toContain(`${NO_EXIT_RULE} ${CREMATORIUM}`);
      expect(gaps).not.toContain('from elsewhere');
    }
  });

  it('the opposite: collected in Italy, the funeral director there is asked', () => {
    const out = readTripOn(today, {
      ...carryingTrip(
        'US',
        [
          { mode: 'air', from: 'US', to: 'IT', carrier: 'AZ' },
          { mode: 'rail', from: 'IT', to: 'FR' },
        ],
        { name: 'Pop', loss_country: 'US', cremated_in: 'US' },
      ),
      collect_in: 'IT',
    });
    expect(gapMessages(out, 1).join('\n')).toContain(`${NO_EXIT_RULE} ${CREMATORIUM}`);
  });
});

/** t05: a family in South Africa flies to Germany with Oma's urn, and home again. */
const oma = () =>
  readTripOn(
    today,
    carryingTrip(
      'ZA',
      [
        { mode: 'air', from: 'ZA', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'ZA', carrier: 'LH', way_home: true },
      ],
      { name: 'Oma', nationality: 'DE' },
    ),
  );

describe('t05: an urn sent instead takes its papers with it, and the way home carries none', () => {
  it('the refusal and the certificate are said on the way there', () => {
    const out = oma();
    expect(ruleIdsOn(out, 0)).toEqual(
      expect.arrayContaining([
        'de-no-private-from-south-africa',
        'de-south-africa-urn-cert-from-south-africa',
      ]),
    );
    expect(out.summary[0]!.text).toContain('The urn can be sent instead');
  });

  it('the papers are for sending the urn, never "carry"', () => {
    const papers = oma().documents;
    expect(papers.find((d) => d.key === 'consular_certificate')?.status).toBe('for_sending');
    expect(papers.map((d) => d.status)).not.toContain('carry');
  });

  it('the way home carries no urn: no X-ray, and why is said', () => {
    const home = oma().legs[1]!;
    expect(home.requirements.map((r) => r.id)).not.toContain('container-xray');
    expect(home.carries_ashes).toBe(false);
    expect(home.requirements).toEqual([]);
    expect(home.gaps.map((g) => g.message)).toEqual([
      'If the urn is sent to Germany instead, as said above, it does not travel with you, so there is nothing to carry on this part of the journey.',
    ]);
  });

  it('the opposite: a way home from France still carries the urn, and its papers are carried', () => {
    const out = readTripOn(
      today,
      carryingTrip('ZA', [
        { mode: 'air', from: 'ZA', to: 'FR', carrier: 'AF', bag: 'carry_on' },
        { mode: 'air', from: 'FR', to: 'ZA', carrier: 'AF', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(out.legs[1]!.carries_ashes).toBe(true);
    expect(ruleIdsOn(out, 1)).toContain('af-policy');
    expect(out.documents.map((d) => d.status)).toContain('carry');
    expect(out.documents.map((d) => d.status)).not.toContain('for_sending');
  });
});

describe('t33: a causeway or bridge between two countries is an ordinary drive', () => {
  const NO_LAND = /not joined by land|share no land border/;

  it('Singapore to Malaysia and back (the Causeway, the Second Link): nothing about the sea', () => {
    expect(gapMessages(driveOn(today, 'SG', 'MY')).join('\n')).not.toMatch(NO_LAND);
    expect(gapMessages(driveOn(today, 'MY', 'SG')).join('\n')).not.toMatch(NO_LAND);
  });

  it('Denmark to Sweden (the Øresund Bridge): nothing about the sea', () => {
    expect(gapMessages(driveOn(today, 'DK', 'SE')).join('\n')).not.toMatch(NO_LAND);
  });

  it('Singapore to Thailand goes through Malaysia, and says so; the United States to Japan still crosses the sea', () => {
    expect(gapMessages(driveOn(today, 'SG', 'TH')).join('\n')).toContain(
      'Singapore and Thailand share no land border, so this drive goes through another country on the way',
    );
    expect(gapMessages(driveOn(today, 'US', 'JP')).join('\n')).toContain(
      'The United States and Japan are not joined by land',
    );
  });
});
