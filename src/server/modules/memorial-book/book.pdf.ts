import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { PaperSize } from '../../../contracts/memorial-book.js';
import { drawWorld } from './book.map.js';

// The memorial book as a PDF: the loved one's page, then letters and entries (each with its photos),
// tributes, rituals and who took part, places (a world map drawn as vector paths, then the towns),
// the children's drawings and the family's photos, each page numbered; a tribute is its picture,
// with its words as text. Text is real text in DejaVu (from npm, embedded: only the glyphs used), so
// it can be read aloud, searched and copied. pdfkit streams: each page's bytes go to `write` as they are made, and the
// drawing waits (`settle`) after every picture until those bytes are stored, so memory holds one
// picture and about a megabyte of PDF however long the book is.

export interface BookPicture {
  caption: string;
  /** Words printed under the caption as text (a tribute's words: its picture may have cut them). */
  words?: string | null;
  /** Reads the picture from the media store when its page is drawn (one at a time). */
  read: () => Promise<Buffer>;
}

export interface BookContents {
  name: string;
  /** "14 March 2020 – 2 April 2020", as the family gave the dates; null without dates. */
  datesLine: string | null;
  relationship: string | null;
  story: string | null;
  rangeLine: string;
  /** Each entry with its photos, printed after its text. */
  entries: Array<{ kind: string; title: string | null; text: string; byLine: string; photos: BookPicture[] }>;
  tributes: BookPicture[];
  rituals: Array<{ title: string; when: string; tookPart: string | null; line: string | null }>;
  /** Each town, with its country's two-letter code and, from the gazetteer, its pin. */
  places: Array<{
    name: string;
    country: string;
    point: { lat: number; lon: number } | null;
    trips: string;
  }>;
  drawings: BookPicture[];
  photos: BookPicture[];
}

export interface BookOutput {
  write(chunk: Buffer): void;
  /** Resolves once what was written so far is stored. */
  settle(): Promise<void>;
  /** Told after each page is finished, with an estimate of the whole. */
  progress(pagesDone: number, pagesTotal: number): Promise<void>;
}

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = join(fontDir, 'DejaVuSans.ttf');
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf');
const SERIF = join(fontDir, 'DejaVuSerif.ttf');
const INK = '#2b2a33';
const SOFT = '#5b5866';
const MARGIN = 64;
/** Print resolution: a picture is kept at up to 300 pixels per inch of the space it fills. */
const PRINT_DPI = 300;
/** Characters of body text a page holds, roughly, for the page estimate shown while it is made. */
const CHARS_PER_PAGE = 2600;

/** About how many pages the book will have, for "40 of about 120 pages" while it is made. */
export function estimatePages(c: BookContents): number {
  const text =
    c.entries.reduce((n, e) => n + e.text.length + 120, 0) +
    c.rituals.reduce((n, r) => n + (r.line?.length ?? 0) + 140, 0) +
    c.places.reduce((n, p) => n + p.trips.length + 80, 0);
  const sections = [c.entries, c.rituals, c.places].filter((s) => s.length > 0).length;
  const mapPage = c.places.length > 0 ? 1 : 0;
  // A picture counts as a page: a tribute, drawing or photo fills one; an entry's photo at the page's
  // width fills about half of one (an upright one, all of it) and often begins a new page.
  const pictures =
    c.tributes.length +
    c.drawings.length +
    c.photos.length +
    c.entries.reduce((n, e) => n + e.photos.length, 0);
  return 1 + sections + mapPage + Math.ceil(text / CHARS_PER_PAGE) + pictures;
}

