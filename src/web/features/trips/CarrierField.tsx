import { useMemo } from 'react';
import type { CarrierChoice } from '../../../contracts/carriers.js';
import type { LegMode } from '../../../contracts/trips.js';
import { Combobox } from '../../components/Combobox.js';
import { listWords } from '../../lib/format.js';
import type { Choice } from '../../lib/places.js';
import { useCarriers } from '../../lib/queries.js';
import { modeWords } from '../../lib/words.js';

/** "British Airways (BA)", found by its name or its code; "FJ" alone where we know no name for it. */
const asChoice = (carrier: CarrierChoice): Choice => ({
  value: carrier.code,
  label: carrier.name === carrier.code ? carrier.code : `${carrier.name} (${carrier.code})`,
  keywords: [carrier.code, carrier.name, ...(carrier.full_name ? [carrier.full_name] : [])],
});

/**
 * The company for a leg, typed by name or code ("British Airways" or "BA") and picked from the
 * suggestions. Text that names no company is said back, never saved as something else. For trains,
 * coaches and boats only the companies our rules know are offered, and the hint says so.
 */
export function CarrierField({
  mode,
  value,
  onChange,
  onUnmatched,
  error,
}: {
  mode: LegMode;
  value: string;
  onChange: (code: string) => void;
  onUnmatched: (problem: string | null) => void;
  error: string | undefined;
}) {
  const carriers = useCarriers();
  const known = carriers.data?.[mode];
  const choices = useMemo(() => {
    const list = (known ?? []).map(asChoice);
    // A code saved before (or one the list no longer has) is still shown and kept as it is.
    return value && !list.some((c) => c.value === value) ? [{ value, label: value }, ...list] : list;
  }, [known, value]);
  const words = modeWords[mode];
  const names = (known ?? []).map((c) => c.name);

  const hint = carriers.isError
    ? 'The list of companies could not be loaded; you can leave this empty and add it later.'
    : !known
      ? 'Loading the list of companies…'
      : mode === 'air'
        ? 'Type the airline’s name or code, for example British Airways or BA. It helps find its rules for ashes.'
        : names.length > 0
          ? `Our research has rules from ${listWords(names)}. For another company, leave this empty and name it below.`
          : `Our research has no rules from any ${words.carrier.toLowerCase()} yet, so there is nothing to choose here.`;

  if (mode !== 'air' && known && names.length === 0 && !value) return <p className="meta">{hint}</p>;

  return (
    <Combobox
      label={words.carrier}
      name="carrier"
      optional
      value={value}
      onChange={onChange}
      onUnmatched={onUnmatched}
      choices={choices}
      error={error}
      hint={hint}
      notFound={(text) =>
        mode === 'air'
          ? `We don’t know an airline called “${text}”. Please choose one from the suggestions, or clear the field.`
          : `We have no rules from “${text}”. Please choose from the suggestions, or clear the field and name it below.`
      }
    />
  );
}
