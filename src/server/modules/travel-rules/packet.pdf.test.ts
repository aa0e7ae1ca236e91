import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPacket, type PacketInput } from './packet.pdf.js';

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

const input: PacketInput = {
  tripName: 'Summer in Spain',
  dates: '1–8 July 2026',
  shownName: 'Jack',
  keepsakes: [
    { name: "Jack's box of ashes", description: 'a wooden box', carriedBy: 'Anna', bag: 'carry-on bag' },
  ],
  documents: [
    {
      title: 'Certificate of cremation',
      detail: 'The crematorium issues it.',
      sourceUrl: 'https://example.org/cremation',
      mayBeMissing: true,
      instead: 'A letter from the hospital or funeral director, on headed paper.',
    },
  ],
  legs: [
    {
      title: 'Flight out: GB → ES',
      requirements: [
        {
          severity: 'required',
          title: 'Let the X-ray see inside',
          detail: 'Wood shows clearly.',
          sourceUrl: 'https://example.org/xray',
          verifiedOn: '2026-01-02',
          confidence: 'high',
        },
      ],
      gaps: ['We have no checked rule for airline ZZ yet.'],
      conflicts: [],
    },
  ],
  securityNote:
    'This box holds the ashes of our son, Jack. Please do not open it. Łukasz and Zoë — thank you ✔',
  generatedOn: '27 November 2026',
  paper: 'A4',
};

describe('the travel packet', () => {
  it.runIf(hasPdftotext || process.env.REQUIRE_TOOLS === '1')(
    'is a PDF whose text can be read back, wide characters included',
    async () => {
      const pdf = await renderPacket(input);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'packet-'));
      writeFileSync(join(dir, 'p.pdf'), pdf);
      // Lines wrap where the page ends; compare with runs of whitespace folded to one space.
      const text = spawnSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        ' ',
      );
      for (const fragment of [
        'Travelling with Jack',
        "Jack's box of ashes — a wooden box",
        'Carried by Anna, in carry-on bag.',
        'Certificate of cremation',
        'If you do not have it: A letter from the hospital',
        'Needed: Let the X-ray see inside',
        'Source: https://example.org/xray (checked 2026-01-02, high confidence)',
        'Not yet known: We have no checked rule for airline ZZ yet.',
        'A note for security staff',
        'Łukasz and Zoë — thank you ✔',
      ]) {
        expect(text).toContain(fragment);
      }
      const info = spawnSync('pdfinfo', [join(dir, 'p.pdf')], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    },
  );

  it('can be printed on US Letter paper', async () => {
    const pdf = await renderPacket({ ...input, paper: 'LETTER' });
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });
});
