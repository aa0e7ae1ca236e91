import { type DocumentKey, documentKeys } from './rule-schema.js';

// How each kind of document is named on the family's list, in catalogue order (the order the list
// is printed in). The hints repeat only what the research says about each paper.

export const DOCUMENT_KINDS: Readonly<Record<DocumentKey, { title: string; hint: string }>> = {
  death_certificate: {
    title: 'Death certificate',
    hint: 'A certified copy is what is usually asked for; a few ask for the original, or a particular form (said below where we know).',
  },
  post_mortem_report: {
    title: 'Post-mortem report',
    hint: 'Only where a post-mortem was done; the hospital or coroner who did it can give you a copy.',
  },
  cremation_certificate: {
    title: 'Cremation certificate',
    hint: 'The crematorium issues it.',
  },
  funeral_director_declaration: {
    title: 'A letter from the funeral director or crematorium',
    hint: 'On their letterhead, saying the container holds only their ashes, naming who they were.',
  },
  deceased_passport: {
    title: 'The passport of the person who died',
    hint: 'Some countries ask to see it with the ashes.',
  },
  certified_translation: {
    title: 'Certified translations',
    hint: 'Where your papers are not in the language of the country you are going to.',
  },
  consular_certificate: {
    title: "A consulate's certificate",
    // Not "of the country you are going to": a family may only pass through it (review 28, finding 6).
    hint: 'Issued by a consulate, before you travel.',
  },
  permit: { title: 'A permit', hint: 'Issued before you travel.' },
  next_of_kin_proof: {
    title: 'Proof that you are next of kin',
    hint: 'Some airlines and countries may ask for it.',
  },
  health_certificate: { title: 'A health certificate', hint: 'Asked for by some consulates.' },
  other_paper: { title: 'Another paper', hint: 'As the source describes it.' },
};

/** For a pet's ashes the letter comes from the pet crematorium; nobody has a funeral director. */
export const PET_LETTER_TITLE = 'A letter from the pet crematorium';

export const DOCUMENT_ORDER: readonly DocumentKey[] = documentKeys;

/**
 * "Death certificate" → "a death certificate", for use inside a sentence. With
 * the loved one's name a passport is theirs ("Grandad’s passport"), never "the person who died".
 */
export function documentPhrase(key: DocumentKey, name?: string): string {
  if (key === 'deceased_passport' && name) return `${name}’s passport`;
  const phrases: Record<DocumentKey, string> = {
    death_certificate: 'a death certificate',
    post_mortem_report: 'a post-mortem report (if one was done)',
    cremation_certificate: 'a cremation certificate',
    // Whoever cremated them writes it: a crematorium (a hospital's arrangement, for a baby) as
    // often as a funeral director (review 10, finding 11).
    funeral_director_declaration: 'a letter from the crematorium or funeral director',
    deceased_passport: 'the passport of the person who died',
    certified_translation: 'certified translations',
    consular_certificate: "a consulate's certificate",
    permit: 'a permit',
    next_of_kin_proof: 'proof of next of kin',
    health_certificate: 'a health certificate',
    other_paper: 'another paper',
  };
  return phrases[key];
}

/** The bare noun, for "there is no …": "death certificate", "passport". */
export function documentNoun(key: DocumentKey): string {
  return key === 'deceased_passport' ? 'passport' : documentPhrase(key).replace(/^(a|an|the) /, '');
}
