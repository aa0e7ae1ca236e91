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

// Review 16, finding 3: a trip carrying two loved ones (Mom's metal urn, Dad's wooden box) through
// Belgium, Switzerland and Brazil. The note spoke of one person and one container, and put English
// "and" into the other languages.
describe('review 16: the note for two loved ones', () => {
  const notes = (over: Partial<Parameters<typeof securityNotes>[0]> = {}) =>
    securityNotes({
      shownName: ['Mom', 'Dad'],
      containers: ['metal', 'wood'],
      withoutCertificate: [],
      countries: ['BE', 'CH', 'BR'],
      ...over,
    });
  const inLanguage = (language: string, over: Partial<Parameters<typeof securityNotes>[0]> = {}) =>
    notes(over).find((n) => n.language === language)!.text;

  it('English: both named, who "are" loved, and two containers, each with its material', () => {
    const text = inLanguage('en');
    expect(text).toContain(
      'In our luggage we are carrying the cremated remains (ashes) of Mom and Dad, who are dearly loved and very much missed. There are two containers: one made of metal and one made of wood.',
    );
    expect(text).toContain('please do not open the containers. If you need to check them further');
    expect(text).not.toContain('who is dearly loved');
    expect(text).not.toContain('The container is made of');
  });

  it('French and Italian agree in the plural; every language joins the names with its own "and"', () => {
    expect(inLanguage('fr')).toContain(
      'Dans nos bagages, nous transportons les cendres de Mom et de Dad, que nous aimons profondément et qui nous manquent beaucoup. Il y a deux récipients : un en métal et un en bois.',
    );
    expect(inLanguage('it')).toContain(
      'Nei nostri bagagli portiamo le ceneri di Mom e Dad, che amiamo profondamente e che ci mancano moltissimo. Ci sono due contenitori: uno in metallo e uno in legno.',
    );
    expect(inLanguage('de')).toContain('die Asche von Mom und Dad');
    expect(inLanguage('de')).toContain('Es sind zwei Behälter: einer aus Metall und einer aus Holz.');
    expect(inLanguage('nl')).toContain('de as van Mom en Dad');
    expect(inLanguage('nl')).toContain('Het zijn twee houders: één van metaal en één van hout.');
    expect(inLanguage('pt')).toContain('as cinzas de Mom e Dad');
    expect(inLanguage('pt')).toContain('São dois recipientes: um de metal e um de madeira.');
    for (const note of notes()) {
      if (note.language !== 'en') expect(note.text).not.toMatch(/\bMom and Dad\b/);
    }
    const japanese = notes({ countries: ['JP'] }).find((n) => n.language === 'ja')!.text;
    expect(japanese).toContain('MomとDadの遺灰');
    expect(japanese).toContain('容器は2つあり、素材は金属が1つ、木が1つです。');
    expect(inLanguage('es', { countries: ['ES'], shownName: ['Ana', 'Isabel'] })).toContain(
      'las cenizas de Ana e Isabel, a quienes queremos profundamente',
    );
  });

  it('two containers of one material, three containers, and one whose material is not given', () => {
    expect(inLanguage('en', { containers: ['wood', 'wood'] })).toContain(
      'There are two containers, both made of wood.',
    );
    expect(inLanguage('en', { containers: ['wood', 'metal', 'wood'] })).toContain(
      'There are three containers: two made of wood and one made of metal.',
    );
    expect(inLanguage('en', { containers: ['metal', 'unknown'] })).toContain(
      'There are two containers: one made of metal and one other.',
    );
    expect(inLanguage('fr', { containers: ['wood', 'wood'] })).toContain(
      'Il y a deux récipients, tous deux en bois.',
    );
  });

  it('a name the family chose for both is said as written, in the plural', () => {
    const text = inLanguage('en', { shownName: 'our parents', lovedOnes: 2 });
    expect(text).toContain('of our parents, who are dearly loved');
    expect(inLanguage('fr', { shownName: 'nos parents', lovedOnes: 2 })).toContain('qui nous manquent');
  });

  it('the opposite: one loved one and one container are said as before', () => {
    const text = inLanguage('en', { shownName: 'Mom', containers: ['metal'] });
    expect(text).toContain(
      'In our bag we are carrying the cremated remains (ashes) of Mom, who is dearly loved and very much missed. The container is made of metal.',
    );
    expect(text).toContain('please do not open the container. If you need to check it further');
    expect(inLanguage('fr', { shownName: 'Mom', containers: ['metal'] })).toContain(
      'qui nous manque beaucoup',
    );
  });
});

