import { isoNow } from '../../db/dialect.js';

export const fakeClock = { now: isoNow };
