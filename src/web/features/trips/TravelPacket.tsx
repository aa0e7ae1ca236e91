import { useEffect, useId, useState } from 'react';
import { packetQuery } from '../../../contracts/trip-rules.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { endpoints, hrefOf } from '../../lib/client.js';
import { check } from '../../lib/forms.js';
import { useOnline } from '../../lib/outbox-sync.js';

type Paper = 'A4' | 'LETTER';

/** The service worker's cache of packets (vite.config.ts): the last one opened works offline. */
const PACKETS = 'alongside-packets';
/** Trips whose packet this app session has already saved for offline use. */
const savedThisSession = new Set<string>();

const packetUrl = (tripId: string, paper: Paper, shownName: string | undefined) =>
  hrefOf(endpoints.travelRules.packet, {
    params: { tripId },
    query: { paper, shownName: shownName || undefined },
  });

/**
 * The travel packet: paper size and the name "as the family chooses to show it", then a link that
 * opens the PDF in a new tab. The values are checked with the server's own schema as they change.
 */
export function TravelPacket({ tripId, names }: { tripId: string; names: string }) {
  const headingId = useId();
  const [paper, setPaper] = useState<Paper>('A4');
  const [shownName, setShownName] = useState(names);
  const checked = check(packetQuery, { paper, shownName: shownName.trim() || undefined });
  const url = checked.ok ? packetUrl(tripId, checked.data.paper, checked.data.shownName) : null;
  const offline = useOfflineCopy(tripId, packetUrl(tripId, 'A4', undefined));

  return (
    <section aria-labelledby={headingId} className="card packet">
      <h2 id={headingId}>Travel packet (PDF)</h2>
      <p>
        Everything on one document to print or keep on your phone: the keepsakes, the papers to carry, what
        each part of the journey asks, and a calm note you can hand to security staff.
      </p>
      <form className="stack" noValidate onSubmit={(e) => e.preventDefault()}>
        <RadioGroup<Paper>
          tiles
          label="Paper size"
          name="paper"
          value={paper}
          onChange={setPaper}
          error={checked.ok ? undefined : checked.fields.paper}
          options={[
            { value: 'A4', label: 'A4', hint: 'UK, Europe and most of the world' },
            { value: 'LETTER', label: 'Letter', hint: 'USA and Canada' },
          ]}
        />
        <TextField
          label="Name to show"
          name="shownName"
          value={shownName}
          onChange={setShownName}
          maxLength={80}
          error={checked.ok ? undefined : checked.fields.shownName}
          hint={`As you would like it written in the note for security staff, for example with “our son” or “my mother” before the name. Left empty, it says ${names}.`}
        />
        <div className="form-actions">
          {url ? (
            <a className="button" href={url} target="_blank" rel="noopener">
              Open the travel packet (PDF)
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <button type="button" className="button" disabled>
              Open the travel packet (PDF)
            </button>
          )}
        </div>
      </form>
      <p className="meta" role="status">
        {offline === 'saved'
          ? 'A copy is kept on this phone, so the packet opens with no signal too.'
          : offline === 'missing'
            ? 'Open it once while you have signal, and it stays on this phone for the journey.'
            : ''}
      </p>
    </section>
  );
}

/**
 * Whether a packet for this trip is kept for offline use. With signal, and a service worker in
 * charge, the packet is fetched once per app session so the copy on the phone is a recent one.
 */
function useOfflineCopy(tripId: string, url: string): 'saved' | 'missing' | 'unknown' {
  const online = useOnline();
  const [state, setState] = useState<'saved' | 'missing' | 'unknown'>('unknown');
  useEffect(() => {
    if (!('caches' in window) || !navigator.serviceWorker?.controller) return;
    let live = true;
    const look = () =>
      caches
        .open(PACKETS)
        .then((cache) => cache.match(url, { ignoreSearch: true }))
        .then((found) => Boolean(found))
        .catch(() => false);
    void (async () => {
      let saved = await look();
      if (online && !savedThisSession.has(tripId)) {
        savedThisSession.add(tripId);
        // Through the service worker, which keeps the answer; a failure just leaves the old copy.
        await fetch(url, { credentials: 'same-origin' }).catch(() => undefined);
        saved = await look();
      }
      if (live) setState(saved ? 'saved' : 'missing');
    })();
    return () => {
      live = false;
    };
  }, [tripId, url, online]);
  return state;
}
