import { describe, expect, it } from 'vitest';
import { addJack, heading, signUp, useJourney } from './steps.js';

// The memorial book on a phone (390×844): Olive asks for Jack's book for this year on A4 from his
// page; the server's job makes it while the page shows its progress, then the download link
// answers with the PDF. axe checks the page with the form and with the ready book.

const j = useJourney({ phone: { viewport: { width: 390, height: 844 } }, env: { JOB_POLL_MS: '200' } });
const OLIVE = {
  name: 'Olive',
  email: 'olive.book@example.org',
  password: 'a book to hold on the hard days',
  family: 'The Hart family',
};

describe('Jack’s book', () => {
  it('Olive asks for a book for this year from Jack’s page', async () => {
    const { page } = j;
    await signUp(page, OLIVE);
    await addJack(page);
    const books = page.getByRole('region', { name: 'A book for Jack' });
    await books.getByRole('button', { name: 'Make the book' }).waitFor();
    await j.a11y('Jack’s page with the book form');
    await books.getByRole('radio', { name: 'A4' }).check();
    await books.getByRole('button', { name: 'Make the book' }).click();
    await heading(page, 'Jack').waitFor();
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
    expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
