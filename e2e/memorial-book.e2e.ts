import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addJack, heading, signUp, useJourney, watchPlaceOf } from './steps.js';

// The memorial book on a phone (390×844): Olive has written two letters to Jack and shared them;
// she asks for Jack's book for this year on A4 from his page, sees what goes in and leaves one
// letter out; the server's job makes it while the page shows its progress, then the download link
// answers with the PDF, which holds the letter she kept and not the one she left out. axe checks
// the page with the form and its choices, and with the ready book.

const j = useJourney({ phone: { viewport: { width: 390, height: 844 } }, env: { JOB_POLL_MS: '200' } });
const OLIVE = {
  name: 'Olive',
  email: 'olive.book@example.org',
  password: 'a book to hold on the hard days',
  family: 'The Hart family',
};

const tmp = mkdtempSync(join(tmpdir(), 'book-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A request from the page's own session (its cookie, and the CSRF token of /api/session). */
async function api(page: Page, method: 'POST' | 'PUT', path: string, body: object) {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const answer = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    data: body,
  });
  expect(answer.status(), `${method} ${path}: ${await answer.text()}`).toBeLessThan(300);
  return (await answer.json()) as { entry: { id: string } };
}

describe('Jack’s book', () => {
  it('Olive asks for a book for this year from Jack’s page, leaving one letter out', async () => {
    const { page } = j;
    await signUp(page, OLIVE);
    await addJack(page);
    const jackId = /\/loved-ones\/([^/?#]+)/.exec(page.url())![1]!;
    for (const [title, text] of [
      ['The sunflowers', 'The sunflowers came up again by the gate.'],
      ['A hard day', 'A hard day at the sea, for us alone.'],
    ]) {
      const { entry } = await api(page, 'POST', `/api/loved-ones/${jackId}/journal`, {
        kind: 'letter',
        title,
        text,
      });
      await api(page, 'PUT', `/api/journal-entries/${entry.id}/sharing`, { shared: true });
    }
    await page.reload();
    const books = page.getByRole('region', { name: 'A book for Jack' });
    await books.getByRole('button', { name: 'Make the book' }).waitFor();
    const letters = books.getByRole('group', { name: /Letters and entries \(2 of 2 in\)/ });
    await letters.waitFor();
    await j.a11y('Jack’s page with the book form and what goes in');
    await books.getByRole('radio', { name: 'A4' }).check();
    await letters.getByRole('checkbox', { name: /A hard day/ }).uncheck();
    await books.getByRole('group', { name: /Letters and entries \(1 of 2 in\)/ }).waitFor();
    await books.getByRole('button', { name: 'Make the book' }).click();
    await heading(page, 'Jack').waitFor();
    // Asked for: the book is listed, waiting, being made or made.
    await books
      .getByText(/Getting ready to make|Making Jack’s book|Ready/)
      .first()
      .waitFor();
  });

  it('shows the book being made, then offers the PDF', async () => {
    const { page } = j;
    const download = page.getByRole('link', { name: /Download the book/ });
    await download.waitFor();
    await j.a11y('Jack’s page with a ready book');
    const href = await download.getAttribute('href');
    const answer = await page.request.get(new URL(href!, page.url()).toString());
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect(answer.headers()['content-disposition']).toMatch(/^attachment; filename="Jack-\d{4}\.pdf"/);
    const pdf = await answer.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(tmp, 'jack.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('The sunflowers came up again by the gate.');
    expect(text).not.toContain('A hard day at the sea');
  });

  it('keeps Jack’s keepsakes where they are while the rest of his page fills in', async () => {
    // A page that moves as it fills in sends a tap to whatever slid under it (once, "Add a keepsake"
    // became a tap on the book's form, which had grown above it). The keepsakes' place on the page is
    // read at every frame from the moment they show until everything else has arrived.
    const { page } = j;
    const placesOfKeepsakes = await watchPlaceOf(page, 'keepsakes-heading');
    await page.reload();
    await heading(page, 'Jack').waitFor();
    const books = page.getByRole('region', { name: 'A book for Jack' });
    await books.getByRole('heading', { name: 'What goes in' }).waitFor();
    await page.getByRole('link', { name: "Jack's days across the years" }).waitFor();
    await page.getByText('Add a ritual').waitFor();
    const places = await placesOfKeepsakes();
    expect(places, `the keepsakes' heading was at ${places.join(', ')} px`).toHaveLength(1);
  });
});
