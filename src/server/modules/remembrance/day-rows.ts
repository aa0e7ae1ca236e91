// family-days.ts imports DesiredDay from here; it moves to days.ts when family-days.ts takes the
// loved-ones module's records (that change is the loved-ones module's).
export type { DayLinks, DesiredDay } from './days.js';
