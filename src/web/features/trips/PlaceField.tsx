import { useEffect, useMemo, useState } from 'react';
import type { GazetteerPlace } from '../../../contracts/places.js';
import { Combobox } from '../../components/Combobox.js';
import type { Choice } from '../../lib/places.js';
import { usePlaceSearch } from '../../lib/queries.js';

/** "Madrid, Madrid" or "Springfield, Illinois": the region tells apart places of one name. */
const asChoice = (place: GazetteerPlace): Choice => ({
  value: place.id,
  label: place.region && place.region !== place.name ? `${place.name}, ${place.region}` : place.name,
  keywords: [place.name],
});

/** How long typing pauses before the server is asked: one question per word, not per letter. */
const PAUSE_MS = 250;

/**
 * Where a leg arrives: a town suggested from the gazetteer for the chosen country (searched on the
 * server, so the phone never downloads it), or any name typed, kept as it is. A picked town is a
 * pin on the loved one's places map; a typed one is listed there by name.
 */
export function PlaceField({
  country,
  placeId,
  place,
  onChange,
  error,
}: {
  country: string;
  placeId: string | null;
  place: string;
  onChange: (next: { toPlaceId: string | null; toPlace: string }) => void;
  error: string | undefined;
}) {
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsked(typed.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = usePlaceSearch(country, asked);
  const found = search.data?.places;

  const choices = useMemo(() => {
    const list = (found ?? []).map(asChoice);
    // The town picked before stays offered under its saved name.
    return placeId && !list.some((c) => c.value === placeId)
      ? [{ value: placeId, label: place }, ...list]
      : list;
  }, [found, placeId, place]);

  const hint = country
    ? 'Type the town or city; choose it from the suggestions to see it on the map, or keep any name you type.'
    : 'Choose the country first to see its towns, or type any name.';

  return (
    <Combobox
      label="Arriving at (town or city)"
      name="toPlace"
      optional
      value={placeId ?? ''}
      choices={choices}
      error={error}
      hint={hint}
      onTextChange={setTyped}
      onChange={(id) => {
        const chosen = found?.find((p) => p.id === id);
        if (chosen) onChange({ toPlaceId: chosen.id, toPlace: chosen.name });
        else if (id === placeId) onChange({ toPlaceId: placeId, toPlace: place });
        else onChange({ toPlaceId: null, toPlace: '' });
      }}
      freeText={{
        text: place,
        onChange: (text) => onChange({ toPlaceId: null, toPlace: text }),
        noMatches: (text) =>
          search.isFetching || typed.trim() !== asked
            ? 'Looking for towns…'
            : search.isError
              ? `The list of towns could not be reached; “${text}” will be kept as you typed it.`
              : `No town in our list starts with “${text}”; it will be kept as you typed it.`,
      }}
    />
  );
}
