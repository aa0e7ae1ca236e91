import { useState } from 'react';

/**
 * What a person just chose on a control (a tick, a switch), shown in the same event as the click
 * until the change it started has settled and the server's answer (or the outbox) takes over.
 *
 * Why not read the mutation's own `variables`: TanStack Query hands its state to React a task
 * later, so a controlled checkbox springs back for a moment after the click and only then shows
 * the tick. On a busy phone that moment is long enough to feel like the tap did nothing (and for
 * a test to see it did nothing). Pass the returned options to `mutate`: TanStack calls a call's
 * own `onSettled` only for the latest call, so quick taps keep showing the last choice.
 */
export function useJustChosen<T>(): readonly [T | undefined, (value: T) => { onSettled: () => void }] {
  const [chosen, setChosen] = useState<{ value: T } | null>(null);
  const hold = (value: T) => {
    setChosen({ value });
    return { onSettled: () => setChosen(null) };
  };
  return [chosen?.value, hold] as const;
}
