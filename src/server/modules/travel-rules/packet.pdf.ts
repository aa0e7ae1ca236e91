import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

// The printable travel packet: what the family carries, the documents to bring (as tick boxes),
// each leg's requirements with their sources, and a calm note to hand to security staff. Text is
// real text (not an image), so it can be read aloud, searched and copied.

export interface PacketInput {
  tripName: string;
  dates: string | null;
  /** The loved one's name as the family chooses to show it to strangers. */
  shownName: string;
  keepsakes: Array<{ name: string; description: string; carriedBy: string | null; bag: string }>;
  documents: Array<{
    title: string;
    detail: string;
    sourceUrl: string | null;
    mayBeMissing: boolean;
    instead: string | null;
  }>;
  legs: Array<{
    title: string;
    requirements: Array<{
      severity: string;
      title: string;
      detail: string;
      sourceUrl: string;
      verifiedOn: string;
      confidence: string;
    }>;
    gaps: string[];
    conflicts: string[];
  }>;
  securityNote: string;
  generatedOn: string;
  paper: 'A4' | 'LETTER';
}

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = join(fontDir, 'DejaVuSans.ttf');
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf');
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

  doc.font('bold').fontSize(20).fillColor(INK).text(`Travelling with ${input.shownName}`);
  para(`${input.tripName}${input.dates ? ` · ${input.dates}` : ''}`);

  heading('What we are carrying');
  for (const k of input.keepsakes) {
    para(`${k.name} — ${k.description}`);
    small(`Carried by ${k.carriedBy ?? 'someone travelling with us'}, in ${k.bag}.`);
    doc.moveDown(0.3);
  }

  heading('Documents to bring');
  if (input.documents.length === 0)
    para(
      'We know of no document you must carry for this trip. Keep the papers you have with you all the same.',
    );
  for (const d of input.documents) {
    const left = box();
    doc.font('bold').fontSize(10.5).fillColor(INK).text(d.title, left, doc.y, { lineGap: 2 });
    doc.font('body').fontSize(9.5).fillColor(INK).text(d.detail, left, doc.y, { lineGap: 1 });
    if (d.mayBeMissing && d.instead)
      doc.font('body').fontSize(9.5).fillColor(INK).text(`If you do not have it: ${d.instead}`, left, doc.y);
    if (d.sourceUrl) doc.font('body').fontSize(8).fillColor(SOFT).text(`Source: ${d.sourceUrl}`, left, doc.y);
    doc.x = doc.page.margins.left;
    doc.moveDown(0.5);
  }

  for (const leg of input.legs) {
    heading(leg.title, 13);
    if (leg.requirements.length === 0 && leg.gaps.length === 0)
      para('We found nothing special to do for this part of the journey.');
    for (const r of leg.requirements) {
      const left = box();
      doc
        .font('bold')
        .fontSize(10)
        .fillColor(INK)
        .text(`${severityLabel(r.severity)} ${r.title}`, left, doc.y, { lineGap: 1 });
      doc.font('body').fontSize(9.5).fillColor(INK).text(r.detail, left, doc.y, { lineGap: 1 });
      doc
        .font('body')
        .fontSize(8)
        .fillColor(SOFT)
        .text(`Source: ${r.sourceUrl} (checked ${r.verifiedOn}, ${r.confidence} confidence)`, left, doc.y);
      doc.x = doc.page.margins.left;
      doc.moveDown(0.4);
    }
    for (const gap of leg.gaps) para(`Not yet known: ${gap}`);
    for (const conflict of leg.conflicts) para(`Sources disagree: ${conflict}`);
  }

  doc.addPage();
  doc.font('bold').fontSize(16).fillColor(INK).text('A note for security staff');
  doc.moveDown(0.6);
  doc.font('body').fontSize(12.5).fillColor(INK).text(input.securityNote, { lineGap: 5 });
  doc.moveDown(2);
  small(
    `Prepared with Alongside on ${input.generatedOn}. Rules change: check with your airline and the countries you visit before you travel.`,
  );
  doc.end();
  return done;
}

function severityLabel(severity: string): string {
  switch (severity) {
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
