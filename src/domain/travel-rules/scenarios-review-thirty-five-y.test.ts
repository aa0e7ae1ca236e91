import { describe, expect, it } from 'vitest';
import { lintRules } from './lint.js';
import { RULES } from './load-rules.js';
import { carryingTrip, gapMessages, readTripOn, ruleFixture, ruleIdsOn } from './scenario-reading.js';

// Review 35, the findings fixed by helper fixY (what a mission's page speaks for):
// 2: the US Embassy in London only advises Americans on taking ashes into the UK; it checks no
// papers, so it never "asks for" one and is never someone to "let know".
// 3: India's missions in Canada (its High Commission in Ottawa, its consulates in Toronto and
// Vancouver) each issue the certificate for carrying ashes to India, which the High Commission says
// is required: the family hears it as required, from the one serving their part of Canada.
// 6: Japan's embassy in Canada speaks of remains going from Canada to Japan; a family in Singapore
// visiting Japan with Ethan's ashes is never told to bring papers "for burial in Japan".

const today = '2026-12-07';
const byId = new Map(RULES.map((rule) => [rule.id, rule]));

describe('finding 2: a mission’s advice page never asks for a paper, and is nobody to let know', () => {
  /** t47: a family in New York flies Mom and Baby Grace (stillborn, 26 weeks) to scatter in England. */
  const out = readTripOn(today, {
    home_country: 'US',
    purpose: 'scatter',
    scatter: { country: 'GB', region: 'GB-ENG', place: 'river_or_lake', ashes_come_home: false },
    legs: [
      { mode: 'air', from: 'US', to: 'GB', carrier: 'VS', bag: 'carry_on' },
      { mode: 'air', from: 'GB', to: 'US', carrier: 'VS', way_home: true },
    ],
    keepsakes: [
      { kind: 'ashes', container: 'biodegradable', loved_one: 'Mom' },
      { kind: 'ashes', container: 'biodegradable', loved_one: 'Baby Grace' },
    ],
    loved_ones: [
      { name: 'Mom', kind: 'adult', loss_country: 'US', loss_region: 'US-NY', cremated_in: 'US' },
      {
        name: 'Baby Grace',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 26,
        birth_weight_g: 800,
        loss_country: 'US',
        loss_region: 'US-NY',
        cremated_in: 'US',
      },
    ],
  });
  const grace = out.summary.find((s) => s.loved_one === 'Baby Grace')!.text;

  it('the summary never says the embassy asks, nor to tell it', () => {
    expect(grace).not.toContain('The US Embassy in London asks for');
    expect(grace).not.toMatch(/let the US Embassy in London|tell the US Embassy in London/);
    expect(grace).toContain(
      'Virgin Atlantic may ask for one, so it may help to tell them before you travel.',
    );
  });

  it('the leg reads as the embassy’s advice, and whom to tell is never the embassy', () => {
    const uk = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('gb-from-us-docs'))!;
    expect(uk.severity).toBe('recommended');
    expect(uk.detail).toMatch(/^The US Embassy in London advises/);
    const notes = out.legs[0]!.requirements.map((r) => r.for_this_family ?? '').join(' ');
    expect(notes).not.toContain('let the US Embassy in London');
    const papers = out.documents.filter((d) => d.asked_by.includes('the US Embassy in London'));
    for (const paper of papers) expect(paper.detail).not.toContain('Asked for by the US Embassy in London');
  });

  it('lint refuses a mission’s advice that "requires", or advice with nobody named as speaking', () => {
    const advice = (fields: Record<string, unknown>) =>
      lintRules(
        [
          {
            ...ruleFixture({
              id: 'xx-advice',
              scope: 'country:GB',
              conditions: { to: ['GB'], from: ['US'] },
              title: 'An embassy’s advice',
              detail: 'An embassy advises carrying a death certificate.',
            }),
            only_advises: true,
            ...fields,
          },
        ],
        { today },
      ).faults.map((f) => f.message);
    expect(advice({ speaker: 'the US Embassy in London', severity: 'required' }).join(' ')).toMatch(
      /only_advises/,
    );
    expect(advice({ severity: 'recommended' }).join(' ')).toMatch(/only_advises/);
    expect(advice({ speaker: 'the US Embassy in London', severity: 'recommended' })).toEqual([]);
  });
});

