import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPacket, type PacketInput } from './packet.pdf.js';
import { securityNotes } from './security-note.js';

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const needsTools = it.runIf(hasPdftotext || process.env.REQUIRE_TOOLS === '1');

const notes = securityNotes({
  shownName: 'Jack',
  containers: ['wood'],
  withoutCertificate: [{ name: 'Jack', weeks: 20, lossCountry: 'GB', registration: 'not_registered' }],
  countries: ['GB', 'JP', 'GB'],
});

const input: PacketInput = {
  tripName: 'Summer in Japan',
  dates: '1–8 July 2026',
  shownName: 'Jack',
  securityNotes: notes,
  summaries: [{ name: 'Jack', text: 'For Jack, carry whatever the hospital gave you about your baby.' }],
  keepsakes: [
    { name: "Jack's box of ashes", description: 'a wooden box', carriedBy: 'Anna', bag: 'carry-on bag' },
  ],
  documents: [
    {
      forName: null,
      title: 'Death certificate',
      detail: 'Asked for by the usual advice for any border.',
      sourceUrl: 'https://example.org/death',
      status: 'not_issued',
      reason: 'in the UK a baby born without signs of life before 24 weeks is not registered',
      instead: 'A letter from the hospital, on headed paper.',
    },
    {
      forName: null,
      title: 'Cremation certificate',
      detail: 'The crematorium issues it.',
      sourceUrl: 'https://example.org/cremation',
      status: 'carry',
      reason: null,
      instead: null,
    },
    {
      // Only a country passed through "may ask" for it: asked about first, never "bring" (review 26, 6).
      forName: null,
      title: "A German mission's certificate for shipping cremains",
      detail: "Germany's missions in the United States may ask for it.",
      sourceUrl: 'https://example.org/germany',
      status: 'ask_first',
      reason: null,
      instead: null,
    },
  ],
  legs: [
    {
      title: 'Flight out: GB → JP',
      carriesAshes: true,
      requirements: [
        {
          severity: 'required',
          confidence: 'high',
          title: 'Let the X-ray see inside',
          detail: 'Wood shows clearly.',
          forThisFamily: null,
          about: [],
          sourceUrl: 'https://example.org/xray',
          provenance: 'Source undated; taken from our research on 26 November 2026; not re-checked since.',
          awaitingOfficial: null,
        },
        {
          // A requirement on a weak source is only a "may" (review 13, finding 14).
          severity: 'required',
          confidence: 'low',
          title: 'The airline may ask for a copy of the death certificate',
          detail: 'As a retailer reports it.',
          forThisFamily: null,
          about: [],
          sourceUrl: 'https://example.org/retailer',
          provenance: 'Source undated; taken from our research on 26 November 2026; not re-checked since.',
          awaitingOfficial: 'the airline',
        },
      ],
      gaps: ['We have no rule from our research for airline ZZ yet.'],
      conflicts: [],
      exceptions: [],
    },
    {
      title: 'Flight home: JP → GB',
      carriesAshes: false,
      requirements: [],
      gaps: [],
      conflicts: [],
      exceptions: [],
    },
  ],
  generatedOn: '27 November 2026',
  paper: 'A4',
};

