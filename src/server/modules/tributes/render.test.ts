import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tributeSizeNames, tributeSizes, type TributeSize } from '../../../contracts/tributes.js';
import { backgroundColours, renderTribute, type Box, type TributeDrawing } from './render.js';

// The layout, not just the file: each picture is read back, and on a plain colour every pixel that
// is not the background (that is, every drawn glyph) must lie inside the safe area.

const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));

/** The box around every pixel that differs from the background colour. */
async function inkBox(png: Buffer, background: string): Promise<Box | null> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = hex(background) as [number, number, number];
  let left = Infinity;
  let top = Infinity;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  return right < 0 ? null : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left &&
  inner.top >= outer.top &&
  inner.left + inner.width <= outer.left + outer.width &&
  inner.top + inner.height <= outer.top + outer.height;

async function expectInsideFrame(drawing: TributeDrawing, size: TributeSize) {
  const rendered = await renderTribute(drawing, size);
  const meta = await sharp(rendered.png).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual([
    'png',
    tributeSizes[size].width,
    tributeSizes[size].height,
  ]);
  // The margins themselves: at least 8% of the width at the sides, more at a story's top and foot.
  expect(rendered.safe.left).toBeGreaterThanOrEqual(86);
  expect(tributeSizes[size].width - rendered.safe.left - rendered.safe.width).toBeGreaterThanOrEqual(86);
  expect(rendered.safe.top).toBeGreaterThanOrEqual(size === 'story' ? 250 : 86);
  expect(tributeSizes[size].height - rendered.safe.top - rendered.safe.height).toBeGreaterThanOrEqual(
    size === 'story' ? 250 : 86,
  );
  const ink = await inkBox(rendered.png, backgroundColours[drawing.background].fill);
  expect(ink, `${size}: something is drawn`).not.toBeNull();
  expect(
    inside(ink!, rendered.safe),
    `${size}: ink ${JSON.stringify(ink)} in ${JSON.stringify(rendered.safe)}`,
  ).toBe(true);
  for (const box of rendered.boxes) expect(inside(box, rendered.safe)).toBe(true);
  return { ...rendered, ink: ink! };
}

const longName =
  'Maximilian Alexander Bartholomew Fitzgerald-Montgomery-Wolfeschlegelsteinhausenbergerdorff the Third of Llanfairpwllgwyngyll';
const arabicName = 'عبد الرحمن بن محمد بن عبد الله الهاشمي';
const hebrewName = 'יעקב בן אברהם הכהן';
const longWords = `We light a candle 🕯️ for you every year 🌊❤️ and ${'we miss you more than words can say, '.repeat(120)}`;

describe('a tribute picture', () => {
  it('is exactly 1080×1350, 1080×1080 and 1080×1920, with a very long name inside the margins', async () => {
    for (const size of tributeSizeNames) {
      const { boxes } = await expectInsideFrame(
        {
          name: longName,
          datesLine: 'Would have been 6 today · 14 March 2026',
          words: 'For Jack, always.',
          background: 'stone',
          photo: null,
        },
        size,
      );
      expect(boxes).toHaveLength(3);
    }
  });

  it('keeps an Arabic and a Hebrew name, and a line with emoji, inside the margins', async () => {
    for (const name of [arabicName, hebrewName])
      for (const size of tributeSizeNames) {
        await expectInsideFrame(
          {
            name,
            datesLine: 'Died 6 years ago today · 2 April 2026',
            words: 'نحن نتذكرك 🕯️',
            background: 'night',
            photo: null,
          },
          size,
        );
      }
  });

  it('runs Arabic right to left: "بيت WWW" is drawn as "WWW" then the Arabic word on its right', async () => {
    // In a right-to-left line the first word read is the rightmost; drawn naively left to right,
    // "بيت" would come first on the left. So both strings must put their ink in the same place.
    const centre = async (name: string) => {
      const drawn = await renderTribute(
        { name, datesLine: null, words: null, background: 'stone', photo: null },
        'square',
      );
      const { data, info } = await sharp(drawn.png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const box = drawn.boxes[0]!;
      let sum = 0;
      let count = 0;
      for (let y = box.top; y < box.top + box.height; y++)
        for (let x = box.left; x < box.left + box.width; x++)
          if (data[(y * info.width + x) * 3]! < 128) {
            sum += (x - box.left) / box.width;
            count++;
          }
      return sum / count;
    };
    const rightToLeft = await centre('بيت WWW');
    const leftToRight = await centre('WWW بيت');
    // The heavy Ws sit on the left in both: their ink's centre is left of the middle.
    expect(leftToRight).toBeLessThan(0.5);
    expect(rightToLeft).toBeLessThan(0.5);
    expect(Math.abs(rightToLeft - leftToRight)).toBeLessThan(0.05);
  });

  it('cuts words that cannot fit with "…", and says so', async () => {
    const { cut, ink, safe } = await expectInsideFrame(
      { name: 'Jack', datesLine: null, words: longWords, background: 'dawn', photo: null },
      'square',
    );
    expect(cut).toBe(true);
    expect(ink.height).toBeLessThanOrEqual(safe.height);
    const short = await renderTribute(
      { name: 'Jack', datesLine: null, words: 'Always.', background: 'dawn', photo: null },
      'square',
    );
    expect(short.cut).toBe(false);
  });

  it('draws on the family’s photo at every size', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b8e23' } })
      .jpeg()
      .toBuffer();
    for (const size of tributeSizeNames) {
      const rendered = await renderTribute(
        { name: arabicName, datesLine: null, words: longWords, background: 'sea', photo },
        size,
      );
      const meta = await sharp(rendered.png).metadata();
      expect([meta.width, meta.height]).toEqual([tributeSizes[size].width, tributeSizes[size].height]);
      for (const box of rendered.boxes) expect(inside(box, rendered.safe)).toBe(true);
    }
  });
});
