import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { DocumentStatus } from '../../../contracts/travel-rules.js';
import { onlyMayBeNeeded } from '../../../domain/travel-rules/provenance-words.js';

// The printable travel packet: what the family carries, the documents to bring (as tick boxes),
// each leg's requirements with their sources, and a calm note to hand to security staff. Text is
// real text (not an image), so it can be read aloud, searched and copied.

export interface PacketInput {
  tripName: string;
  dates: string | null;
  /** The loved one's name as the family chooses to show it to strangers. */
  shownName: string;
  /** The note for security staff: English first, then the languages of the trip's countries. */
  securityNotes: Array<{ language: string; heading: string; text: string }>;
  /** What the family carries, per loved one, said plainly. */
  summaries: Array<{ name: string; text: string }>;
  keepsakes: Array<{ name: string; description: string; carriedBy: string | null; bag: string }>;
  documents: Array<{
    /** Whose paper, when more than one loved one travels. */
    forName: string | null;
    title: string;
    detail: string;
    sourceUrl: string | null;
    status: DocumentStatus;
    reason: string | null;
    instead: string | null;
  }>;
  legs: Array<{
    title: string;
    carriesAshes: boolean;
    requirements: Array<{
      severity: string;
      confidence: string;
      title: string;
      detail: string;
      forThisFamily: string | null;
      about: string[];
      sourceUrl: string;
      /** "Source undated; taken from our research on …; not re-checked since. low confidence." */
      provenance: string;
      awaitingOfficial: string | null;
    }>;
    gaps: string[];
    conflicts: string[];
    exceptions: string[];
  }>;
  generatedOn: string;
  paper: 'A4' | 'LETTER';
}

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = join(fontDir, 'DejaVuSans.ttf');
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf');
// Japanese needs a font that carries its script; Noto Sans JP (SIL OFL) comes from npm, so the
// packet renders the same on every server with no system fonts. pdfkit embeds only the glyphs used.
const notoDir = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
const JP = join(notoDir, '400Regular', 'NotoSansJP_400Regular.ttf');
const JP_BOLD = join(notoDir, '700Bold', 'NotoSansJP_700Bold.ttf');
const INK = '#2b2a33';
const SOFT = '#5b5866';

