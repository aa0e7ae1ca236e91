import type { TravelContainer } from '../../../contracts/travel-rules.js';

// The note for security staff, in the languages of the countries a family passes through. Every
// sentence is a whole sentence per language (never words glued together), written to be handed
// over at a belt by someone who may be crying: calm, courteous, asking nothing the rules forbid.
// Names of countries come from the runtime's CLDR data (Intl.DisplayNames) in each language.

export const noteLanguages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'ja'] as const;
export type NoteLanguage = (typeof noteLanguages)[number];

export interface NoteWords {
  /** The heading, in the language itself. */
  heading: string;
  thanks: string;
  /** Whose ashes: one name, or several, joined with this language's own "and" (review 16, 3). */
  carrying: (names: readonly string[], plural: boolean) => string;
  /** The loved ones' names as a list in this language: "Mom and Dad", "Mom y Dad", "MomとDad". */
  list: (names: readonly string[]) => string;
  /** What one container is made of. */
  material: (material: string) => string;
  /**
   * Two or more containers, said as what each is made of: `made` counts those of each material
   * (in order), `others` those whose material the family has not given (review 16, finding 3).
   */
  containers: (total: number, made: readonly MaterialCount[], others: number) => string;
  /**
   * Whose ashes are in which container, for two loved ones or more whose containers differ: "Mom’s
   * ashes are in the container made of metal." (noticed with review 17).
   */
  whose: (name: string, material: string) => string;
  /** Plural where there is more than one container: "please do not open the containers". */
  screening: (plural: boolean) => string;
  papers: (name: string) => string;
  /**
   * A baby born without signs of life before the stage at which a death certificate is issued.
   * `crematorium` is false where no cremation certificate is issued either (New Zealand, before 20
   * weeks and under 400 g): then the family carries "the papers we were given" (review 13, finding 8).
   * `region` is given where the threshold is a region's own (Ontario's): the sentence then says the
   * place of birth, naming the region with the country, never the country's (review 17, finding 6).
   * The region keeps its own name (as ISO 3166-2 gives it) in every language, as a paper's name does.
   */
  noCertificate: (
    name: string,
    weeks: number | null,
    country: string,
    crematorium: boolean,
    region?: string,
  ) => string;
  /**
   * A baby born without signs of life who is registered on another paper (a UK stillbirth
   * certificate, a Texas Certificate of Fetal Death, Ontario's certified copy of the stillbirth
   * registration), named in English as the paper itself is: "the official paper for this is …",
   * which reads as well for a certified copy as for a certificate (issue 7). With `region`, as for
   * `noCertificate` (review 17, finding 6).
   */
  registeredOn: (
    name: string,
    weeks: number | null,
    country: string,
    paper: string,
    region?: string,
  ) => string;
  /**
   * A baby born without signs of life where registering is the parents' choice (Ireland's
   * stillbirths): the paper is said to be given to parents who register, never to be carried, since
   * the family has not told us whether they did (issue 7).
   */
  mayRegister: (name: string, weeks: number | null, country: string, paper: string) => string;
  /** Our rules' reasons differ (an answer still open), so the note says only what is sure. */
  noneIssued: (name: string, weeks: number | null, country: string) => string;
  closing: string;
  materials: Readonly<Record<Exclude<TravelContainer, 'unknown'>, string>>;
}

export interface MaterialCount {
  count: number;
  /** The material in this language, as `materials` gives it. */
  material: string;
}

/** "A", "A and B", "A, B and C", with a language's own "and" (Spanish's is a function: y, e). */
const joinWith =
  (and: string | ((next: string) => string)) =>
  (items: readonly string[]): string => {
    if (items.length <= 1) return items[0] ?? '';
    const last = items[items.length - 1]!;
    return `${items.slice(0, -1).join(', ')} ${typeof and === 'string' ? and : and(last)} ${last}`;
  };

/** Spanish "y" is "e" before a word beginning with the sound i (Isabel, Hilda), not "hie"/"hia". */
const spanishAnd = (next: string): string => (/^h?[iíï](?![aeoáéó])/i.test(next) ? 'e' : 'y');

/** "MomとDad", "Mom、DadとJo". */
const japaneseList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}と${items[items.length - 1]!}`;

/** A number of containers in words (the container's gender where it has one), digits past ten. */
const inWords =
  (words: readonly string[]) =>
  (n: number): string =>
    words[n] ?? String(n);

/** The parts of a container sentence: "one made of metal", …, "one other". */
const parts = (
  made: readonly MaterialCount[],
  others: number,
  one: (count: number, material: string) => string,
  other: (count: number) => string,
): string[] => [
  ...made.map(({ count, material }) => one(count, material)),
  ...(others > 0 ? [other(others)] : []),
];

/**
 * French "de" before a name: "d’Isla", "d’Hugo" before a vowel or h (a name's h is nearly always
 * mute), "de Lily" otherwise (review 15, finding 6).
 */
export const deName = (name: string): string =>
  /^[aeiouhàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`;

