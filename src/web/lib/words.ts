import type { containerMaterials, keepsakeKinds, lovedOneKinds } from '../../contracts/loved-ones.js';
import type { DayKind, Lead } from '../../contracts/remembrance.js';
import type { RuleConfidence, RuleSeverity } from '../../contracts/travel-rules.js';
import type { CheckKind, LegMode, ScatterPlace } from '../../contracts/trips.js';

// The words the app uses for each kind of thing, in one place (STYLE.md, "Words in the interface").

type LovedOneKind = (typeof lovedOneKinds)[number];
type KeepsakeKind = (typeof keepsakeKinds)[number];
type Material = (typeof containerMaterials)[number];

export const lovedOneKindWords: Record<LovedOneKind, { label: string; hint: string }> = {
  pregnancy_loss: {
    label: 'A baby lost in pregnancy',
    hint: 'Miscarriage, stillbirth or a baby born too soon',
  },
  infant: { label: 'A baby', hint: 'A baby who lived for a short while' },
  child: { label: 'A child', hint: 'A son, daughter, grandchild or young friend' },
  adult: { label: 'A grown-up', hint: 'A parent, partner, sibling or friend' },
  pet: { label: 'A pet', hint: 'An animal who was part of the family' },
  other: { label: 'Someone else', hint: 'In your own words' },
};

export const keepsakeKindWords: Record<KeepsakeKind, string> = {
  ashes: 'A box or urn of ashes',
  jewellery: 'Keepsake jewellery',
  memory_box: 'A memory box',
  blanket: 'A blanket',
  other: 'Something else',
};

/** What airport X-ray can do with each container material, said plainly. */
export const materialWords: Record<Material, { label: string; xray: string }> = {
  wood: { label: 'Wood', xray: 'X-ray usually sees inside clearly.' },
  plastic: { label: 'Plastic', xray: 'X-ray usually sees inside clearly.' },
  cardboard: { label: 'Cardboard', xray: 'X-ray usually sees inside clearly.' },
  biodegradable: {
    label: 'Biodegradable (paper, salt, sand)',
    xray: 'X-ray often sees inside; dense ones may need a second look.',
  },
  glass: { label: 'Glass', xray: 'X-ray may not see inside well; ask the airport before you fly.' },
  ceramic: {
    label: 'Ceramic or porcelain',
    xray: 'X-ray often cannot see inside; a temporary wooden or plastic box may help.',
  },
  stone: {
    label: 'Stone or marble',
    xray: 'X-ray cannot see inside; a temporary wooden or plastic box may help.',
  },
  metal: {
    label: 'Metal',
    xray: 'X-ray cannot see inside; a temporary wooden or plastic box may help.',
  },
  unknown: { label: 'Not sure', xray: 'Ask the funeral director or the airport what it is made of.' },
};

export const scatterPlaceWords: Record<ScatterPlace, string> = {
  sea: 'At sea',
  river_or_lake: 'A river or lake',
  land: 'On land, such as a hill or a beach',
  national_park: 'A national park',
  garden_of_remembrance: 'A garden of remembrance',
};

export const modeWords: Record<LegMode, { label: string; journey: string; carrier: string }> = {
  air: { label: 'Flying', journey: 'flight', carrier: 'Airline' },
  rail: { label: 'Train', journey: 'train', carrier: 'Rail company' },
  road: { label: 'Car or coach', journey: 'drive', carrier: 'Coach company' },
  sea: { label: 'Boat or ferry', journey: 'crossing', carrier: 'Ferry or cruise company' },
};

export const checkWords: Record<CheckKind, { title: string; question: (names: string) => string }> = {
  before_you_leave: { title: 'Before you leave', question: (n) => `Is ${n} packed?` },
  after_security: {
    title: 'After the security tray',
    question: (n) => `Is ${n} back in the bag after security?`,
  },
  leaving_plane: { title: 'Leaving the plane', question: (n) => `Is ${n} with you as you leave the plane?` },
  leaving_train: { title: 'Leaving the train', question: (n) => `Is ${n} with you as you leave the train?` },
  leaving_car: {
    title: 'Leaving the car or hire car',
    question: (n) => `Is ${n} with you, not left in the car?`,
  },
  leaving_ship: { title: 'Leaving the ship', question: (n) => `Is ${n} with you as you leave the ship?` },
  checkout: {
    title: 'Checking out of where you stayed',
    question: (n) => `Is ${n} packed before you hand back the key?`,
  },
};

export const bagWords = { carry_on: 'Carry-on, with you', checked: 'Checked bag, in the hold' } as const;

/** "Jack's" — the possessive, kind to names ending in s ("James'"). */
export const possessive = (name: string): string => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** How much a travel rule asks of the family, said gently; warnings are "please take care". */
export const severityWords: Record<RuleSeverity, string> = {
  warning: 'Please take care',
  required: 'Needed',
  recommended: 'Recommended',
  info: 'Good to know',
};

/** How sure we are of a rule, in words rather than a score. */
export const confidenceWords: Record<RuleConfidence, string> = {
  high: 'well sourced',
  medium: 'some sources',
  low: 'one source, check it',
};

/** The kinds of day as reminder settings group them. */
export const dayKindWords: Record<DayKind, string> = {
  loss_anniversary: 'The anniversary of the loss',
  death_anniversary: 'The anniversary of their death',
  due_date: 'The due date',
  birthday: 'Their birthday',
  custom: 'Days you add',
  awareness: 'Awareness days',
  trip_moment: 'Trip reminders',
  ritual: 'Rituals',
};

export const leadWords: Record<Lead, string> = {
  week_before: 'A week before',
  day_before: 'The day before',
  on_day: 'On the day',
};
