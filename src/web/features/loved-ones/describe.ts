import type { LovedOne } from '../../../contracts/loved-ones.js';
import { formatDate } from '../../lib/format.js';
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