// Issue 7 (the packet): the note never claims a paper the family has not said they carry. In
// Ireland registering a stillbirth (from 23 weeks or 400 g) is the parents' choice, and the family is
// never asked whether they did; in Ontario the paper is a certified copy of the registration, which
// was said to be "recorded on" as if it were the record.
describe('issue 7: a paper the family may not have, and Ontario’s certified copy', () => {
  const note = (lossCountry: string, registration: { on: string; optional?: boolean }) =>
    securityNotes({
      shownName: 'Aoife',
      containers: ['wood'],
      withoutCertificate: [{ name: 'Aoife', weeks: 26, lossCountry, registration }],
      countries: ['IE', 'ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'JP'],
    });
  const irish = () => note('IE', { on: 'stillbirth certificate', optional: true });
  const ontario = () => note('CA', { on: 'certified copy of the stillbirth registration' });

  it('Ireland: says parents may register, never that the stillbirth certificate is carried', () => {
    const notes = irish();
    expect(notes.map((n) => n.language)).toEqual([...noteLanguages]);
    expect(notes[0]!.text).toContain(
      'We have with us the papers we hold for Aoife. Aoife was born without signs of life at 26 weeks of pregnancy. In the country of birth (Ireland) no death certificate is issued for this; parents may choose to register the stillbirth, and are then given a stillbirth certificate.',
    );
    expect(notes[0]!.text).not.toMatch(/we carry|what we carry|the paper we carry/);
    for (const { language, text } of notes) {
      const country = new Intl.DisplayNames([language], { type: 'region' }).of('IE')!;
      const words = NOTE_WORDS[language];
      expect(text).toContain(words.mayRegister('Aoife', 26, country, 'stillbirth certificate'));
      expect(text).not.toContain(words.registeredOn('Aoife', 26, country, 'stillbirth certificate'));
      // Nor "the papers we were given instead", which would say they have no such certificate.
      expect(text).not.toContain(words.noneIssued('Aoife', 26, country));
    }
    // No language says the crematorium's paper comes with it, as the carried paper's sentence does.
    for (const { text } of notes.slice(1)) expect(text).not.toMatch(/cr[eé]mat[oó]ri|Krematori|火葬場/);
  });

  it('Ontario: "the official paper for this is a certified copy…", never "recorded on" one', () => {
    const notes = ontario();
    expect(notes[0]!.text).toContain(
      "Aoife was born without signs of life at 26 weeks of pregnancy. In the country of birth (Canada) the official paper for this is a certified copy of the stillbirth registration rather than a death certificate, so that is what we carry, with the crematorium's.",
    );
    expect(notes[0]!.text).not.toContain('recorded on a certified copy');
    const text = (language: string) => notes.find((n) => n.language === language)!.text;
    expect(text('es')).toContain(
      'En el país de nacimiento (Canadá) el documento oficial en este caso no es un certificado de defunción, sino uno propio («certified copy of the stillbirth registration»); llevamos ese documento',
    );
    expect(text('fr')).toContain(
      'le document officiel dans ce cas n’est pas un acte de décès, mais un document propre (« certified copy of the stillbirth registration ») ; c’est ce document que nous portons',
    );
    expect(text('de')).toContain(
      'Im Geburtsland (Kanada) ist das amtliche Dokument dafür keine Sterbeurkunde, sondern ein eigenes („certified copy of the stillbirth registration“)',
    );
    expect(text('it')).toContain(
      'il documento ufficiale in questo caso non è un certificato di morte, ma un documento apposito («certified copy of the stillbirth registration»)',
    );
    expect(text('pt')).toContain(
      'o documento oficial neste caso não é uma certidão de óbito, mas um documento próprio («certified copy of the stillbirth registration»)',
    );
    expect(text('nl')).toContain(
      'is het officiële document hiervoor geen overlijdensakte, maar een eigen document („certified copy of the stillbirth registration”)',
    );
    expect(text('ja')).toContain(
      'この場合の公的な書類は死亡証明書ではなく専用の書類（「certified copy of the stillbirth registration」）であるため',
    );
    // The old sentences said the birth was registered or recorded on a copy, in every language.
    for (const { text: said } of notes)
      expect(said).not.toMatch(
        /recorded on a certified|se registra en|enregistrée sur|beurkundet|registrata su|registado num|vastgelegd op|に記録される/,
      );
  });

  it('the opposite: a registration that is not optional still says the paper is carried', () => {
    const [english] = note('GB', { on: 'stillbirth certificate', optional: false });
    expect(english!.text).toContain(
      'In the country of birth (United Kingdom) the official paper for this is a stillbirth certificate rather than a death certificate, so that is what we carry',
    );
  });
});

// Review 17, finding 6: Ontario's threshold (20 weeks or 500 g) was said as Canada's ("issued in the
// country of birth (Canada)"). Where the rules saying why are a region's own, every language names
// the region with the country, and says the place of birth, never the country of birth.
describe('review 17, finding 6: a region’s own threshold is said as the region’s', () => {
  const notes = (registration: 'not_registered' | { on: string }, region?: string) =>
    securityNotes({
      shownName: 'Liam',
      containers: ['wood'],
      withoutCertificate: [
        { name: 'Liam', weeks: 19, lossCountry: 'CA', ...(region && { lossRegion: region }), registration },
      ],
      countries: ['CA', 'ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'JP'],
    });

  it('below Ontario’s threshold: "the place of birth (Ontario, Canada)", in every language', () => {
    const all = notes('not_registered', 'CA-ON');
    expect(all[0]!.text).toContain(
      'Liam was born without signs of life at 19 weeks of pregnancy, before the stage at which a death certificate is issued in the place of birth (Ontario, Canada), so we carry the papers from the hospital and the crematorium instead.',
    );
    const text = (language: string) => all.find((n) => n.language === language)!.text;
    expect(text('es')).toContain(
      'se expide un certificado de defunción en el lugar de nacimiento (Ontario, Canadá)',
    );
    expect(text('fr')).toContain('un acte de décès est délivré au lieu de naissance (Ontario, Canada)');
    expect(text('de')).toContain('am Geburtsort (Ontario, Kanada)');
    expect(text('it')).toContain('nel luogo di nascita (Ontario, Canada)');
    expect(text('pt')).toContain('é emitida uma certidão de óbito no local de nascimento (Ontario, Canadá)');
    expect(text('nl')).toContain('in de geboorteplaats (Ontario, Canada)');
    expect(text('ja')).toContain('生まれた地域（Ontario、カナダ）');
    // No language says it of the country.
    for (const { text: t } of all)
      expect(t).not.toMatch(
        /country of birth|país de nacimiento|pays de naissance|Geburtsland|paese di nascita|país de nascimento|geboorteland|生まれた国/,
      );
  });

  it('registered in Ontario: the place of birth names Ontario with the paper', () => {
    const all = notes({ on: 'certified copy of the stillbirth registration' }, 'CA-ON');
    expect(all[0]!.text).toContain(
      'In the place of birth (Ontario, Canada) the official paper for this is a certified copy of the stillbirth registration rather than a death certificate, so that is what we carry',
    );
    for (const { text } of all)
      expect(text).not.toMatch(
        /country of birth|país de nacimiento|pays de naissance|Geburtsland|paese di nascita|país de nascimento|geboorteland|生まれた国/,
      );
  });

  it('with no region the country is said as before', () => {
    expect(notes('not_registered')[0]!.text).toContain('in the country of birth (Canada)');
  });
});

// Noticed with review 17: two loved ones, two containers, and staff could not tell whose was which.
// Where each loved one's container is known (one each, of different materials), each is said.
describe('whose ashes are in which container', () => {
  const notes = (whose?: ReadonlyArray<{ name: string; container: 'metal' | 'wood' | 'unknown' }>) =>
    securityNotes({
      shownName: ['Mom', 'Isla'],
      containers: (whose ?? []).map((w) => w.container),
      ...(whose && { whose }),
      withoutCertificate: [],
      countries: ['GB', 'ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'JP'],
    });
  const text = (all: ReturnType<typeof notes>, language: string) =>
    all.find((n) => n.language === language)!.text;
  const both = [
    { name: 'Mom', container: 'metal' as const },
    { name: 'Isla', container: 'wood' as const },
  ];

  it('says each loved one’s container, in every language of the note', () => {
    const all = notes(both);
    expect(text(all, 'en')).toContain(
      'There are two containers: one made of metal and one made of wood. Mom’s ashes are in the container made of metal. Isla’s ashes are in the container made of wood.',
    );
    expect(text(all, 'es')).toContain(
      'Las cenizas de Mom están en el recipiente de metal. Las cenizas de Isla están en el recipiente de madera.',
    );
    expect(text(all, 'fr')).toContain(
      'Les cendres de Mom sont dans le récipient en métal. Les cendres d’Isla sont dans le récipient en bois.',
    );
    expect(text(all, 'de')).toContain(
      'Die Asche von Mom ist im Behälter aus Metall. Die Asche von Isla ist im Behälter aus Holz.',
    );
    expect(text(all, 'it')).toContain(
      'Le ceneri di Mom sono nel contenitore in metallo. Le ceneri di Isla sono nel contenitore in legno.',
    );
    expect(text(all, 'pt')).toContain(
      'As cinzas de Mom estão no recipiente de metal. As cinzas de Isla estão no recipiente de madeira.',
    );
    expect(text(all, 'nl')).toContain(
      'De as van Mom zit in de houder van metaal. De as van Isla zit in de houder van hout.',
    );
    expect(text(all, 'ja')).toContain(
      'Momの遺灰は、素材が金属の容器に入っています。Islaの遺灰は、素材が木の容器に入っています。',
    );
  });

  it('says nothing of whose is which where it would not tell them apart', () => {
    for (const whose of [
      undefined,
      [
        { name: 'Mom', container: 'metal' as const },
        { name: 'Isla', container: 'metal' as const },
      ],
      [
        { name: 'Mom', container: 'metal' as const },
        { name: 'Isla', container: 'unknown' as const },
      ],
    ]) {
      expect(text(notes(whose), 'en')).not.toContain('ashes are in the container');
    }
  });
});
