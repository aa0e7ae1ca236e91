import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { type TripReading, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 23, findings 2, 3 and 4 (brief fix23b): Jamaica's health permit for ashes arriving by
// post; Vietnam's aviation authority on domestic flights; Vietnam's entry permit for ashes.

const today = '2026-12-07';
const trip = (raw: unknown): TripReading => readTripOn(today, raw);
const ship = (raw: unknown) => readShipmentOn(today, raw);
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const shipIds = (out: ReturnType<typeof ship>): string[] => out.requirements.flatMap((r) => r.rule_ids);
const shipGaps = (out: ReturnType<typeof ship>): string => out.gaps.map((gap) => gap.message).join(' ');

describe('2. ashes posted to Jamaica hear of the health department’s transit permit', () => {
  it('Parcelforce from the UK: the permit, as firmly as the Observer reports it, and no "no rule" gap', () => {
    const out = ship({ from: 'GB', to: 'JM', carrier: 'Parcelforce Worldwide' });
    expect(shipIds(out)).toContain('jm-health-transit-permit-post');
    const permit = out.requirements.find((r) => r.rule_ids.includes('jm-health-transit-permit-post'))!;
    expect(permit.severity).toBe('required');
    expect(permit.detail).toContain('Central Sorting Office');
    expect(permit.detail).toContain('Kingston and St Andrew Public Health Department');
    expect(shipGaps(out)).not.toContain('receiving ashes sent to Jamaica');
  });

  it('with no carrier, and from the US by USPS, the same', () => {
    for (const raw of [
      { from: 'GB', to: 'JM' },
      { from: 'US', to: 'JM', carrier: 'USPS' },
    ]) {
      const out = ship(raw);
      expect(shipIds(out)).toContain('jm-health-transit-permit-post');
      expect(shipGaps(out)).not.toContain('receiving ashes sent to Jamaica');
    }
  });

  it('the rule for parcels rests on the same report as the one for trips, and trips keep theirs', () => {
    const post = byId.get('jm-health-transit-permit-post')!;
    const flight = byId.get('jm-health-transit-permit')!;
    expect(post.source_url).toBe(flight.source_url);
    expect(post.conditions.channel).toEqual(['shipment']);
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'JM', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Grandad' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grandad', kind: 'adult', loss_country: 'GB' }],
    });
    expect(ruleIdsOn(out)).toContain('jm-health-transit-permit');
    expect(ruleIdsOn(out)).not.toContain('jm-health-transit-permit-post');
  });
});

