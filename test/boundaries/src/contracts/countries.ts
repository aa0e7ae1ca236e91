import { iso31661 } from 'iso-3166';
import { name } from './fields.js';

export const countries = iso31661.map((c) => c.alpha2);
export const countryName = name;
