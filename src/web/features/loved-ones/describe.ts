import type { LovedOne, LovedOneRemoval } from '../../../contracts/loved-ones.js';
import { formatDate, listWords, sizeWords } from '../../lib/format.js';
import { possessive } from '../../lib/words.js';
import { countryName } from '../../lib/places.js';

/** The dates that matter for this kind of loss, as label/value pairs, leaving out what is unknown. */
export function datesThatMatter(lovedOne: LovedOne): Array<[string, string]> {
  const rows: Array<[string, string | null]> =
    lovedOne.kind === 'pregnancy_loss'
      ? [
          ['Died', lovedOne.dateOfLoss && formatDate(lovedOne.dateOfLoss)],
          ['Born', lovedOne.dateOfBirth && formatDate(lovedOne.dateOfBirth)],
          ['Would have been due', lovedOne.dueDate && formatDate(lovedOne.dueDate)],
          ['Weeks of pregnancy', lovedOne.gestationWeeks ? String(lovedOne.gestationWeeks) : null],
          ['Where it happened', lovedOne.lossCountry && countryName(lovedOne.lossCountry)],
        ]
      : [
          ['Born', lovedOne.dateOfBirth && formatDate(lovedOne.dateOfBirth)],
          ['Died', lovedOne.dateOfDeath && formatDate(lovedOne.dateOfDeath)],
        ];
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

const counted = (n: number, one: string, many = `${one}s`) =>
  n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];

/**
 * What else deleting a loved one removes, said before anyone is asked to confirm: "It also removes 2
 * drawings, 1 letter and 1 voice note from Jack’s memory box, and 3 photos kept only for Jack (from
 * rituals and tributes): 4.2 MB of your family’s room." Null when there is nothing more.
 */
export function removalWords(name: string, removal: LovedOneRemoval): string | null {
  const box = [
    ...counted(removal.drawings, 'drawing'),
    ...counted(removal.letters, 'letter'),
    ...counted(removal.voiceNotes, 'voice note'),
  ];
  const photos = counted(removal.photos, 'photo');
  if (box.length === 0 && photos.length === 0) return null;
  const parts = [
    ...(box.length ? [`${listWords(box)} from ${possessive(name)} memory box`] : []),
    ...(photos.length ? [`${photos[0]} kept only for ${name} (from rituals and tributes)`] : []),
  ];
  const room = removal.bytes > 0 ? `: ${sizeWords(removal.bytes)} of your family’s room` : '';
  return `It also removes ${parts.join(', and ')}${room}.`;
}
