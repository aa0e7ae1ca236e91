import type { OutgoingMail } from './mailer.js';

// The plain shape of the app's own e-mails (a few calm paragraphs and at most one link), shared by
// the modules that write them so each says only its words.

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export type PlainMail = Pick<OutgoingMail, 'to' | 'subject' | 'text' | 'html'>;

export function plainMail(
  to: string,
  subject: string,
  paragraphs: string[],
  link?: { href: string; words: string },
): PlainMail {
  const text = [...paragraphs, ...(link ? [`${link.words}: ${link.href}`] : [])].join('\n\n') + '\n';
  const html = `<!doctype html><html><body style="font-family:Georgia,serif;color:#2b2a33;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.words)}</a></p>` : ''}
</body></html>`;
  return { to, subject, text, html };
}
