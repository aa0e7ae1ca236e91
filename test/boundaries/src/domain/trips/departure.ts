import { DateTime } from 'luxon';
import { name } from '../../contracts/fields.js';

export const check = (zone: string) => [DateTime.now().setZone(zone), name];
