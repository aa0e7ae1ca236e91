// Whether a journey between two countries crosses a customs border. ISO 3166 gives US territories
// codes of their own, but Puerto Rico is inside the customs territory of the United States ("the
// several States, the District of Columbia, and Puerto Rico", 21 CFR § 1300.02, as law.cornell.edu
// gives it; read 2026-12-06), so a flight from San Juan to Florida is a domestic flight: no country's
// rules for bringing ashes in or taking them out, and no papers "for any border" (review 13,
// finding 4). Guam, the US Virgin Islands, American Samoa and the Northern Mariana Islands are
// customs territories of their own, so leaving them still crosses a border.

/** Codes that share one customs territory, each to the territory's main code. */
const CUSTOMS_TERRITORY: Readonly<Record<string, string>> = { PR: 'US' };

/** The country whose customs a place is inside (Puerto Rico: the United States); itself otherwise. */
export const customsTerritoryOf = (country: string): string => CUSTOMS_TERRITORY[country] ?? country;

/** True when going from one to the other crosses a customs border. */
export const crossesBorder = (from: string, to: string): boolean =>
  customsTerritoryOf(from) !== customsTerritoryOf(to);