describe('3. a domestic flight in Vietnam: the aviation authority told airlines not to ask for a health certificate', () => {
  const ong = trip({
    home_country: 'VN',
    legs: [{ mode: 'air', from: 'VN', to: 'VN', carrier: 'VN', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'ceramic', name: 'Ông' }],
    purpose: 'scatter',
    scatter: { country: 'VN', place: 'sea', ashes_come_home: false },
    loved_ones: [{ name: 'Ông', kind: 'adult', loss_country: 'VN', cremated_in: 'VN', nationality: 'VN' }],
  });

  it('no quarantine permit on the papers list or in the summary, and no conflict left to settle', () => {
    expect(ong.summary[0]!.text).not.toContain('quarantine permit');
    expect(JSON.stringify(ong.documents)).not.toContain('quarantine permit');
    expect(ruleIdsOn(ong)).not.toContain('vn-quarantine-permit');
    expect(ong.legs[0]!.conflicts).toEqual([]);
  });

  it('says what the authority told the airlines, when it was reported, and to ask the airline to be sure', () => {
    expect(ruleIdsOn(ong)).toContain('vn-caav-domestic-no-certificate');
    const rule = byId.get('vn-caav-domestic-no-certificate')!;
    expect(rule.detail).toContain('1 October 2025');
    expect(rule.detail).toContain('Civil Aviation Authority');
    expect(rule.detail).toMatch(/ask your airline/);
    expect(rule.conditions.international).toBe(false);
    expect(rule.source_date).toBe('2025-10-01');
    expect(rule.read_on).toBe('2026-12-07');
  });

  it('VietJet and Bamboo Airways flights within Vietnam hear it too', () => {
    for (const carrier of ['VJ', 'QH']) {
      const out = trip({
        home_country: 'VN',
        legs: [{ mode: 'air', from: 'VN', to: 'VN', carrier, bag: 'checked' }],
        keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Bà' }],
        purpose: 'carry',
        loved_ones: [{ name: 'Bà', kind: 'adult', loss_country: 'VN' }],
      });
      expect(ruleIdsOn(out)).toContain('vn-caav-domestic-no-certificate');
    }
  });

  it('an international Vietnam Airlines flight still hears the English page and its disagreement', () => {
    const out = trip({
      home_country: 'AU',
      legs: [{ mode: 'air', from: 'AU', to: 'VN', carrier: 'VN', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', name: 'Bà Nội' }],
      purpose: 'carry',
      loved_ones: [
        { name: 'Bà Nội', kind: 'adult', loss_country: 'AU', cremated_in: 'AU', nationality: 'VN' },
      ],
    });
    expect(ruleIdsOn(out)).toContain('vn-quarantine-permit');
    expect(ruleIdsOn(out)).not.toContain('vn-caav-domestic-no-certificate');
    expect(out.legs[0]!.conflicts.map((c) => c.message).join(' ')).toContain('Vietnam Airlines');
  });
});

describe('4. taking or sending ashes into Vietnam: the permit from a Vietnamese mission', () => {
  const baNoi = trip({
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'VN', carrier: 'VN', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'ceramic', name: 'Bà Nội' }],
    purpose: 'carry',
    loved_ones: [
      {
        name: 'Bà Nội',
        kind: 'adult',
        loss_country: 'AU',
        loss_region: 'AU-NSW',
        cremated_in: 'AU',
        nationality: 'VN',
      },
    ],
  });

  it('a family from Australia: no "no rule" gap, the permit is on the list, and whom to ask', () => {
    expect(gapMessages(baNoi).join(' ')).not.toContain(
      'We have no rule from our research for taking ashes into Vietnam',
    );
    expect(ruleIdsOn(baNoi)).toContain('vn-entry-permit');
    expect(baNoi.summary[0]!.text).toContain(
      'a permit for the ashes to enter Vietnam, got beforehand from a Vietnamese embassy or consulate',
    );
    const detail = baNoi.legs[0]!.requirements.find((r) => r.rule_ids.includes('vn-entry-permit'))!.detail;
    // Where the ashes are, wherever the family lives (Decision 1275/QĐ-BNG; review 25, finding 2).
    expect(detail).toContain('the Vietnamese embassy or consulate in the country the ashes are in');
    expect(detail).toContain('well before');
  });

  it('a family from New Zealand changing planes in Australia hears it on the leg into Vietnam', () => {
    const ba = trip({
      home_country: 'NZ',
      legs: [
        { mode: 'air', from: 'NZ', to: 'AU', carrier: 'NZ', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'AU', to: 'VN', carrier: 'VN', bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Ba' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Ba', kind: 'adult', loss_country: 'NZ', cremated_in: 'NZ', nationality: 'VN' }],
    });
    expect(ruleIdsOn(ba, 1)).toContain('vn-entry-permit');
    expect(gapMessages(ba, 1).join(' ')).not.toContain('taking ashes into Vietnam');
  });

  it('ashes sent from the US: the permit and the embassy in Washington’s list, no "no rule" gap', () => {
    const out = ship({ from: 'US', to: 'VN', carrier: 'USPS' });
    expect(shipIds(out)).toContain('vn-entry-permit');
    expect(shipIds(out)).toContain('vn-washington-permit');
    expect(shipGaps(out)).not.toContain('receiving ashes sent to Vietnam');
  });

  it('a family from the US: the People’s Committee endorsement from Vietnam, said calmly, to start early', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'VN', carrier: 'VN', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Ông Nội' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Ông Nội', kind: 'adult', loss_country: 'US' }],
    });
    const detail = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('vn-washington-permit'))!.detail;
    expect(detail).toContain("People's Committee");
    expect(detail).toContain('it helps to start early');
    // Review 26, finding 2: the list is for ashes leaving the US, whoever the family is, so whom to
    // ask is the consulate serving where the ashes are (Decision 1275/QĐ-BNG).
    expect(detail).toContain('serving where the ashes are');
  });

  it('a family from the UK hears the embassy in London’s list; one from Canada the embassy in Ottawa’s', () => {
    const from = (home: string) =>
      trip({
        home_country: home,
        legs: [{ mode: 'air', from: home, to: 'VN', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Mẹ' }],
        purpose: 'carry',
        loved_ones: [{ name: 'Mẹ', kind: 'adult', loss_country: home }],
      });
    expect(ruleIdsOn(from('GB'))).toContain('vn-london-permit');
    expect(ruleIdsOn(from('CA'))).toContain('vn-ottawa-permit');
    expect(ruleIdsOn(from('CA'))).not.toContain('vn-london-permit');
  });

  it('every new rule names its source, the source’s date or none, and the day it was read', () => {
    for (const id of [
      'vn-entry-permit',
      'vn-washington-permit',
      'vn-london-permit',
      'vn-ottawa-permit',
      'vn-caav-domestic-no-certificate',
      'jm-health-transit-permit-post',
    ]) {
      const rule = byId.get(id)!;
      expect(rule.source_url).toMatch(/^https?:\/\//);
      expect(rule.read_on).toBe('2026-12-07');
      expect(rule.rechecked_on).toBeUndefined();
    }
    expect(byId.get('vn-entry-permit')!.source_date).toBe('2011-06-20');
    expect(byId.get('vn-entry-permit')!.conditions.channel).toEqual(['trip', 'shipment']);
  });
});
