import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { allKept, goesToTheBox, onKeptChange, sendWaitingUploads, type KeptUpload } from './uploads.js';

// The upload queue (uploads.ts) as screens see it: what waits on this phone, and sending the memory
// box's files while one is on screen.

/** This person's files on this phone, for one kind of place (`photo`, or the memory box's). */
export function useKeptUploads(
  memberId: string,
  goesTo: 'photos' | 'memory-box',
): { waiting: KeptUpload[]; refused: KeptUpload[] } {
  const [uploads, setUploads] = useState<KeptUpload[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void allKept().then(
        (all) =>
          live &&
          setUploads(
            all.filter((u) => u.memberId === memberId && goesToTheBox(u) === (goesTo === 'memory-box')),
          ),
      );
    const stop = onKeptChange(read);
    read();
    return () => {
      live = false;
      stop();
    };
  }, [memberId, goesTo]);
  return {
    waiting: uploads.filter((u) => !u.savedId && !u.refused),
    refused: uploads.filter((u) => u.refused),
  };
}

/** How long to wait before trying again, by how many tries in a row left something waiting. */
const RETRY_MS = [3_000, 10_000, 30_000];

/**
 * While a memory box is on screen: sends this person's waiting drawings and voice notes now, when
 * signal returns, when the app is shown again, and again a little later (then less often) while
 * some still wait. Child mode has no outbox running to do it; for a grown-up the outbox does it from
 * every page as well.
 */
export function useSendWaitingUploads(memberId: string): void {
  const client = useQueryClient();
  const waiting = useKeptUploads(memberId, 'memory-box').waiting.length > 0;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    let tries = 0;
    let timer: number | undefined;
    const go = () => {
      window.clearTimeout(timer);
      void sendWaitingUploads(memberId).then((saved) => {
        if (saved > 0) void client.invalidateQueries({ queryKey: ['memory-box'] });
        if (!live) return;
        // Still waiting (the effect ends once nothing is): try again a little later.
        window.clearTimeout(timer);
        timer = window.setTimeout(go, RETRY_MS[Math.min(tries++, RETRY_MS.length - 1)]);
      });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') go();
    };
    window.addEventListener('online', go);
    document.addEventListener('visibilitychange', onVisible);
    go();
    return () => {
      live = false;
      window.removeEventListener('online', go);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearTimeout(timer);
    };
  }, [client, memberId, waiting]);
}
