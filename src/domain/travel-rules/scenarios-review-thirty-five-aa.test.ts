import { describe, expect, it } from 'vitest';
import { gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 35 (reviewer r35, /tmp/r35), finding 5 (medium), t06: a family living in Germany drove to
// the Netherlands to collect Opa (he died and was cremated there) and drove him home. They heard
// "the border authorities of Germany can tell you", though what matters is Germany's burial law (its
// missions say an urn goes to a funeral home or a cemetery administration there, never to a family),
// and a drive from a neighbour may pass no one to ask. Now the open question is said, and those who
// receive an urn in Germany are the ones to ask. Germany's embassy in Denmark says it for ashes from
// Denmark, so that journey now hears it as a rule. And (low) the Austrian funeral director's warning
// sent an Austrian family home from Italy to "the embassy or consulate of Austria in Italy": now
// Austria's own border authorities, before they set off, as for any family coming home.

const today = '2026-12-07';

/** A family in Germany driving to `there` to collect Opa, who died and was cremated there, and home. */
const collectingOpa = (there: string) =>
  readTripOn(today, {
    home_country: 'DE',
    purpose: 'carry',
    collect_in: there,
    legs: [
      { mode: 'road', from: 'DE', to: there },
      { mode: 'road', from: there, to: 'DE', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Opa' }],
    loved_ones: [{ name: 'Opa', kind: 'adult', loss_country: there, cremated_in: there, nationality: 'DE' }],
  });

describe('r35 5: driving Opa home to Germany from a neighbour', () => {
  it('from the Netherlands, the family hears the open question and asks a funeral home or cemetery in Germany', () => {
    const gaps = gapMessages(collectingOpa('NL'), 1);
    const entry = gaps.find((gap) => gap.startsWith('Our sources on taking ashes into Germany'));
    expect(entry).toContain(
      'Those sources say an urn coming into Germany goes to a funeral home or a cemetery administration there, not to a family; whether that holds for ashes you bring home from the Netherlands yourselves, none of them says.',
    );
    expect(entry).toContain(
      'A funeral home or a cemetery administration in Germany can tell you before you set off whether it does',
    );
    expect(entry).not.toContain('border authorities');
    // Leaving the Netherlands, where Opa was cremated, the crematorium there is still the one to ask.
    expect(gaps).toContain(
      'We have no rule from our research for taking ashes out of the Netherlands. The crematorium or funeral director there can tell you whether anything is needed before you go.',
    );
  });

  it('from Denmark, Germany’s embassy there says the urn is not carried by a family but sent', () => {
    const out = collectingOpa('DK');
    expect(ruleIdsOn(out, 1)).toContain('de-no-private-from-denmark');
    expect(out.summary[0]!.text).toContain("Germany doesn't allow a family to carry an urn");
    expect(out.documents.every((doc) => doc.status === 'for_sending')).toBe(true);
  });

  it('an urn sent from Denmark to Germany goes to a funeral home or cemetery administration there', () => {
    const out = readShipmentOn(today, { from: 'DK', to: 'DE' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('de-no-private-recipient-from-denmark');
  });

  it('a pet’s ashes, or a German urn coming back, are not asked about at a funeral home', () => {
    const back = readTripOn(today, {
      home_country: 'DE',
      purpose: 'carry',
      legs: [
        { mode: 'road', from: 'DE', to: 'NL' },
        { mode: 'road', from: 'NL', to: 'DE', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Rex' }],
      loved_ones: [{ name: 'Rex', kind: 'pet', loss_country: 'NL', cremated_in: 'NL' }],
    });
    expect(gapMessages(back, 1).join(' ')).not.toContain(
      'funeral home or a cemetery administration in Germany',
    );
  });
});

describe('r35 aa: Austria’s lay-carriage warning, coming home from Italy', () => {
  it('names Austria’s border authorities before setting off, not its embassy in Italy', () => {
    const out = readTripOn(today, {
      home_country: 'AT',
      purpose: 'carry',
      collect_in: 'IT',
      legs: [
        { mode: 'air', from: 'AT', to: 'IT' },
        { mode: 'air', from: 'IT', to: 'AT', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Oma' }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'IT', cremated_in: 'IT' }],
    });
    const warning = out.legs[1]!.requirements.find((r) => r.rule_ids.includes('at-lay-carriage'));
    expect(warning?.detail).toContain('please ask the border authorities of Austria before you set off');
    expect(warning?.detail).not.toContain('in Italy');
  });

  it('a family from elsewhere going to Austria still asks Austria’s mission where they live', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'AT' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nan' }],
      loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    const warning = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('at-lay-carriage'));
    expect(warning?.detail).toContain('please ask the embassy or consulate of Austria in the United Kingdom');
  });
});
