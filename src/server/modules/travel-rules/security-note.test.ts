import { describe, expect, it } from 'vitest';
import { securityNotes } from './security-note.js';
import { NOTE_WORDS, noteLanguages } from './security-note.words.js';

// Review 11, finding 1: in every language, a baby registered on another paper (a UK stillbirth
// certificate) is never said to be "before the stage at which a death certificate is issued".
const notesFor = (registration: 'not_registered' | 'unsettled' | { on: string }) =>
  securityNotes({
    shownName: 'Eleni',
    containers: ['plastic'],
    withoutCertificate: [{ name: 'Eleni', weeks: 26, lossCountry: 'GB', registration }],
    // Countries whose languages cover all eight: Spain, France, Germany, Italy, Portugal, the Netherlands, Japan.
    countries: ['GB', 'ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'JP'],
  });

describe('the note for a baby born without signs of life', () => {
  it('is written in every language we have', () => {
    expect(notesFor('not_registered').map((n) => n.language)).toEqual([...noteLanguages]);
  });

  it('names the paper a registered baby has, in every language, and never the threshold sentence', () => {
    for (const note of notesFor({ on: 'stillbirth certificate' })) {
      const country = new Intl.DisplayNames([note.language], { type: 'region' }).of('GB')!;
      expect(note.text).toContain('stillbirth certificate');
      expect(note.text).not.toContain(NOTE_WORDS[note.language].noCertificate('Eleni', 26, country, true));
    }
    // And the threshold sentence is there for a baby who is not registered at all.
    for (const note of notesFor('not_registered')) {
      const country = new Intl.DisplayNames([note.language], { type: 'region' }).of('GB')!;
      expect(note.text).toContain(NOTE_WORDS[note.language].noCertificate('Eleni', 26, country, true));
    }
  });

  it('says only what is sure when our rules’ reasons differ', () => {
    const [english] = notesFor('unsettled');
    expect(english!.text).toContain(
      'Eleni was born without signs of life at 26 weeks of pregnancy, and no death certificate was issued in the country of birth (United Kingdom), so we carry the papers we were given instead.',
    );
    expect(english!.text).not.toContain('before the stage');
  });
});

// Review 13, finding 8: in New Zealand before 20 weeks and under 400 g no cremation certificate is
// issued either, so the note never speaks of papers from a crematorium, in any language.
describe('a baby for whom no cremation certificate is issued either', () => {
  const CREMATORIUM = /cr[eé]mat[oó]ri|Krematori|火葬場/i;
  const aroha = (noCremationCertificate: boolean) =>
    securityNotes({
      shownName: 'Aroha',
      containers: ['biodegradable'],
      withoutCertificate: [
        {
          name: 'Aroha',
          weeks: 19,
          lossCountry: 'NZ',
          registration: 'not_registered',
          noCremationCertificate,
        },
      ],
      countries: ['NZ', 'ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'JP'],
    });

  it('t07: says "the papers we were given", never the crematorium, in every language', () => {
    const notes = aroha(true);
    expect(notes.map((n) => n.language)).toEqual([...noteLanguages]);
    for (const note of notes) expect(note.text).not.toMatch(CREMATORIUM);
    expect(notes[0]!.text).toContain(
      'Aroha was born without signs of life at 19 weeks of pregnancy, before the stage at which a death certificate is issued in the country of birth (New Zealand), so we carry the papers we were given instead.',
    );
  });

  it('the opposite: where a crematorium certificate exists, the note still names it', () => {
    for (const note of aroha(false)) expect(note.text).toMatch(CREMATORIUM);
  });
});

// Review 15, finding 6: French elides "de" before a vowel; German and Italian say the weeks as
// completed weeks ("at 25 weeks" is the 26th week, so "in der 25. Woche" would say 24+x).
describe('review 15: the note in French, German and Italian', () => {
  const notes = (name: string, weeks: number) =>
    securityNotes({
      shownName: name,
      containers: ['stone'],
      withoutCertificate: [
        { name, weeks, lossCountry: 'GB', registration: { on: 'stillbirth certificate' } },
      ],
      countries: ['FR', 'DE', 'IT'],
    });
  const inLanguage = (name: string, weeks: number, language: string) =>
    notes(name, weeks).find((n) => n.language === language)!.text;

  it('French: "d’Isla", "d’Hugo", but "de Lily"', () => {
    expect(inLanguage('Isla', 25, 'fr')).toContain('les cendres d’Isla');
    expect(inLanguage('Isla', 25, 'fr')).toContain('La naissance d’Isla');
    expect(inLanguage('Isla', 25, 'fr')).not.toMatch(/\bde Isla\b/);
    expect(inLanguage('Hugo', 25, 'fr')).toContain('La naissance d’Hugo');
    expect(inLanguage('Lily', 25, 'fr')).toContain('les cendres de Lily');
  });

  it('German and Italian: completed weeks, never the ordinal week', () => {
    expect(inLanguage('Isla', 24, 'de')).toContain('Isla kam nach 24 vollendeten Schwangerschaftswochen');
    expect(inLanguage('Isla', 24, 'de')).not.toContain('24. Schwangerschaftswoche');
    expect(inLanguage('Isla', 25, 'it')).toContain('a 25 settimane compiute di gravidanza');
    expect(inLanguage('Isla', 25, 'it')).not.toContain('25ª settimana');
  });
});
