import { compareText } from './ordering.js';

// The named places (`scatter.site`) our rules know, each with its name and where it is, from the
// page its rule rests on. A site is one national park of the US National Park Service, named by the
// code its pages use (nps.gov/dena is Denali). A trip file naming a site must agree with its own
// place and region, and a site we have no rule for is refused with the ones we know, never dropped
// without a word (review 23, finding 6). `rules lint` refuses a rule naming a site not listed here.

export interface KnownSite {
  /** "Denali National Park and Preserve" */
  name: string;
  /** What kind of place it is, as `scatter.place` says it. */
  place: 'national_park';
  /** The ISO 3166-2 region it lies in. */
  region: string;
}

export const KNOWN_SITES: Readonly<Record<string, KnownSite>> = {
  // nps.gov/calo/planyourvisit/sup-cremains.htm (nps-permit): Cape Lookout National Seashore, North Carolina.
  'nps:calo': { name: 'Cape Lookout National Seashore', place: 'national_park', region: 'US-NC' },
  // nps.gov/dena/learn/management/special-use-permits.htm (nps-denali): Denali, Alaska.
  'nps:dena': { name: 'Denali National Park and Preserve', place: 'national_park', region: 'US-AK' },
};

export const knownSiteCodes = (): string[] => Object.keys(KNOWN_SITES).sort(compareText);

/**
 * A known site one slip of the keyboard away from what was typed: its letters in another order
 * ("nps:dnea" for "nps:dena"), or one letter added or dropped. One letter changed is not a slip we
 * can tell from another park: nps:deva is Death Valley, one letter from Denali. null when none is
 * that close, or two are.
 */
export function nearestSite(code: string): string | null {
  const sorted = (text: string) => [...text].sort().join('');
  const close = knownSiteCodes().filter(
    (known) =>
      known !== code &&
      ((known.length === code.length && sorted(known) === sorted(code)) ||
        oneLetterMore(known, code) ||
        oneLetterMore(code, known)),
  );
  return close.length === 1 ? close[0]! : null;
}

/** `longer` is `shorter` with one letter added somewhere. */
function oneLetterMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i += 1) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}
