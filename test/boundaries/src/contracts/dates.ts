// Breaks contracts-only-zod: a library other than zod and iso-3166.
import { DateTime } from 'luxon';

export const today = () => DateTime.now().toISODate();