const textOf = (pdf: Buffer, pages: string[] = []) => {
  const dir = mkdtempSync(join(tmpdir(), 'packet-'));
  writeFileSync(join(dir, 'p.pdf'), pdf);
  // Lines wrap where the page ends; compare with runs of whitespace folded to one space.
  return spawnSync('pdftotext', [...pages, join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(
    /\s+/g,
    ' ',
  );
};

describe('the note for security staff', () => {
  it('is written in English and the language of each country on the trip, English alone elsewhere', () => {
    expect(notes.map((n) => n.language)).toEqual(['en', 'ja']);
    expect(securityNotes({ ...noteInput(), countries: ['GB', 'ES', 'FR'] }).map((n) => n.language)).toEqual([
      'en',
      'es',
      'fr',
    ]);
    expect(securityNotes({ ...noteInput(), countries: ['GB', 'US', 'AU'] }).map((n) => n.language)).toEqual([
      'en',
    ]);
    expect(securityNotes({ ...noteInput(), countries: ['CH'] }).map((n) => n.language)).toEqual([
      'en',
      'de',
      'fr',
      'it',
    ]);
  });

  it('says in one calm sentence why a baby has no death certificate, and never claims papers that cannot exist', () => {
    const [english] = notes;
    expect(english!.text).toContain(
      'Jack was born without signs of life at 20 weeks of pregnancy, before the stage at which a death certificate is issued in the country of birth (United Kingdom), so we carry the papers from the hospital and the crematorium instead.',
    );
    expect(english!.text).toContain('We have with us the papers we hold for Jack.');
    expect(english!.text).not.toMatch(/documents listed/);
    expect(notes[1]!.text).toContain('生まれた国（イギリス）');
  });

  it('names the container in each language', () => {
    // Two loved ones, two containers: staff look for two objects, each said with its material
    // (review 16, finding 3; this once pinned "The container is made of wood and plastic.").
    const all = securityNotes({
      ...noteInput(),
      shownName: ['Jack', 'Grandad'],
      containers: ['wood', 'plastic'],
      countries: ['ES', 'DE', 'JP'],
    });
    const expected = [
      'There are two containers: one made of wood and one made of plastic.',
      'Hay dos recipientes: uno de madera y uno de plástico.',
      'Es sind zwei Behälter: einer aus Holz und einer aus Kunststoff.',
      '容器は2つあり、素材は木が1つ、プラスチックが1つです。',
    ];
    all.forEach((note, index) => expect(note.text).toContain(expected[index]));
    // One container is still one: "The container is made of wood."
    const one = securityNotes({ ...noteInput(), countries: ['ES', 'DE', 'JP'] });
    const single = [
      'The container is made of wood.',
      'El recipiente es de madera.',
      'Der Behälter ist aus Holz.',
      '容器の素材は木です。',
    ];
    one.forEach((note, index) => expect(note.text).toContain(single[index]));
  });
});

function noteInput(): Parameters<typeof securityNotes>[0] {
  return {
    shownName: 'Jack',
    containers: ['wood' as const],
    withoutCertificate: [],
    countries: [] as string[],
  };
}

describe('the travel packet', () => {
  needsTools('puts the note on page 1, Japanese included, and reads back as real text', async () => {
    const pdf = await renderPacket(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const page1 = textOf(pdf, ['-f', '1', '-l', '1']);
    expect(page1).toContain('A note for security staff');
    // Japanese wraps anywhere, so compare it with the line breaks taken out.
    const japanese = page1.replace(/\s+/g, '');
    expect(japanese).toContain('保安検査の係員の方へ');
    expect(japanese).toContain('生命の兆候のない状態で生まれました');
    const text = textOf(pdf);
    for (const fragment of [
      'Travelling with Jack',
      'For Jack, carry whatever the hospital gave you about your baby.',
      "Jack's box of ashes — a wooden box",
      'Carried by Anna, in carry-on bag.',
      'Not issued: Death certificate',
      'Carry instead: A letter from the hospital, on headed paper.',
      'Cremation certificate',
      "Ask before you travel whether you need it: A German mission's certificate for shipping cremains",
      'Needed: Let the X-ray see inside',
      'May be needed: The airline may ask for a copy of the death certificate',
      'Source: https://example.org/xray. Source undated; taken from our research on 26 November 2026; not re-checked since.',
      'Not yet known: We have no rule from our research for airline ZZ yet.',
      'nothing to carry on this part of the journey',
    ]) {
      expect(text).toContain(fragment);
    }
  });

  needsTools('is A4 by default', async () => {
    const pdf = await renderPacket(input);
    const dir = mkdtempSync(join(tmpdir(), 'packet-'));
    writeFileSync(join(dir, 'p.pdf'), pdf);
    const info = spawnSync('pdfinfo', [join(dir, 'p.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  needsTools(
    'says on a leg before the ashes are collected why nothing is carried, not that they were scattered (issue 7)',
    async () => {
      const joining =
        'The ashes join the trip in Singapore, so there is nothing to carry on this part of the journey.';
      const pdf = await renderPacket({
        ...input,
        legs: [{ ...input.legs[1]!, title: 'Flight out: US → SG', gaps: [joining] }, input.legs[0]!],
      });
      const text = textOf(pdf);
      expect(text).toContain(joining);
      expect(text).not.toContain('stay where they were scattered');
    },
  );

  it('can be printed on US Letter paper', async () => {
    const pdf = await renderPacket({ ...input, paper: 'LETTER' });
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });
});