export async function renderBook(contents: BookContents, paper: PaperSize, out: BookOutput): Promise<number> {
  const doc = new PDFDocument({
    size: paper,
    margin: MARGIN,
    info: {
      Title: `${contents.name} · ${contents.rangeLine}`,
      Author: 'Alongside',
      Subject: `For ${contents.name}`,
    },
    lang: 'en',
    displayTitle: true,
    pdfVersion: '1.7',
    autoFirstPage: false,
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  doc.registerFont('serif', SERIF);
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => out.write(chunk));

  let total = estimatePages(contents);
  let pages = 0;
  // Each new page carries its number at the foot, drawn first (outside the text area, so it never
  // moves the text). A paragraph running onto a new page goes on in its own font, size and colour,
  // which pdfkit reads back from these fields after the page is added; so they are put back as found.
  const textState = doc as unknown as { _font: unknown; _fontSize: number; _fillColor: unknown };
  doc.on('pageAdded', () => {
    pages += 1;
    const saved = { font: textState._font, size: textState._fontSize, fill: textState._fillColor };
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8.5)
      .fillColor(SOFT)
      .text(String(pages), 0, doc.page.height - bottom / 2 - 4, {
        width: doc.page.width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    textState._font = saved.font;
    textState._fontSize = saved.size;
    textState._fillColor = saved.fill;
    doc.x = MARGIN;
    doc.y = MARGIN;
  });
  const pageDone = async () => {
    total = Math.max(total, pages);
    await out.settle();
    await out.progress(pages, total);
  };
  const width = () => doc.page.width - 2 * MARGIN;

  // The loved one's page.
  doc.addPage();
  doc.moveDown(8);
  doc.font('serif').fontSize(30).fillColor(INK).text(contents.name, { align: 'center' });
  if (contents.datesLine)
    doc.moveDown(0.6).font('body').fontSize(13).fillColor(SOFT).text(contents.datesLine, { align: 'center' });
  if (contents.relationship)
    doc
      .moveDown(0.3)
      .font('body')
      .fontSize(11)
      .fillColor(SOFT)
      .text(contents.relationship, { align: 'center' });
  doc.moveDown(2).font('body').fontSize(11).fillColor(INK).text(contents.rangeLine, { align: 'center' });
  if (contents.story)
    doc
      .moveDown(2)
      .font('serif')
      .fontSize(11.5)
      .fillColor(INK)
      .text(contents.story, { align: 'left', lineGap: 3 });

  const section = async (title: string, intro: string) => {
    await pageDone();
    doc.addPage();
    doc.font('serif').fontSize(20).fillColor(INK).text(title);
    doc.moveDown(0.3).font('body').fontSize(10).fillColor(SOFT).text(intro);
    doc.moveDown(1);
  };
  const body = (text: string) => doc.font('serif').fontSize(11).fillColor(INK).text(text, { lineGap: 3 });
  const small = (text: string) => doc.font('body').fontSize(9).fillColor(SOFT).text(text, { lineGap: 1 });
  // A picture's caption, centred under it as the picture is centred on the page.
  const caption = (text: string) =>
    doc.font('body').fontSize(9).fillColor(SOFT).text(text, { lineGap: 1, align: 'center' });
  // Keeps a heading with the start of what follows it.
  const roomFor = async (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) {
      await pageDone();
      doc.addPage();
    }
  };

  const pictures = async (title: string, intro: string, list: BookPicture[]) => {
    if (list.length === 0) return;
    await section(title, intro);
    let first = true;
    for (const picture of list) {
      if (!first) {
        await pageDone();
        doc.addPage();
      }
      first = false;
      // Room under the picture for its caption, and a tribute's words.
      const under = picture.words ? 40 + 16 * Math.ceil(picture.words.length / 70) : 40;
      const boxWidth = width();
      const boxHeight = doc.page.height - doc.page.margins.bottom - doc.y - under;
      const { data: image } = await forPrint(await picture.read(), boxWidth, boxHeight);
      doc.image(image, MARGIN, doc.y, { fit: [boxWidth, boxHeight], align: 'center', valign: 'center' });
      doc.x = MARGIN;
      doc.y = doc.page.height - doc.page.margins.bottom - under + 10;
      caption(picture.caption);
      if (picture.words) body(picture.words);
      // The picture's bytes are in the PDF stream now: store them before reading the next.
      await out.settle();
    }
  };
  // An entry's photo after its text, as wide as the page (no taller than a page holds), on a new
  // page when it would not fit under the text; its caption under it.
  const entryPhoto = async (photo: BookPicture) => {
    const captionRoom = 28;
    const boxWidth = width();
    const fullHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - captionRoom;
    const { data, info } = await forPrint(await photo.read(), boxWidth, fullHeight);
    const scale = Math.min(boxWidth / info.width, fullHeight / info.height);
    const shown = { width: info.width * scale, height: info.height * scale };
    doc.moveDown(0.6);
    await roomFor(shown.height + captionRoom);
    doc.image(data, MARGIN + (boxWidth - shown.width) / 2, doc.y, shown);
    doc.x = MARGIN;
    doc.y += shown.height + 6;
    caption(photo.caption);
    // The photo's bytes are in the PDF stream now: store them before reading the next.
    await out.settle();
  };

  if (contents.entries.length > 0) {
    await section('Letters and entries', 'What the family wrote, shared with one another.');
    for (const entry of contents.entries) {
      await roomFor(80);
      if (entry.title) doc.font('bold').fontSize(12).fillColor(INK).text(entry.title);
      small(`${entry.kind === 'letter' ? 'A letter' : 'An entry'} · ${entry.byLine}`);
      doc.moveDown(0.4);
      body(entry.text);
      for (const photo of entry.photos) await entryPhoto(photo);
      doc.moveDown(1.2);
    }
  }

  await pictures('Tributes', 'A picture and a few words on the days that matter.', contents.tributes);

  if (contents.rituals.length > 0) {
    await section('Rituals', 'What the family did together, and who took part.');
    for (const ritual of contents.rituals) {
      await roomFor(50);
      doc.font('bold').fontSize(11.5).fillColor(INK).text(ritual.title);
      small(ritual.when);
      if (ritual.tookPart)
        doc.font('body').fontSize(10.5).fillColor(INK).text(`Took part: ${ritual.tookPart}`);
      if (ritual.line) body(ritual.line);
      doc.moveDown(0.8);
    }
  }

  if (contents.places.length > 0) {
    await section(`Places ${contents.name} has been`, 'The towns the family travelled to together.');
    drawWorld(doc, contents.places, MARGIN, doc.y, width());
    doc.moveDown(1);
    for (const place of contents.places) {
      await roomFor(40);
      doc.font('bold').fontSize(11).fillColor(INK).text(place.name);
      small(place.trips);
      doc.moveDown(0.6);
    }
  }

  await pictures('Drawings', 'The children’s drawings, with who made them and when.', contents.drawings);
  await pictures('Photos', 'The family’s photos from these days.', contents.photos);

  await pageDone();
  doc.end();
  await ended;
  await out.settle();
  return pages;
}

/**
 * A picture as JPEG at print resolution for the space it fills: never enlarged, made smaller only
 * where it has more pixels than 300 per inch would use (a drawing's PNG on white).
 */
async function forPrint(
  data: Buffer,
  widthPt: number,
  heightPt: number,
): Promise<{ data: Buffer; info: { width: number; height: number } }> {
  const px = (pt: number) => Math.round((pt / 72) * PRINT_DPI);
  return sharp(data)
    .resize({ width: px(widthPt), height: px(heightPt), fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 88, mozjpeg: false })
    .toBuffer({ resolveWithObject: true });
}
