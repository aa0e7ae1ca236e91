import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 33a (reviewer r33a, /tmp/r33a-keep), the findings fixed by helper fixL:
// M1: Mexico City airport's pages on "human ashes" and Aeroméxico's "human remains" page were
// applied to a dog's ashes, with a death-certificate exception for the dog.

const today = '2026-12-07';
const petTrip = (legs: readonly object[], home = 'MX') =>
  readTripOn(today, {
    home_country: home,
    purpose: 'carry',
    legs,
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Canela' }],
    loved_ones: [{ name: 'Canela', kind: 'pet', loss_country: home, cremated_in: home }],
  });

describe('M1: Mexico City airport’s and Aeroméxico’s pages speak of a person’s ashes', () => {
  it('t65: a dog’s ashes on a domestic Aeroméxico flight hear neither, and whom to ask', () => {
    const out = petTrip([{ mode: 'air', from: 'MX', to: 'MX', carrier: 'AM', bag: 'carry_on' }]);
    for (const id of ['am-box', 'mx-aicm-papers-xray', 'mx-aicm-no-sanitary-authorisation'])
      expect(ruleIdsOn(out)).not.toContain(id);
    expect(out.legs[0]!.exceptions).toEqual([]);
    expect(out.documents.map((d) => d.title)).not.toContain('Death certificate');
    expect(gapMessages(out).join('\n')).toContain(
      "Our sources on Aeroméxico speak about a person's ashes here, not a pet's. For Canela, please ask them before you fly.",
    );
  });

  it('t21: no death-certificate exception for a dog leaving Mexico on Volaris', () => {
    const out = petTrip([{ mode: 'air', from: 'MX', to: 'US', carrier: 'Y4', bag: 'checked' }]);
    expect(ruleIdsOn(out)).not.toContain('mx-aicm-papers-xray');
    expect(out.legs[0]!.exceptions.map((e) => e.message).join('\n')).not.toMatch(/death certificate/);
  });

  it('a person’s ashes still hear Mexico City airport and Aeroméxico', () => {
    const out = readTripOn(today, {
      home_country: 'MX',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'MX', to: 'MX', carrier: 'AM', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Lola' }],
      loved_ones: [{ name: 'Lola', kind: 'adult', loss_country: 'MX', cremated_in: 'MX' }],
    });
    expect(ruleIdsOn(out)).toEqual(
      expect.arrayContaining(['am-box', 'mx-aicm-papers-xray', 'mx-aicm-no-sanitary-authorisation']),
    );
  });
});

// M2: India's missions in the UK and the Netherlands say only that they issue a No Objection
// Certificate; it was listed "(suggested)", to carry.
describe('M2: India’s No Objection Certificate is said as issued, and asked about first', () => {
  const toIndia = (home: 'GB' | 'NL') =>
    readTripOn(today, {
      home_country: 'IN',
      collect_in: home,
      legs: [
        { mode: 'air', from: 'IN', to: home, carrier: 'AI' },
        { mode: 'air', from: home, to: 'IN', carrier: 'AI', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Lakshmi' }],
      purpose: 'carry',
      loved_ones: [
        { name: 'Lakshmi', kind: 'adult', loss_country: home, cremated_in: home, nationality: 'IN' },
      ],
    });

  it.each([
    [
      'GB',
      'in-london-noc',
      "India's High Commission in London and its consulates in the UK issue a No Objection Certificate for taking ashes to India, through VFS Global; ask them whether you need one",
    ],
    [
      'NL',
      'in-hague-noc',
      "India's embassy in The Hague issues a No Objection Certificate for taking ashes to India, applied for in person; ask it whether you need one",
    ],
  ] as const)(
    't08 (%s): "issues one; ask whether you need one", ask_first, never "(suggested)"',
    (home, id, said) => {
      const out = toIndia(home);
      const summary = out.summary[0]!;
      expect(summary.text).toContain(said);
      expect(summary.text).not.toMatch(/suggests carrying a No Objection Certificate/);
      expect(summary.carry.join(' ')).not.toMatch(/No Objection Certificate[^.]*\(suggested\)/);
      const noc = out.documents.find((d) => d.rule_ids.includes(id))!;
      expect(noc.status).toBe('ask_first');
      expect(noc.detail).toContain(said);
    },
  );
});
