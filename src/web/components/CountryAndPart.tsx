import { useMemo } from 'react';
import { countryChoices, countryName } from '../lib/places.js';
import { regionChoices } from '../lib/regions.js';
import { Combobox } from './Combobox.js';

/**
 * A country, and then, where rules differ inside it, which part (England or Scotland, a US state):
 * both typed as people say them and picked from suggestions. Choosing another country clears a part
 * that lies outside it, so the pair never disagrees. Text that matches nothing is reported through
 * `unmatched` (useForm's `unmatchedIn` for each field), so the form will not save it silently.
 */
export function CountryAndPart({
  names,
  country,
  part,
  onCountry,
  onPart,
  unmatched,
  errors,
  countryLabel,
  countryHint,
  partHint,
}: {
  /** The fields' names, for focus and messages ("lossCountry", "lossRegion"). */
  names: { country: string; part: string };
  country: string;
  part: string;
  onCountry: (code: string) => void;
  onPart: (code: string) => void;
  unmatched: { country: (problem: string | null) => void; part: (problem: string | null) => void };
  errors: Record<string, string | undefined>;
  countryLabel: string;
  countryHint?: string;
  partHint: string;
}) {
  const countries = useMemo(() => countryChoices(), []);
  const parts = useMemo(() => regionChoices(country), [country]);
  return (
    <>
      <Combobox
        label={countryLabel}
        name={names.country}
        optional
        value={country}
        onChange={(code) => {
          onCountry(code);
          if (!part.startsWith(`${code}-`)) onPart('');
        }}
        onUnmatched={unmatched.country}
        choices={countries}
        error={errors[names.country]}
        {...(countryHint !== undefined && { hint: countryHint })}
      />
      {parts.length > 0 && (
        <Combobox
          key={country}
          label={`Part of ${countryName(country)}`}
          name={names.part}
          optional
          value={part}
          onChange={onPart}
          onUnmatched={unmatched.part}
          choices={parts}
          error={errors[names.part]}
          hint={partHint}
        />
      )}
    </>
  );
}