export function renderPacket(input: PacketInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: input.paper,
    margin: 56,
    info: {
      Title: `Travel packet — ${input.tripName}`,
      Author: 'Alongside',
      Subject: `Travelling with ${input.shownName}`,
    },
    lang: 'en',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  doc.registerFont('jp', JP);
  doc.registerFont('jp-bold', JP_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string, size = 15) => {
    doc.moveDown(0.8).font('bold').fontSize(size).fillColor(INK).text(text);
    doc.moveDown(0.3);
  };
  const para = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('body')
      .fontSize(10.5)
      .fillColor(INK)
      .text(text, { lineGap: 2, ...options });
  const small = (text: string) => doc.font('body').fontSize(8.5).fillColor(SOFT).text(text, { lineGap: 1 });
  const box = () => {
    const { x, y } = { x: doc.x, y: doc.y + 1 };
    doc.rect(x, y, 9, 9).lineWidth(0.8).strokeColor(INK).stroke();
    return x + 16;
  };

  // Page 1: the note a parent hands over at the belt, in English and the languages of the trip.
  doc
    .font('body')
    .fontSize(9.5)
    .fillColor(SOFT)
    .text(`Travelling with ${input.shownName} · ${input.tripName}`);
  doc.moveDown(0.8);
  input.securityNotes.forEach((note, index) => {
    const japanese = note.language === 'ja';
    if (index > 0) doc.moveDown(1.2);
    doc
      .font(japanese ? 'jp-bold' : 'bold')
      .fontSize(index === 0 ? 16 : 13)
      .fillColor(INK)
      .text(note.heading);
    doc.moveDown(0.4);
    doc
      .font(japanese ? 'jp' : 'body')
      .fontSize(index === 0 ? 12.5 : 10.5)
      .fillColor(INK)
      .text(note.text, { lineGap: index === 0 ? 4 : 2 });
  });

  doc.addPage();
  doc.font('bold').fontSize(20).fillColor(INK).text(`Travelling with ${input.shownName}`);
  para(`${input.tripName}${input.dates ? ` · ${input.dates}` : ''}`);

  for (const summary of input.summaries) {
    heading(input.summaries.length > 1 ? `What we carry for ${summary.name}` : 'What we carry');
    para(summary.text);
  }

  heading('What we are carrying');
  for (const k of input.keepsakes) {
    para(`${k.name} — ${k.description}`);
    small(`Carried by ${k.carriedBy ?? 'someone travelling with us'}, in ${k.bag}.`);
    doc.moveDown(0.3);
  }

  heading('Papers to bring');
  if (input.documents.length === 0)
    para('We know of no paper you must carry for this trip. Keep the papers you have with you all the same.');
  for (const d of input.documents) {
    const whose = d.forName ? ` (for ${d.forName})` : '';
    if (d.status === 'carry' || d.status === 'ask_first' || d.status === 'for_sending') {
      const left = box();
      // Only someone who "may ask" names it: a box to tick once they have asked, never "bring".
      // An urn sent instead takes its papers with it: ready for whoever sends it (review 35, t05).
      const ask =
        d.status === 'ask_first'
          ? 'Ask before you travel whether you need it: '
          : d.status === 'for_sending'
            ? 'Have ready for whoever sends the urn: '
            : '';
      doc
        .font('bold')
        .fontSize(10.5)
        .fillColor(INK)
        .text(`${ask}${d.title}${whose}`, left, doc.y, { lineGap: 2 });
      doc.font('body').fontSize(9.5).fillColor(INK).text(d.detail, left, doc.y, { lineGap: 1 });
    } else {
      // Not a box to tick: a paper that does not (or may not) exist, and what is carried instead.
      const left = doc.page.margins.left + 16;
      const label = d.status === 'not_issued' ? 'Not issued' : 'May not exist';
      doc
        .font('bold')
        .fontSize(10.5)
        .fillColor(INK)
        .text(`${label}: ${d.title}${whose}`, left, doc.y, { lineGap: 2 });
      if (d.reason)
        doc
          .font('body')
          .fontSize(9.5)
          .fillColor(INK)
          .text(`${capitalise(d.reason)}.`, left, doc.y);
      if (d.instead)
        doc.font('body').fontSize(9.5).fillColor(INK).text(`Carry instead: ${d.instead}`, left, doc.y);
    }
    if (d.sourceUrl)
      doc.font('body').fontSize(8).fillColor(SOFT).text(`Source: ${d.sourceUrl}`, doc.x, doc.y);
    doc.x = doc.page.margins.left;
    doc.moveDown(0.5);
  }

  for (const leg of input.legs) {
    heading(leg.title, 13);
    if (!leg.carriesAshes) {
      // The rules say why when the ashes have not joined the trip yet (collected further on); each
      // loved one's answer says it alike. Otherwise they stayed where they were scattered.
      para(
        leg.gaps[0] ??
          'The ashes stay where they were scattered, so there is nothing to carry on this part of the journey.',
      );
      continue;
    }
    if (leg.requirements.length === 0 && leg.gaps.length === 0)
      para('We found nothing special to do for this part of the journey.');
    for (const exception of leg.exceptions) para(exception);
    for (const r of leg.requirements) {
      const left = box();
      const about = r.about.length > 0 ? ` (${r.about.join(', ')})` : '';
      doc
        .font('bold')
        .fontSize(10)
        .fillColor(INK)
        .text(`${severityLabel(r)} ${r.title}${about}`, left, doc.y, { lineGap: 1 });
      doc.font('body').fontSize(9.5).fillColor(INK).text(r.detail, left, doc.y, { lineGap: 1 });
      if (r.forThisFamily) doc.font('body').fontSize(9.5).fillColor(INK).text(r.forThisFamily, left, doc.y);
      if (r.awaitingOfficial)
        doc
          .font('body')
          .fontSize(9)
          .fillColor(INK)
          .text(`From a secondary source; please confirm with ${r.awaitingOfficial}.`, left, doc.y);
      doc
        .font('body')
        .fontSize(8)
        .fillColor(SOFT)
        .text(`Source: ${r.sourceUrl}. ${r.provenance}`, left, doc.y);
      doc.x = doc.page.margins.left;
      doc.moveDown(0.4);
    }
    for (const gap of leg.gaps) para(`Not yet known: ${gap}`);
    for (const conflict of leg.conflicts) para(`Sources disagree: ${conflict}`);
  }

  doc.moveDown(2);
  small(
    `Prepared with Alongside on ${input.generatedOn}. Rules change: check with your airline and the countries you visit before you travel.`,
  );
  doc.end();
  return done;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function severityLabel(r: { severity: string; confidence: string }): string {
  if (onlyMayBeNeeded(r)) return 'May be needed:';
  switch (r.severity) {
    case 'required':
      return 'Needed:';
    case 'warning':
      return 'Please note:';
    case 'recommended':
      return 'Suggested:';
    default:
      return 'Good to know:';
  }
}
