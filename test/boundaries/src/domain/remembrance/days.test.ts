import { makeDay } from './test/make-day.js';

export const day = makeDay();