describe('finding 3: India’s missions in Canada require their certificate, from the one serving you', () => {
  /** t26: a Canadian family carries Bapuji, an Indian national, to India on Air India. */
  const out = readTripOn(
    today,
    carryingTrip('CA', [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AI', bag: 'carry_on' }], {
      name: 'Bapuji',
      nationality: 'IN',
    }),
  );
  const summary = out.summary[0]!.text;

  it('the summary says to bring it, from the mission for their part of Canada, naming all three', () => {
    expect(summary).not.toContain('whether you also need a certificate');
    expect(summary).toContain(
      "and a certificate for carrying the ashes from India's mission for your part of Canada (its High Commission in Ottawa, or its consulate in Toronto or Vancouver)",
    );
    const certificate = out.documents.find((d) => d.key === 'consular_certificate')!;
    expect(certificate.asked_by).toEqual(["India's missions in Canada"]);
    expect(certificate.detail).toContain("Asked for by India's missions in Canada");
    expect(certificate.status).not.toBe('ask_first');
  });

  it('each mission’s own list is still its own, asked about first', () => {
    expect(summary).toContain("India's consulate in Vancouver may ask for");
    expect(ruleIdsOn(out)).toEqual(
      expect.arrayContaining(['in-canada-certificate', 'in-ottawa-certificate', 'in-vancouver']),
    );
  });
});

describe('finding 6: Japan’s embassy in Canada speaks for remains going from Canada', () => {
  /** t11: a family in Singapore carries Ethan's ashes to Japan and home again. */
  const ethan = readTripOn(
    today,
    carryingTrip(
      'SG',
      [
        { mode: 'air', from: 'SG', to: 'JP', carrier: 'SQ', bag: 'carry_on' },
        { mode: 'air', from: 'JP', to: 'SG', carrier: 'SQ', way_home: true },
      ],
      { name: 'Ethan', kind: 'infant', born_alive: true, gestation_weeks: 24 },
    ),
  );

  it('a family in Singapore hears no burial papers, and whom the embassy speaks for', () => {
    const words = ethan.legs.flatMap((leg) => leg.requirements.map((r) => r.detail)).join(' ');
    expect(words).not.toContain('For burial in Japan');
    expect(ruleIdsOn(ethan, 0)).not.toContain('jp-declare');
    expect(gapMessages(ethan, 0).join(' ')).toContain(
      'Our sources on taking ashes into Japan speak only for families who live in Canada. For a family from Singapore, the embassy or consulate of Japan in Singapore can tell you what they need',
    );
  });

  it('a family in Canada burying Oma in Japan still hears the embassy, and the burial papers', () => {
    const out = readTripOn(
      today,
      carryingTrip('CA', [{ mode: 'air', from: 'CA', to: 'JP', carrier: 'AC', bag: 'carry_on' }], {
        name: 'Oma',
      }),
    );
    expect(ruleIdsOn(out)).toEqual(expect.arrayContaining(['jp-declare', 'jp-burial-papers']));
  });

  it('a family in Canada visiting Japan and bringing the urn home hears no burial papers', () => {
    const out = readTripOn(
      today,
      carryingTrip('CA', [
        { mode: 'air', from: 'CA', to: 'JP', carrier: 'AC', bag: 'carry_on' },
        { mode: 'air', from: 'JP', to: 'CA', carrier: 'AC', way_home: true },
      ]),
    );
    expect(ruleIdsOn(out)).toContain('jp-declare');
    expect(ruleIdsOn(out)).not.toContain('jp-burial-papers');
  });

  it('lint refuses a rule from a mission’s own site that says for whom neither by home, ashes_from nor from', () => {
    const fixture = (conditions: Record<string, unknown>) =>
      lintRules(
        [
          {
            ...ruleFixture({
              id: 'xx-mission',
              scope: 'country:JP',
              conditions,
              title: 'Japan: a mission’s note',
              detail: "Japan's embassy in Canada says to declare the ashes.",
            }),
            severity: 'recommended',
            source_url: 'https://www.ca.emb-japan.go.jp/itpr_ja/ryoji_shoumei-ikotsu.html',
            speaker: "Japan's embassy in Canada",
          },
        ],
        { today },
      ).faults.map((f) => f.message);
    expect(fixture({ to: ['JP'] }).join(' ')).toMatch(/speaks for the families where it serves/);
    expect(fixture({ to: ['JP'], ashes_from: ['CA'] }).join(' ')).not.toMatch(
      /speaks for the families where it serves/,
    );
    expect(byId.get('jp-declare')!.conditions.ashes_from).toEqual(['CA']);
  });
});
