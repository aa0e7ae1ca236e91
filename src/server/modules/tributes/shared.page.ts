import type { SharedTribute } from '../../../contracts/tributes.js';
import { sayDate } from '../../../domain/tributes/wording.js';

// The unlisted page, written on the server: no script, no outside font, image or counter, nothing
// of the family but this one tribute. Robots are told not to index it (here and in X-Robots-Tag),
// and no address is passed on to a site the visitor goes to next (Referrer-Policy, and the meta).

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const frame = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow, noarchive, noimageindex"><meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>body{font-family:Georgia,serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#2b2a33;background:#fbf8f4;line-height:1.6}
img{width:100%;height:auto;border-radius:.5rem}p.quiet{color:#55535e;font-size:.95rem}
label{display:block;margin:.5rem 0}input{font:inherit;padding:.5rem;width:100%;max-width:20rem;border:1px solid #6b6875;border-radius:.25rem}
button{font:inherit;margin-top:.75rem;padding:.5rem 1rem;border-radius:.25rem;border:1px solid #2b2a33;background:#2b2a33;color:#fff}
.error{color:#7a2e1d}</style>
</head><body><main>${body}</main></body></html>`;

export function tributePage(token: string, tribute: SharedTribute): string {
  const alt = [tribute.name, tribute.datesLine, tribute.words].filter(Boolean).join('. ');
  return frame(
    `Remembering ${tribute.name}`,
    `<h1 dir="auto">Remembering ${escape(tribute.name)}</h1>
<img src="/tribute/${token}/picture.png" width="1080" height="1350" alt="${escape(alt)}">
${tribute.datesLine ? `<p dir="auto">${escape(tribute.datesLine)}</p>` : ''}
${tribute.words ? `<p dir="auto">${escape(tribute.words).replace(/\n/g, '<br>')}</p>` : ''}
<p class="quiet">Shared with you by ${escape(tribute.name)}’s family for ${escape(sayDate(tribute.forDate))}. This page is not listed anywhere; only people with the link can see it.</p>`,
  );
}

export function passwordPage(token: string, wrong: boolean): string {
  return frame(
    'A tribute shared with you',
    `<h1>A tribute shared with you</h1>
<p>The family asked for a password before this page is shown. They will have given it to you with the link.</p>
<form method="post" action="/tribute/${token}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="off" required maxlength="200"${wrong ? ' aria-describedby="wrong" aria-invalid="true"' : ''}>
${wrong ? '<p id="wrong" class="error" role="alert">That password is not the one the family set. Please try again.</p>' : ''}
<button type="submit">Show the tribute</button>
</form>`,
  );
}

export const goneHtml = frame(
  'This link no longer works',
  `<h1>This link no longer works</h1><p>The family may have stopped sharing this page, or the link has come to its end.</p>`,
);
