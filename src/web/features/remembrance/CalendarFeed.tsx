import { useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { feedCreatedResponse } from '../../../contracts/remembrance.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { Notice } from '../../components/Notice.js';
import { Loading, LoadError } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { formatMoment } from '../../lib/format.js';
import { useFeedStatus } from '../../lib/queries.js';
import { feedAddress } from './describe.js';
import { useMakeFeed, useStopFeed } from './mutations.js';

type Created = z.infer<typeof feedCreatedResponse>;

/**
 * The private calendar address a phone calendar can subscribe to. Only a hash of it is kept, so it is
 * shown once, right after it is made; making a new one stops the old one at once.
 */
export function CalendarFeed() {
  const headingId = useId();
  const status = useFeedStatus();
  const [dialog, ask] = useConfirm();
  const making = useMakeFeed();
  const stopping = useStopFeed();
  // Shown only this once, from the answer that made it; stopping it takes it away.
  const created = making.data ?? null;
  const stopped = stopping.isSuccess;
  const busy = making.isPending || stopping.isPending;
  const failed = making.error ?? stopping.error;

  const make = async (again: boolean) => {
    if (making.isError) making.reset();
    stopping.reset();
    if (again) {
      const yes = await ask({
        title: 'Make a new calendar address?',
        body: (
          <p>
            The old address stops working at once. A calendar that subscribed to it stops updating until you
            subscribe again with the new one.
          </p>
        ),
        confirmLabel: 'Make a new address',
        cancelLabel: 'Keep the old one',
      });
      if (!yes) return;
    }
    making.mutate();
  };

  const stop = async () => {
    if (making.isError) making.reset();
    stopping.reset();
    const yes = await ask({
      title: 'Stop the calendar address?',
      body: (
        <p>
          Calendars subscribed to it stop showing your family&rsquo;s days. You can make a new address at any
          time.
        </p>
      ),
      confirmLabel: 'Stop it',
      cancelLabel: 'Keep it',
    });
    if (!yes) return;
    stopping.mutate(undefined, { onSuccess: () => making.reset() });
  };

  const active = created !== null || status.data?.active === true;
  return (
    <section aria-labelledby={headingId} className="card feed">
      {dialog}
      <h2 id={headingId}>On your phone&rsquo;s calendar</h2>
      <p>
        Subscribe to a private address in your calendar app (on an iPhone, Android phone or computer) and
        these days appear there too, kept up to date by themselves.
      </p>
      <p className="meta">
        Anyone who has the address can see your family&rsquo;s days, so keep it to your own devices. You can
        stop it at any time.
      </p>
      {failed && (
        <Notice tone="warm" alert>
          <p>{messageOf(failed)}</p>
        </Notice>
      )}
      {status.isPending ? (
        <Loading lines={1} />
      ) : status.isError ? (
        <LoadError error={status.error} what="your calendar address" onRetry={() => void status.refetch()} />
      ) : (
        <>
          {created && <NewAddress created={created} />}
          {!created && active && status.data.createdAt && (
            <p>
              Your calendar address was made on {formatMoment(status.data.createdAt)}. For your privacy it is
              not shown again; make a new one if you need it.
            </p>
          )}
          <div className="button-row">
            {active ? (
              <>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => void make(true)}
                >
                  Make a new address
                </button>
                <button type="button" className="button quiet" disabled={busy} onClick={() => void stop()}>
                  Stop the calendar address
                </button>
              </>
            ) : (
              <button type="button" className="button" disabled={busy} onClick={() => void make(false)}>
                Make my calendar address
              </button>
            )}
          </div>
        </>
      )}
      <p role="status" className="meta">
        {stopped ? 'The calendar address is stopped.' : ''}
      </p>
    </section>
  );
}

function NewAddress({ created }: { created: Created }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const address = feedAddress(created.url, window.location.origin);
  const webcal = address.replace(/^https?:\/\//, 'webcal://');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied('Copied.');
    } catch {
      // No clipboard here (an address without https, say): select it for the device's own copy.
      input.current?.select();
      setCopied('The address is selected; copy it with your device’s copy command.');
    }
  };

  return (
    <Notice tone="done" title="Your private calendar address">
      <p>This address is shown only this once. Copy it now, or open it in your calendar app.</p>
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          Your calendar address
        </label>
        <input
          ref={input}
          id={inputId}
          type="text"
          readOnly
          value={address}
          onFocus={(e) => e.currentTarget.select()}
          className="feed-address"
        />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy the address
        </button>
        <a className="button secondary" href={webcal}>
          Open in your calendar app
        </a>
      </div>
      <p role="status" className="meta">
        {copied ?? ''}
      </p>
    </Notice>
  );
}