export const NOTE_WORDS: Readonly<Record<NoteLanguage, NoteWords>> = {
  en: {
    heading: 'A note for security staff',
    thanks: 'Thank you for taking a moment to read this.',
    carrying: (names, plural) =>
      plural
        ? `In our luggage we are carrying the cremated remains (ashes) of ${joinWith('and')(names)}, who are dearly loved and very much missed.`
        : `In our bag we are carrying the cremated remains (ashes) of ${joinWith('and')(names)}, who is dearly loved and very much missed.`,
    list: joinWith('and'),
    material: (m) => `The container is made of ${m}.`,
    containers: (total, made, others) => {
      const n = inWords(['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
      if (made.length === 0) return `There are ${n(total)} containers.`;
      if (made.length === 1 && others === 0)
        return `There are ${n(total)} containers, ${total === 2 ? 'both' : 'all'} made of ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} made of ${material}`,
        (count) => (count === 1 ? 'one other' : `${n(count)} others`),
      );
      return `There are ${n(total)} containers: ${joinWith('and')(each)}.`;
    },
    whose: (name, m) => `${name}’s ashes are in the container made of ${m}.`,
    screening: (plural) =>
      plural
        ? 'We know they need to be screened, and we are glad to help in any way we can. If it is at all possible, please do not open the containers. If you need to check them further, please tell us and we will follow your lead.'
        : 'We know it needs to be screened, and we are glad to help in any way we can. If it is at all possible, please do not open the container. If you need to check it further, please tell us and we will follow your lead.',
    papers: (name) => `We have with us the papers we hold for ${name}.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `${name} was born without signs of life${weeks === null ? '' : ` at ${weeks} weeks of pregnancy`}, before the stage at which a death certificate is issued in ${region ? `the place of birth (${region}, ${country})` : `the country of birth (${country})`}, so we carry ${crematorium ? 'the papers from the hospital and the crematorium' : 'the papers we were given'} instead.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `${name} was born without signs of life${weeks === null ? '' : ` at ${weeks} weeks of pregnancy`}. In ${region ? `the place of birth (${region}, ${country})` : `the country of birth (${country})`} the official paper for this is ${/^[aeiou]/i.test(paper) ? 'an' : 'a'} ${paper} rather than a death certificate, so that is what we carry, with the crematorium's.`,
    mayRegister: (name, weeks, country, paper) =>
      `${name} was born without signs of life${weeks === null ? '' : ` at ${weeks} weeks of pregnancy`}. In the country of birth (${country}) no death certificate is issued for this; parents may choose to register the stillbirth, and are then given ${/^[aeiou]/i.test(paper) ? 'an' : 'a'} ${paper}.`,
    noneIssued: (name, weeks, country) =>
      `${name} was born without signs of life${weeks === null ? '' : ` at ${weeks} weeks of pregnancy`}, and no death certificate was issued in the country of birth (${country}), so we carry the papers we were given instead.`,
    closing: 'Thank you for your care and patience.',
    materials: {
      wood: 'wood',
      plastic: 'plastic',
      cardboard: 'cardboard',
      metal: 'metal',
      stone: 'stone',
      ceramic: 'ceramic',
      glass: 'glass',
      biodegradable: 'biodegradable material',
    },
  },
  es: {
    heading: 'Nota para el personal de seguridad',
    thanks: 'Gracias por dedicar un momento a leer esto.',
    carrying: (names, plural) =>
      `En nuestro equipaje llevamos las cenizas de ${joinWith(spanishAnd)(names)}, a ${plural ? 'quienes' : 'quien'} queremos profundamente y echamos mucho de menos.`,
    list: joinWith(spanishAnd),
    material: (m) => `El recipiente es de ${m}.`,
    containers: (total, made, others) => {
      const n = inWords([
        '',
        'uno',
        'dos',
        'tres',
        'cuatro',
        'cinco',
        'seis',
        'siete',
        'ocho',
        'nueve',
        'diez',
      ]);
      if (made.length === 0) return `Hay ${n(total)} recipientes.`;
      if (made.length === 1 && others === 0)
        return `Hay ${n(total)} recipientes, ${total === 2 ? 'ambos' : 'todos'} de ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} de ${material}`,
        (count) => (count === 1 ? 'otro' : `otros ${n(count)}`),
      );
      return `Hay ${n(total)} recipientes: ${joinWith('y')(each)}.`;
    },
    whose: (name, m) => `Las cenizas de ${name} están en el recipiente de ${m}.`,
    screening: (plural) =>
      plural
        ? 'Sabemos que deben pasar el control de seguridad y le ayudaremos en todo lo que podamos. Si es posible, le rogamos que no abra los recipientes. Si necesita comprobarlos más a fondo, díganoslo y seguiremos sus indicaciones.'
        : 'Sabemos que debe pasar el control de seguridad y le ayudaremos en todo lo que podamos. Si es posible, le rogamos que no abra el recipiente. Si necesita comprobarlo más a fondo, díganoslo y seguiremos sus indicaciones.',
    papers: (name) => `Llevamos con nosotros los documentos que tenemos de ${name}.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `${name} nació sin signos de vida${weeks === null ? '' : ` a las ${weeks} semanas de embarazo`}, antes de la etapa en la que ${region ? `se expide un certificado de defunción en el lugar de nacimiento (${region}, ${country})` : `el país de nacimiento (${country}) expide un certificado de defunción`}, por lo que llevamos en su lugar ${crematorium ? 'los documentos del hospital y del crematorio' : 'los documentos que nos dieron'}.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `${name} nació sin signos de vida${weeks === null ? '' : ` a las ${weeks} semanas de embarazo`}. En ${region ? `el lugar de nacimiento (${region}, ${country})` : `el país de nacimiento (${country})`} el documento oficial en este caso no es un certificado de defunción, sino uno propio («${paper}»); llevamos ese documento, junto con el del crematorio.`,
    mayRegister: (name, weeks, country, paper) =>
      `${name} nació sin signos de vida${weeks === null ? '' : ` a las ${weeks} semanas de embarazo`}. En el país de nacimiento (${country}) no se expide un certificado de defunción en este caso; los padres pueden elegir inscribir el nacimiento en el registro, y reciben entonces un documento propio («${paper}»).`,
    noneIssued: (name, weeks, country) =>
      `${name} nació sin signos de vida${weeks === null ? '' : ` a las ${weeks} semanas de embarazo`} y el país de nacimiento (${country}) no expidió un certificado de defunción, por lo que llevamos en su lugar los documentos que nos dieron.`,
    closing: 'Gracias por su atención y su paciencia.',
    materials: {
      wood: 'madera',
      plastic: 'plástico',
      cardboard: 'cartón',
      metal: 'metal',
      stone: 'piedra',
      ceramic: 'cerámica',
      glass: 'vidrio',
      biodegradable: 'material biodegradable',
    },
  },
  fr: {
    heading: 'Note pour le personnel de sûreté',
    thanks: 'Merci de prendre un instant pour lire ceci.',
    carrying: (names, plural) =>
      plural
        ? `Dans nos bagages, nous transportons les cendres ${joinWith('et')(names.map(deName))}, que nous aimons profondément et qui nous manquent beaucoup.`
        : `Dans notre bagage, nous transportons les cendres ${joinWith('et')(names.map(deName))}, que nous aimons profondément et qui nous manque beaucoup.`,
    list: joinWith('et'),
    material: (m) => `Le récipient est en ${m}.`,
    containers: (total, made, others) => {
      const n = inWords(['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix']);
      if (made.length === 0) return `Il y a ${n(total)} récipients.`;
      if (made.length === 1 && others === 0)
        return `Il y a ${n(total)} récipients, ${total === 2 ? 'tous deux' : 'tous'} en ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} en ${material}`,
        (count) => (count === 1 ? 'un autre' : `${n(count)} autres`),
      );
      return `Il y a ${n(total)} récipients : ${joinWith('et')(each)}.`;
    },
    whose: (name, m) => `Les cendres ${deName(name)} sont dans le récipient en ${m}.`,
    screening: (plural) =>
      plural
        ? 'Nous savons qu’ils doivent passer au contrôle de sûreté et nous vous aiderons de notre mieux. Dans la mesure du possible, merci de ne pas ouvrir les récipients. Si vous devez les contrôler davantage, dites-le-nous et nous suivrons vos indications.'
        : 'Nous savons qu’il doit passer au contrôle de sûreté et nous vous aiderons de notre mieux. Dans la mesure du possible, merci de ne pas ouvrir le récipient. Si vous devez le contrôler davantage, dites-le-nous et nous suivrons vos indications.',
    papers: (name) => `Nous avons avec nous les documents que nous possédons pour ${name}.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `La naissance ${deName(name)} a eu lieu sans signe de vie${weeks === null ? '' : ` à ${weeks} semaines de grossesse`}, avant le stade à partir duquel un acte de décès est délivré ${region ? `au lieu de naissance (${region}, ${country})` : `dans le pays de naissance (${country})`} ; nous portons donc à la place ${crematorium ? 'les documents de l’hôpital et du crématorium' : 'les documents qui nous ont été remis'}.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `La naissance ${deName(name)} a eu lieu sans signe de vie${weeks === null ? '' : ` à ${weeks} semaines de grossesse`}. ${region ? `Au lieu de naissance (${region}, ${country})` : `Dans le pays de naissance (${country})`}, le document officiel dans ce cas n’est pas un acte de décès, mais un document propre (« ${paper} ») ; c’est ce document que nous portons, avec celui du crématorium.`,
    mayRegister: (name, weeks, country, paper) =>
      `La naissance ${deName(name)} a eu lieu sans signe de vie${weeks === null ? '' : ` à ${weeks} semaines de grossesse`}. Dans le pays de naissance (${country}), aucun acte de décès n’est délivré dans ce cas ; les parents peuvent choisir de faire enregistrer la naissance, et reçoivent alors un document propre (« ${paper} »).`,
    noneIssued: (name, weeks, country) =>
      `La naissance ${deName(name)} a eu lieu sans signe de vie${weeks === null ? '' : ` à ${weeks} semaines de grossesse`} et aucun acte de décès n’a été délivré dans le pays de naissance (${country}) ; nous portons donc à la place les documents qui nous ont été remis.`,
    closing: 'Merci de votre attention et de votre patience.',
    materials: {
      wood: 'bois',
      plastic: 'plastique',
      cardboard: 'carton',
      metal: 'métal',
      stone: 'pierre',
      ceramic: 'céramique',
      glass: 'verre',
      biodegradable: 'matériau biodégradable',
    },
  },
  de: {
    heading: 'Ein Hinweis für das Sicherheitspersonal',
    thanks: 'Vielen Dank, dass Sie sich einen Moment Zeit nehmen, dies zu lesen.',
    // "die Asche von …" is one mass noun, so the sentence is the same for one loved one or two.
    carrying: (names) =>
      `In unserem Gepäck befindet sich die Asche von ${joinWith('und')(names)}, in großer Liebe und Trauer.`,
    list: joinWith('und'),
    material: (m) => `Der Behälter ist aus ${m}.`,
    containers: (total, made, others) => {
      const n = inWords([
        '',
        'einer',
        'zwei',
        'drei',
        'vier',
        'fünf',
        'sechs',
        'sieben',
        'acht',
        'neun',
        'zehn',
      ]);
      if (made.length === 0) return `Es sind ${n(total)} Behälter.`;
      if (made.length === 1 && others === 0)
        return `Es sind ${n(total)} Behälter, ${total === 2 ? 'beide' : 'alle'} aus ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} aus ${material}`,
        (count) => (count === 1 ? 'ein weiterer' : `${n(count)} weitere`),
      );
      return `Es sind ${n(total)} Behälter: ${joinWith('und')(each)}.`;
    },
    whose: (name, m) => `Die Asche von ${name} ist im Behälter aus ${m}.`,
    screening: (plural) =>
      plural
        ? 'Wir wissen, dass sie kontrolliert werden müssen, und helfen gern, wo wir können. Bitte öffnen Sie die Behälter nach Möglichkeit nicht. Wenn Sie sie genauer prüfen müssen, sagen Sie es uns bitte, und wir folgen Ihren Anweisungen.'
        : 'Wir wissen, dass er kontrolliert werden muss, und helfen gern, wo wir können. Bitte öffnen Sie den Behälter nach Möglichkeit nicht. Wenn Sie ihn genauer prüfen müssen, sagen Sie es uns bitte, und wir folgen Ihren Anweisungen.',
    papers: (name) => `Wir haben die Unterlagen bei uns, die wir für ${name} besitzen.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `${name} kam${weeks === null ? '' : ` nach ${weeks} vollendeten Schwangerschaftswochen`} ohne Lebenszeichen zur Welt, vor dem Zeitpunkt, ab dem ${region ? `am Geburtsort (${region}, ${country})` : `im Geburtsland (${country})`} eine Sterbeurkunde ausgestellt wird; deshalb führen wir stattdessen ${crematorium ? 'die Unterlagen des Krankenhauses und des Krematoriums mit' : 'die Unterlagen mit, die wir erhalten haben'}.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `${name} kam${weeks === null ? '' : ` nach ${weeks} vollendeten Schwangerschaftswochen`} ohne Lebenszeichen zur Welt. ${region ? `Am Geburtsort (${region}, ${country})` : `Im Geburtsland (${country})`} ist das amtliche Dokument dafür keine Sterbeurkunde, sondern ein eigenes („${paper}“); dieses Dokument führen wir mit, zusammen mit dem des Krematoriums.`,
    mayRegister: (name, weeks, country, paper) =>
      `${name} kam${weeks === null ? '' : ` nach ${weeks} vollendeten Schwangerschaftswochen`} ohne Lebenszeichen zur Welt. Im Geburtsland (${country}) wird dafür keine Sterbeurkunde ausgestellt; die Eltern können die Geburt eintragen lassen, wenn sie es wünschen, und erhalten dann ein eigenes Dokument („${paper}“).`,
    noneIssued: (name, weeks, country) =>
      `${name} kam${weeks === null ? '' : ` nach ${weeks} vollendeten Schwangerschaftswochen`} ohne Lebenszeichen zur Welt, und im Geburtsland (${country}) wurde keine Sterbeurkunde ausgestellt; deshalb führen wir stattdessen die Unterlagen mit, die wir erhalten haben.`,
    closing: 'Vielen Dank für Ihre Rücksicht und Geduld.',
    materials: {
      wood: 'Holz',
      plastic: 'Kunststoff',
      cardboard: 'Pappe',
      metal: 'Metall',
      stone: 'Stein',
      ceramic: 'Keramik',
      glass: 'Glas',
      biodegradable: 'biologisch abbaubarem Material',
    },
  },
  it: {
    heading: 'Una nota per il personale addetto ai controlli',
    thanks: 'Grazie per aver dedicato un momento alla lettura di queste righe.',
    carrying: (names, plural) =>
      plural
        ? `Nei nostri bagagli portiamo le ceneri di ${joinWith('e')(names)}, che amiamo profondamente e che ci mancano moltissimo.`
        : `Nel nostro bagaglio portiamo le ceneri di ${joinWith('e')(names)}, che amiamo profondamente e che ci manca moltissimo.`,
    list: joinWith('e'),
    material: (m) => `Il contenitore è in ${m}.`,
    containers: (total, made, others) => {
      const n = inWords([
        '',
        'uno',
        'due',
        'tre',
        'quattro',
        'cinque',
        'sei',
        'sette',
        'otto',
        'nove',
        'dieci',
      ]);
      if (made.length === 0) return `Ci sono ${n(total)} contenitori.`;
      if (made.length === 1 && others === 0)
        return `Ci sono ${n(total)} contenitori, ${total === 2 ? 'entrambi' : 'tutti'} in ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} in ${material}`,
        (count) => (count === 1 ? 'un altro' : `altri ${n(count)}`),
      );
      return `Ci sono ${n(total)} contenitori: ${joinWith('e')(each)}.`;
    },
    whose: (name, m) => `Le ceneri di ${name} sono nel contenitore in ${m}.`,
    screening: (plural) =>
      plural
        ? 'Sappiamo che devono essere sottoposti ai controlli di sicurezza e siamo lieti di collaborare in ogni modo. Se possibile, vi preghiamo di non aprire i contenitori. Se dovete controllarli ulteriormente, ditecelo e seguiremo le vostre indicazioni.'
        : 'Sappiamo che deve essere sottoposto ai controlli di sicurezza e siamo lieti di collaborare in ogni modo. Se possibile, vi preghiamo di non aprire il contenitore. Se dovete controllarlo ulteriormente, ditecelo e seguiremo le vostre indicazioni.',
    papers: (name) => `Abbiamo con noi i documenti che possediamo per ${name}.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `La nascita di ${name} è avvenuta senza segni di vita${weeks === null ? '' : ` a ${weeks} settimane compiute di gravidanza`}, prima della soglia oltre la quale ${region ? `nel luogo di nascita (${region}, ${country})` : `nel paese di nascita (${country})`} viene rilasciato un certificato di morte; per questo portiamo con noi ${crematorium ? 'i documenti dell’ospedale e del crematorio' : 'i documenti che ci sono stati consegnati'}.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `La nascita di ${name} è avvenuta senza segni di vita${weeks === null ? '' : ` a ${weeks} settimane compiute di gravidanza`}. ${region ? `Nel luogo di nascita (${region}, ${country})` : `Nel paese di nascita (${country})`} il documento ufficiale in questo caso non è un certificato di morte, ma un documento apposito («${paper}»); portiamo con noi quel documento, insieme a quello del crematorio.`,
    mayRegister: (name, weeks, country, paper) =>
      `La nascita di ${name} è avvenuta senza segni di vita${weeks === null ? '' : ` a ${weeks} settimane compiute di gravidanza`}. Nel paese di nascita (${country}) in questo caso non viene rilasciato un certificato di morte; i genitori possono scegliere di registrare la nascita, e ricevono allora un documento apposito («${paper}»).`,
    noneIssued: (name, weeks, country) =>
      `La nascita di ${name} è avvenuta senza segni di vita${weeks === null ? '' : ` a ${weeks} settimane compiute di gravidanza`} e nel paese di nascita (${country}) non è stato rilasciato un certificato di morte; per questo portiamo con noi i documenti che ci sono stati consegnati.`,
    closing: 'Grazie per la vostra attenzione e pazienza.',
    materials: {
      wood: 'legno',
      plastic: 'plastica',
      cardboard: 'cartone',
      metal: 'metallo',
      stone: 'pietra',
      ceramic: 'ceramica',
      glass: 'vetro',
      biodegradable: 'materiale biodegradabile',
    },
  },
  pt: {
    heading: 'Uma nota para o pessoal de segurança',
    thanks: 'Obrigado por dedicar um momento a ler isto.',
    // "a quem … de quem" serves one loved one or several alike.
    carrying: (names) =>
      `Na nossa bagagem levamos as cinzas de ${joinWith('e')(names)}, a quem amamos profundamente e de quem sentimos muita falta.`,
    list: joinWith('e'),
    material: (m) => `O recipiente é de ${m}.`,
    containers: (total, made, others) => {
      const n = inWords(['', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez']);
      if (made.length === 0) return `São ${n(total)} recipientes.`;
      if (made.length === 1 && others === 0)
        return `São ${n(total)} recipientes, ${total === 2 ? 'ambos' : 'todos'} de ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} de ${material}`,
        (count) => (count === 1 ? 'outro' : `outros ${n(count)}`),
      );
      return `São ${n(total)} recipientes: ${joinWith('e')(each)}.`;
    },
    whose: (name, m) => `As cinzas de ${name} estão no recipiente de ${m}.`,
    screening: (plural) =>
      plural
        ? 'Sabemos que têm de passar pelo controlo de segurança e teremos todo o gosto em ajudar no que for preciso. Se possível, pedimos que não abram os recipientes. Se precisarem de os verificar melhor, digam-nos e seguiremos as vossas indicações.'
        : 'Sabemos que tem de passar pelo controlo de segurança e teremos todo o gosto em ajudar no que for preciso. Se possível, pedimos que não abram o recipiente. Se precisarem de o verificar melhor, digam-nos e seguiremos as vossas indicações.',
    papers: (name) => `Temos connosco os documentos que possuímos de ${name}.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `O nascimento de ${name} ocorreu sem sinais de vida${weeks === null ? '' : ` às ${weeks} semanas de gestação`}, antes da fase a partir da qual ${region ? `é emitida uma certidão de óbito no local de nascimento (${region}, ${country})` : `o país de nascimento (${country}) emite uma certidão de óbito`}; por isso levamos, em vez dela, ${crematorium ? 'os documentos do hospital e do crematório' : 'os documentos que nos foram entregues'}.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `O nascimento de ${name} ocorreu sem sinais de vida${weeks === null ? '' : ` às ${weeks} semanas de gestação`}. ${region ? `No local de nascimento (${region}, ${country})` : `No país de nascimento (${country})`} o documento oficial neste caso não é uma certidão de óbito, mas um documento próprio («${paper}»); é esse o documento que levamos, com o do crematório.`,
    mayRegister: (name, weeks, country, paper) =>
      `O nascimento de ${name} ocorreu sem sinais de vida${weeks === null ? '' : ` às ${weeks} semanas de gestação`}. No país de nascimento (${country}) não é emitida neste caso uma certidão de óbito; os pais podem escolher registar o nascimento, e recebem então um documento próprio («${paper}»).`,
    noneIssued: (name, weeks, country) =>
      `O nascimento de ${name} ocorreu sem sinais de vida${weeks === null ? '' : ` às ${weeks} semanas de gestação`} e o país de nascimento (${country}) não emitiu uma certidão de óbito; por isso levamos, em vez dela, os documentos que nos foram entregues.`,
    closing: 'Obrigado pela vossa atenção e paciência.',
    materials: {
      wood: 'madeira',
      plastic: 'plástico',
      cardboard: 'cartão',
      metal: 'metal',
      stone: 'pedra',
      ceramic: 'cerâmica',
      glass: 'vidro',
      biodegradable: 'material biodegradável',
    },
  },
  nl: {
    heading: 'Een briefje voor het beveiligingspersoneel',
    thanks: 'Dank u wel dat u even de tijd neemt om dit te lezen.',
    // "van wie … die" serves one loved one or several alike.
    carrying: (names) =>
      `In onze bagage dragen we de as van ${joinWith('en')(names)}, van wie we zielsveel houden en die we heel erg missen.`,
    list: joinWith('en'),
    material: (m) => `De houder is van ${m}.`,
    containers: (total, made, others) => {
      const n = inWords(['', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien']);
      if (made.length === 0) return `Het zijn ${n(total)} houders.`;
      if (made.length === 1 && others === 0)
        return `Het zijn ${n(total)} houders, ${total === 2 ? 'allebei' : 'alle'} van ${made[0]!.material}.`;
      const each = parts(
        made,
        others,
        (count, material) => `${n(count)} van ${material}`,
        (count) => `nog ${n(count)}`,
      );
      return `Het zijn ${n(total)} houders: ${joinWith('en')(each)}.`;
    },
    whose: (name, m) => `De as van ${name} zit in de houder van ${m}.`,
    screening: (plural) =>
      plural
        ? 'We weten dat ze gecontroleerd moeten worden en we helpen graag waar we kunnen. Wilt u de houders zo mogelijk niet openen? Als u ze verder moet controleren, zeg het ons dan; we volgen uw aanwijzingen.'
        : 'We weten dat hij gecontroleerd moet worden en we helpen graag waar we kunnen. Wilt u de houder zo mogelijk niet openen? Als u hem verder moet controleren, zeg het ons dan; we volgen uw aanwijzingen.',
    papers: (name) => `We hebben de documenten bij ons die we voor ${name} hebben.`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `${name} werd zonder levenstekenen geboren${weeks === null ? '' : ` na ${weeks} weken zwangerschap`}, vóór het moment waarop ${region ? `in de geboorteplaats (${region}, ${country})` : `in het geboorteland (${country})`} een overlijdensakte wordt afgegeven; daarom hebben we in plaats daarvan ${crematorium ? 'de papieren van het ziekenhuis en het crematorium bij ons' : 'de papieren bij ons die we hebben gekregen'}.`,
    registeredOn: (name, weeks, country, paper, region) =>
      `${name} werd zonder levenstekenen geboren${weeks === null ? '' : ` na ${weeks} weken zwangerschap`}. ${region ? `In de geboorteplaats (${region}, ${country})` : `In het geboorteland (${country})`} is het officiële document hiervoor geen overlijdensakte, maar een eigen document („${paper}”); dat document hebben we bij ons, samen met dat van het crematorium.`,
    mayRegister: (name, weeks, country, paper) =>
      `${name} werd zonder levenstekenen geboren${weeks === null ? '' : ` na ${weeks} weken zwangerschap`}. In het geboorteland (${country}) wordt hiervoor geen overlijdensakte afgegeven; de ouders kunnen ervoor kiezen de geboorte te laten registreren, en krijgen dan een eigen document („${paper}”).`,
    noneIssued: (name, weeks, country) =>
      `${name} werd zonder levenstekenen geboren${weeks === null ? '' : ` na ${weeks} weken zwangerschap`} en in het geboorteland (${country}) is geen overlijdensakte afgegeven; daarom hebben we in plaats daarvan de papieren bij ons die we hebben gekregen.`,
    closing: 'Dank u wel voor uw zorg en geduld.',
    materials: {
      wood: 'hout',
      plastic: 'plastic',
      cardboard: 'karton',
      metal: 'metaal',
      stone: 'steen',
      ceramic: 'keramiek',
      glass: 'glas',
      biodegradable: 'biologisch afbreekbaar materiaal',
    },
  },
  ja: {
    heading: '保安検査の係員の方へ',
    thanks: 'お忙しいところ、お読みいただきありがとうございます。',
    // Japanese marks no plural; the names are joined with と (and 、 before the last).
    carrying: (names) =>
      `私たちの荷物には、${japaneseList(names)}の遺灰が入っています。心から愛し、今も深く想っている大切な家族です。`,
    list: japaneseList,
    material: (m) => `容器の素材は${m}です。`,
    containers: (total, made, others) => {
      const n = (count: number) => (count < 10 ? `${count}つ` : `${count}個`);
      if (made.length === 0) return `容器は${n(total)}あります。`;
      if (made.length === 1 && others === 0)
        return `容器は${n(total)}あり、${total === 2 ? 'どちらも' : 'すべて'}素材は${made[0]!.material}です。`;
      const each = parts(
        made,
        others,
        (count, material) => `${material}が${n(count)}`,
        (count) => `その他が${n(count)}`,
      );
      return `容器は${n(total)}あり、素材は${each.join('、')}です。`;
    },
    whose: (name, m) => `${name}の遺灰は、素材が${m}の容器に入っています。`,
    screening: (plural) =>
      plural
        ? '保安検査が必要なことは承知しており、できる限りご協力いたします。可能であれば、どの容器も開けないでいただけますようお願いいたします。さらに確認が必要な場合はお知らせください。ご指示に従います。'
        : '保安検査が必要なことは承知しており、できる限りご協力いたします。可能であれば、容器は開けないでいただけますようお願いいたします。さらに確認が必要な場合はお知らせください。ご指示に従います。',
    papers: (name) => `${name}について私たちが持っている書類を携帯しています。`,
    noCertificate: (name, weeks, country, crematorium, region) =>
      `${name}は${weeks === null ? '' : `妊娠${weeks}週で、`}生命の兆候のない状態で生まれました。${region ? `生まれた地域（${region}、${country}）` : `生まれた国（${country}）`}ではこの段階では死亡証明書が発行されないため、代わりに${crematorium ? '病院と火葬場の書類' : 'いただいた書類'}を携帯しています。`,
    registeredOn: (name, weeks, country, paper, region) =>
      `${name}は${weeks === null ? '' : `妊娠${weeks}週で、`}生命の兆候のない状態で生まれました。${region ? `生まれた地域（${region}、${country}）` : `生まれた国（${country}）`}では、この場合の公的な書類は死亡証明書ではなく専用の書類（「${paper}」）であるため、その書類と火葬場の書類を携帯しています。`,
    mayRegister: (name, weeks, country, paper) =>
      `${name}は${weeks === null ? '' : `妊娠${weeks}週で、`}生命の兆候のない状態で生まれました。生まれた国（${country}）では、この場合、死亡証明書は発行されません。両親が希望すれば死産を登録でき、その場合は専用の書類（「${paper}」）が交付されます。`,
    noneIssued: (name, weeks, country) =>
      `${name}は${weeks === null ? '' : `妊娠${weeks}週で、`}生命の兆候のない状態で生まれました。生まれた国（${country}）では死亡証明書が発行されなかったため、代わりにいただいた書類を携帯しています。`,
    closing: 'ご配慮とご理解に感謝いたします。',
    materials: {
      wood: '木',
      plastic: 'プラスチック',
      cardboard: '段ボール',
      metal: '金属',
      stone: '石',
      ceramic: '陶磁器',
      glass: 'ガラス',
      biodegradable: '生分解性素材',
    },
  },
};

/**
 * The languages a note is written in for a country, beyond English: only where one of ours is an
 * official language there (CLDR), so a note is never in a language the staff will not read.
 */
const LANGUAGES_BY_COUNTRY: Readonly<Record<string, readonly NoteLanguage[]>> = {
  ES: ['es'],
  MX: ['es'],
  AR: ['es'],
  CO: ['es'],
  CL: ['es'],
  PE: ['es'],
  VE: ['es'],
  EC: ['es'],
  GT: ['es'],
  CU: ['es'],
  BO: ['es'],
  DO: ['es'],
  HN: ['es'],
  PY: ['es'],
  SV: ['es'],
  NI: ['es'],
  CR: ['es'],
  PA: ['es'],
  UY: ['es'],
  GQ: ['es'],
  PR: ['es'],
  FR: ['fr'],
  MC: ['fr'],
  CA: ['fr'],
  SN: ['fr'],
  CI: ['fr'],
  HT: ['fr'],
  BE: ['nl', 'fr', 'de'],
  LU: ['fr', 'de'],
  CH: ['de', 'fr', 'it'],
  DE: ['de'],
  AT: ['de'],
  LI: ['de'],
  IT: ['it'],
  SM: ['it'],
  VA: ['it'],
  PT: ['pt'],
  BR: ['pt'],
  AO: ['pt'],
  MZ: ['pt'],
  CV: ['pt'],
  NL: ['nl'],
  SR: ['nl'],
  AW: ['nl'],
  CW: ['nl'],
  SX: ['nl'],
  JP: ['ja'],
};

/** English first, then the other languages of the trip's countries, in the order they are reached. */
export function noteLanguagesFor(countries: readonly string[]): NoteLanguage[] {
  const languages: NoteLanguage[] = ['en'];
  for (const country of countries) {
    for (const language of LANGUAGES_BY_COUNTRY[country] ?? []) {
      if (!languages.includes(language)) languages.push(language);
    }
  }
  return languages;
}
