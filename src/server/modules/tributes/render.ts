import sharp, { type Sharp } from 'sharp';
import { tributeSizes, type TributeBackground, type TributeSize } from '../../../contracts/tributes.js';
import { FONT, registerFonts } from './fonts.js';

// A tribute drawn to PNG with sharp: the photo (or a calm colour), then the name, the dates line and
// the words, each a text layer that libvips lays out through Pango (so Arabic and Hebrew are shaped
// and run right to left, and emoji come from the packaged Noto Emoji). Each layer is fitted to its
// share of the frame's safe area: drawn smaller until it fits, wrapping (at a word, or inside a word
// too long for a line), and only at the smallest size cut with "…" — the full words stay in the
// caption. Layers are measured as drawn, so nothing is placed outside the safe area.

export interface TributeDrawing {
  name: string;
  datesLine: string | null;
  words: string | null;
  background: TributeBackground;
  /** The family's photo (any format sharp reads), or null for the background colour. */
  photo: Buffer | null;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface RenderedTribute {
  png: Buffer;
  /** Where the text may go: the frame less its margins (a story's top and foot are the app's own). */
  safe: Box;
  /** Each text layer as placed. */
  boxes: Box[];
  /** True when words had to be cut short to fit. */
  cut: boolean;
}

/** Calm colours, each with a text colour that reads at WCAG AA and more. */
export const backgroundColours: Record<TributeBackground, { fill: string; ink: string }> = {
  dawn: { fill: '#f3e6dc', ink: '#3b2f2f' },
  sea: { fill: '#dfe9ec', ink: '#23343b' },
  stone: { fill: '#e8e6e1', ink: '#2b2a33' },
  night: { fill: '#1f2433', ink: '#f4efe6' },
};
const ON_PHOTO = '#ffffff';

export function safeArea(size: TributeSize): Box {
  const { width, height } = tributeSizes[size];
  const side = 96;
  // A story's top and foot sit under the app's own buttons and reply box.
  const topAndFoot = size === 'story' ? 260 : size === 'portrait' ? 120 : 96;
  return { left: side, top: topAndFoot, width: width - 2 * side, height: height - 2 * topAndFoot };
}

const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Layer {
  image: Buffer;
  width: number;
  height: number;
  cut: boolean;
}

async function drawText(text: string, font: string, points: number, width: number, ink: string) {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${ink}">${escapeMarkup(text)}</span>`,
      font: `${font} ${points}`,
      width,
      dpi: 72,
      rgba: true,
      align: 'centre',
      wrap: 'word-char',
      spacing: Math.round(points * 0.25),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { image: data, width: info.width, height: info.height };
}

const SHRINK = 0.85;

/**
 * The text at the largest size from `maxPoints` down to `minPoints` whose layout fits `maxHeight`;
 * failing that, at `minPoints`, the most words that fit followed by "…".
 */
async function fitText(
  text: string,
  font: string,
  {
    maxPoints,
    minPoints,
    width,
    maxHeight,
    ink,
  }: {
    maxPoints: number;
    minPoints: number;
    width: number;
    maxHeight: number;
    ink: string;
  },
): Promise<Layer> {
  const sizes: number[] = [];
  for (let points = maxPoints; points > minPoints; points = Math.floor(points * SHRINK)) sizes.push(points);
  sizes.push(minPoints);
  for (const points of sizes) {
    const drawn = await drawText(text, font, points, width, ink);
    if (drawn.height <= maxHeight && drawn.width <= width) return { ...drawn, cut: false };
  }
  // Cut at a word where there are words; a name written without spaces is cut by characters.
  const parts = /\s/.test(text.trim())
    ? text.trim().split(/(?<=\s)/)
    : Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  let low = 0;
  let high = parts.length - 1;
  let best = await drawText('…', font, minPoints, width, ink);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const drawn = await drawText(
      `${parts.slice(0, middle).join('').trimEnd()}…`,
      font,
      minPoints,
      width,
      ink,
    );
    if (drawn.height <= maxHeight && drawn.width <= width) {
      best = drawn;
      low = middle;
    } else high = middle - 1;
  }
  return { ...best, cut: true };
}

async function backdrop(drawing: TributeDrawing, size: TributeSize): Promise<Sharp> {
  const { width, height } = tributeSizes[size];
  if (!drawing.photo)
    return sharp({
      create: { width, height, channels: 3, background: backgroundColours[drawing.background].fill },
    });
  // The photo fills the frame; a shade darkens its lower part so white words read on any photo.
  const photo = await sharp(drawing.photo).rotate().resize(width, height, { fit: 'cover' }).toBuffer();
  const shade = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0.3" stop-color="#000" stop-opacity="0.15"/><stop offset="0.55" stop-color="#000" stop-opacity="0.6"/><stop offset="1" stop-color="#000" stop-opacity="0.75"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#s)"/></svg>`,
  );
  return sharp(
    await sharp(photo)
      .composite([{ input: shade }])
      .toBuffer(),
  );
}

/** Draws a tribute at one of the three sizes, exactly that many pixels. */
export async function renderTribute(drawing: TributeDrawing, size: TributeSize): Promise<RenderedTribute> {
  await registerFonts();
  const safe = safeArea(size);
  const ink = drawing.photo ? ON_PHOTO : backgroundColours[drawing.background].ink;
  // On a photo the words sit in the lower part, over the shade; on a colour, in the middle.
  const region = drawing.photo
    ? { ...safe, top: safe.top + Math.round(safe.height * 0.45), height: Math.round(safe.height * 0.55) }
    : safe;
  const gap = 36;
  const scale = size === 'square' ? 0.85 : 1;
  const layers: Layer[] = [];
  layers.push(
    await fitText(drawing.name, FONT.name, {
      maxPoints: Math.round(84 * scale),
      minPoints: 30,
      width: region.width,
      maxHeight: Math.round(region.height * 0.3),
      ink,
    }),
  );
  if (drawing.datesLine)
    layers.push(
      await fitText(drawing.datesLine, FONT.body, {
        maxPoints: Math.round(38 * scale),
        minPoints: 22,
        width: region.width,
        maxHeight: Math.round(region.height * 0.16),
        ink,
      }),
    );
  if (drawing.words) {
    const used = layers.reduce((sum, layer) => sum + layer.height + gap, 0);
    layers.push(
      await fitText(drawing.words, FONT.body, {
        maxPoints: Math.round(44 * scale),
        minPoints: 22,
        width: region.width,
        maxHeight: region.height - used,
        ink,
      }),
    );
  }
  const total = layers.reduce((sum, layer) => sum + layer.height, 0) + gap * (layers.length - 1);
  let top = region.top + Math.max(0, Math.round((region.height - total) / 2));
  const boxes: Box[] = [];
  for (const layer of layers) {
    boxes.push({
      left: safe.left + Math.round((safe.width - layer.width) / 2),
      top,
      width: layer.width,
      height: layer.height,
    });
    top += layer.height + gap;
  }
  const png = await (
    await backdrop(drawing, size)
  )
    .composite(layers.map((layer, i) => ({ input: layer.image, left: boxes[i]!.left, top: boxes[i]!.top })))
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png, safe, boxes, cut: layers.some((layer) => layer.cut) };
}
