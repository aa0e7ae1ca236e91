import { describe, expect, it } from 'vitest';
import {
  addJack,
  addTravellingKeepsake,
  heading,
  planFlights,
  signUp,
  tripNav,
  useJourney,
} from './steps.js';

// The page a parent opens at the X-ray belt, on a phone: for Jack, lost at 20 weeks and flying
// British Airways to Spain, what this family carries is the first thing on the screen, in kind
// words. Whether Jack was born alive is asked once, gently, and never assumed; once answered, the
// page says plainly what they carry instead of a death certificate.

const j = useJourney();
const TRIP = 'Jack by the sea in Spain';
const PHONE = { width: 390, height: 844 };

describe('what to carry, on a phone, for a baby lost at 20 weeks', () => {
  it('sets up Jack, his wooden box and a British Airways flight to Spain and home', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Maya',
      email: 'maya.phone@example.org',
      password: 'the garden in the rain',
      family: 'The Okafors',
    });
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's little box", 'Wood');
    await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British Airways', option: 'British Airways (BA)' },
      homeZone: 'Europe/Madrid',
    });
  });

  it('opens with what this family carries for Jack, on the first phone screen, and asks gently', async () => {
    const { page } = j;
    await page.setViewportSize(PHONE);
    await tripNav(page, 'What to carry').click();
    await heading(page, TRIP).waitFor();
    const summary = page.getByRole('region', { name: 'What you carry for Jack' });
    await summary.getByText(/There may be no death certificate for Jack/).waitFor();
    const box = await summary.boundingBox();
    expect(box, 'the summary is on the page').not.toBeNull();
    expect(box!.y, 'the summary starts on the first screen').toBeLessThan(PHONE.height);
    expect(await page.evaluate('window.scrollY')).toBe(0);
    const question = summary.getByRole('group', { name: /born alive/i });
    await question.getByText(/nothing is assumed until you say/).waitFor();
    const first = await summary.getByText(/There may be no death certificate for Jack/).boundingBox();
    expect(first!.y, 'what they carry is said on the first screen').toBeLessThan(PHONE.height);
    await j.a11y('what to carry on a phone, asking about Jack');
  });

  it('once answered, says plainly what the family carries instead, and asks no more', async () => {
    const { page } = j;
    const summary = page.getByRole('region', { name: 'What you carry for Jack' });
    await summary.getByRole('button', { name: 'Jack was born without signs of life' }).click();
    await summary.getByText(/There is no death certificate for Jack/).waitFor();
    await summary.getByText(/carry whatever the hospital gave you about your baby/).waitFor();
    expect(await summary.getByRole('group', { name: /born alive/i }).count()).toBe(0);
    // What they carry never includes a passport Jack never had (rules quoting what an airline asks
    // of everyone keep the source's words, each followed by a note that there is none for Jack).
    expect(await summary.innerText()).not.toMatch(/passport/i);
    await j.a11y('what to carry on a phone, after answering');
  });

  it('lists the papers Jack has first, and the death certificate last, with no words on carrying it', async () => {
    const { page } = j;
    // Review 13, finding 14: the card for a paper that does not exist came first, with instructions
    // for carrying it, and a rule British Airways only "may ask" was labelled "Needed".
    const papers = page.getByRole('region', { name: 'Papers to carry for Jack' });
    const titles = await papers.getByRole('heading', { level: 4 }).allInnerTexts();
    expect(titles.length).toBeGreaterThan(1);
    expect(titles[titles.length - 1]).toBe('Death certificate');
    const none = papers.getByRole('listitem', { name: 'Death certificate' });
    await none.getByText(/There is no such paper for your loved one/).waitFor();
    expect(await none.innerText()).not.toMatch(/certified copy/i);
    const ba = page
      .getByRole('listitem', { name: /British Airways may ask for a copy of the death certificate/ })
      .first();
    expect((await ba.locator('.requirement-kind').textContent())?.trim()).toBe('May be needed');
  });
});
