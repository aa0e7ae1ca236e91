import pg from 'pg';

/** One dedicated PostgreSQL connection that LISTENs on a channel, reconnecting when it is lost. */
export interface PgListener {
  close(): Promise<void>;
}

export interface PgListenerOptions {
  connectionString: string;
  channel: string;
  onNotice(payload: string): void;
  /**
   * Called after every (re)connection once LISTEN is in force, `again` true after a lost one:
   * notices sent while it was down are gone, so the caller catches up by reading what it needs.
   */
  onListening?(again: boolean): void;
  /** Told when the connection fails (it is retried after 0.5, 1, 2… up to 15 seconds). */
  onError?(error: Error): void;
}

const MAX_BACKOFF_MS = 15_000;

/**
 * LISTEN needs a connection of its own for as long as it listens, so it is never one of the pool's
 * (the pool's are pipelined and handed between requests). Connection failures are retried for ever
 * with a growing wait; `close` stops that and ends the connection.
 */
export function pgListener(options: PgListenerOptions): PgListener {
  const channel = pg.escapeIdentifier(options.channel);
  let client: pg.Client | null = null;
  let closed = false;
  let connectedOnce = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const retry = (error: Error) => {
    options.onError?.(error);
    if (closed) return;
    const wait = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures);
    failures += 1;
    retryTimer = setTimeout(() => void connect(), wait);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      if (client === next) client = null;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      retry(error);
    };
    next.on('error', fail);
    next.on('end', () => {
      if (!closed) fail(new Error('the listening connection ended'));
    });
    next.on('notification', (message) => {
      if (message.channel === options.channel && message.payload !== undefined)
        options.onNotice(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    const again = connectedOnce;
    connectedOnce = true;
    options.onListening?.(again);
  }

  void connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const current = client;
      client = null;
      if (current) await current.end().catch(() => undefined);
    },
  };
}
