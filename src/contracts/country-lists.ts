// The ISO 3166 lists (countries.ts, 258 KB of them) as the request schemas reach them: only when a
// country or region code is checked, never when a schema is built. On Node (the server, the CLI,
// the tests) they are loaded before anything can be checked, so every check there is exactly as
// strict as the lists. In the browser they load with the forms that ask for a country
// (`loadCountryLists`), so a page that only reads, such as a trip on the day, never downloads them.

import type * as Countries from './countries.js';

type Lists = typeof Countries;

/** Thrown by a check that needs the lists before they were loaded: never a pass. */
export class CountryListsNotLoaded extends Error {
  constructor() {
    super('The ISO 3166 lists are not loaded yet: call loadCountryLists() before checking a country.');
    this.name = 'CountryListsNotLoaded';
  }
}

const onNode =
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

let lists: Lists | undefined = onNode ? await import('./countries.js') : undefined;

/** Loads the lists (once); afterwards `countryLists()` answers at once. */
export async function loadCountryLists(): Promise<void> {
  lists ??= await import('./countries.js');
}

/** The lists, for a check running now; throws CountryListsNotLoaded rather than let a code through. */
export function countryLists(): Lists {
  if (!lists) throw new CountryListsNotLoaded();
  return lists;
}
