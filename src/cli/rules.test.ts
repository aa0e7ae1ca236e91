import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAVEL_INPUT_MAX_BYTES } from '../contracts/travel-rules.js';
import { travelRulesOutputSchema, shipmentOutputSchema } from '../contracts/travel-rules.js';
import { runCli } from './run.js';

// The `alongside rules …` commands as a person runs them: a file in, JSON or kind words out, and
// an exit code a script can rely on (0 done, 1 failed, 2 bad input).

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
function file(content: string | object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cli-')), 'input.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const trip = {
  legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry-on' }],
  keepsakes: [{ kind: 'ashes', container: 'wood' }],
  loved_one: {
    name: 'Jack',
    kind: 'pregnancy_loss',
    gestation_weeks: 20,
    born_alive: false,
    loss_country: 'GB',
  },
};

describe('alongside rules check', () => {
  it('answers a trip with the engine’s output, summary first', async () => {
    const { code, out } = await run('rules', 'check', file(trip));
    expect(code).toBe(0);
    const answer = travelRulesOutputSchema.parse(JSON.parse(out));
    expect(Object.keys(JSON.parse(out))[0]).toBe('summary');
    expect(answer.summary[0]!.text).toMatch(/^For Jack, carry/);
    expect(answer.legs[0]!.requirements[0]).toMatchObject({ rechecked_on: null, stale: true });
  });

  it.each([
    [{ ...trip, legs: [{ ...trip.legs[0], to: 'XX' }] }, 'legs.0.to: "XX" is not a country code we know'],
    [{ ...trip, legs: [{ ...trip.legs[0], to: 'EU' }] }, 'legs.0.to: "EU" is reserved for European Union'],
    [{ ...trip, legs: [{ ...trip.legs[0], carrier: 'ZZ' }] }, `We don't know an airline with the code "ZZ"`],
    // Review 8, finding 9 (m21, m22): places where nobody lives have nobody to ask.
    [{ ...trip, legs: [{ ...trip.legs[0], to: 'AQ' }] }, 'legs.0.to: "AQ" is Antarctica, where nobody lives'],
    [{ ...trip, home_country: 'AQ' }, 'home_country: "AQ" is Antarctica, where nobody lives'],
    [
      { ...trip, legs: [{ ...trip.legs[0], to: 'BV' }] },
      'legs.0.to: "BV" is Bouvet Island, where nobody lives',
    ],
    [
      { ...trip, legs: [{ ...trip.legs[0], to: 'HM' }] },
      'legs.0.to: "HM" is Heard Island and McDonald Islands, where nobody lives',
    ],
  ])('refuses unknown codes, naming the field (exit 2)', async (input, problem) => {
    const { code, out, err } = await run('rules', 'check', file(input));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(problem);
  });

  it('refuses a file larger than a trip could be, without reading it whole', async () => {
    const big = file(`{"legs": [${' '.repeat(TRAVEL_INPUT_MAX_BYTES)}]}`);
    const { code, err } = await run('rules', 'check', big);
    expect(code).toBe(2);
    expect(err).toContain('it is larger than 256 KB');
  });

  it('says an empty file is empty, not what the JSON parser says of it (review 19, finding 8)', async () => {
    for (const empty of ['', '  \n']) {
      const { code, err } = await run('rules', 'check', file(empty));
      expect(code).toBe(2);
      expect(err).toMatch(
        /: the file is empty\. Please check it is the right file, and that it was saved\.\n$/,
      );
      expect(err).not.toMatch(/JSON input/);
    }
  });

  it('says kindly when the file is not JSON, or not there', async () => {
    expect((await run('rules', 'check', file('{not json'))).err).toMatch(/it is not valid JSON/);
    expect((await run('rules', 'check', '/no/such/file.json')).err).toBe(
      '/no/such/file.json: there is no file by that name here. Please check the name and the folder.\n',
    );
    expect((await run('rules', 'check', tmpdir())).err).toContain('that is a folder, not a file.');
    expect((await run('rules', 'check')).code).toBe(2);
  });

  it('reads a file saved with a byte-order mark, as some editors save them', async () => {
    const { code } = await run('rules', 'check', file(`\uFEFF${JSON.stringify(trip)}`));
    expect(code).toBe(0);
  });

  it('refuses a file that is not UTF-8 (m36: "José" saved in Latin-1), naming the line, never garbling the name', async () => {
    const latin1 = Buffer.from(
      '{"legs":[{"mode":"air","from":"GB","to":"ES"}],\n"keepsakes":[{"kind":"ashes","container":"wood"}],\n"loved_one":{"name":"Jos\u00e9","kind":"adult"}}',
      'latin1',
    );
    const path = file('');
    writeFileSync(path, latin1);
    const { code, out, err } = await run('rules', 'check', path);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('it is not saved as UTF-8 text, so a letter on line 3 cannot be read');
    expect(err).not.toContain('\uFFFD');
  });

  it('reads the same name saved as UTF-8 (the opposite mistake)', async () => {
    const { code, out } = await run(
      'rules',
      'check',
      file({ ...trip, loved_one: { name: 'José', kind: 'adult' } }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).summary[0].loved_one).toBe('José');
  });

  it('"rules help" shows the commands instead of calling help an unknown command', async () => {
    const { code, out } = await run('rules', '--help');
    expect(code).toBe(0);
    expect(out).toContain('rules check FILE');
  });
});

describe('alongside rules ship', () => {
  it('posting ashes to Germany: Germany will not release an urn to a private person', async () => {
    const { code, out } = await run('rules', 'ship', file({ from: 'US', to: 'DE', carrier: 'USPS' }));
    expect(code).toBe(0);
    const answer = shipmentOutputSchema.parse(JSON.parse(out));
    expect(answer.requirements.find((r) => r.id === 'de-no-private-recipient')).toMatchObject({
      severity: 'warning',
      title: 'Germany does not release an urn to a private person',
    });
  });

  it('a destination we know nothing about is said plainly', async () => {
    const { out } = await run('rules', 'ship', file({ from: 'US', to: 'BR', carrier: 'USPS' }));
    expect(JSON.parse(out).gaps.map((g: { message: string }) => g.message)).toContain(
      'We have no rule from our research for receiving ashes sent to Brazil yet. The embassy or consulate of Brazil in the United States can tell you what they need before you send anything.',
    );
  });

  it('refuses a bad shipment, naming the field', async () => {
    const { code, err } = await run('rules', 'ship', file({ from: 'US', to: 'ZZ' }));
    expect(code).toBe(2);
    expect(err).toContain('to: "ZZ" is not a country code we know');
  });

  // Review 12, finding 10 (m14): the first "legs" was dropped without a word.
  it('refuses a file that gives a key twice, naming it (exit 2)', async () => {
    const twice =
      '{"legs":[{"mode":"air","from":"GB","to":"FR"}],"keepsakes":[{"kind":"ashes","container":"plastic"}],"legs":[{"mode":"air","from":"US","to":"FR"}]}';
    const { code, out, err } = await run('rules', 'check', file(twice));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('  legs: this is given twice; please keep one');
    const shipment = await run('rules', 'ship', file('{"from":"GB","to":"US","to":"FR"}'));
    expect(shipment.code).toBe(2);
    expect(shipment.err).toContain('  to: this is given twice');
  });
});

describe('alongside rules lint', () => {
  it('passes on the real data, warning (never failing) that no rule has been re-checked by a person', async () => {
    const { code, out, err } = await run('rules', 'lint');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^warning: \d+ of \d+ rule\(s\) are stale: \d+ never re-checked by a person/m);
    expect(out).toMatch(/ {2}tsa-xray-required \(source 2018-07-10; read 2026-11-26; never re-checked\)/);
    expect(out).toContain('The rules data has no faults.');
  });
});
