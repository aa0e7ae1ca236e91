/** One server-sent event as received. */
export interface ReceivedEvent {
  event: string;
  id: string | undefined;
  data: string;
  /** performance.now() when its last line arrived. */
  at: number;
}

export interface EventStream {
  status: number;
  contentType: string | null;
  events: ReceivedEvent[];
  /** Comment lines received (heartbeats). */
  comments: number;
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves once the server has ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens GET /api/family/events as a browser's EventSource would (Accept: text/event-stream), with a
 * session cookie, on a server that really listens (app.inject cannot stream). For tests and benches.
 */
export async function openEventStream(
  baseUrl: string,
  cookie: string,
  options: { since?: number; lastEventId?: string } = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const url = new URL('/api/family/events', baseUrl);
  if (options.since !== undefined) url.searchParams.set('since', String(options.since));
  const response = await fetch(url, {
    headers: {
      accept: 'text/event-stream',
      cookie,
      ...(options.lastEventId !== undefined && { 'last-event-id': options.lastEventId }),
    },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  let comments = 0;
  let finished = false;
  const tell = () => waiters.forEach((w) => w());

  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments++;
            const colon = line.indexOf(':');
            if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
          if (fields.data !== undefined) {
            events.push({
              event: fields.event ?? 'message',
              id: fields.id,
              data: fields.data,
              at: performance.now(),
            });
          }
        }
        tell();
      }
    } catch {
      // Aborted by close().
    } finally {
      finished = true;
      tell();
    }
  })();

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    get comments() {
      return comments;
    },
    next(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            cleanUp();
            resolve(found);
          } else if (finished) {
            cleanUp();
            reject(new Error(`the stream ended before the event came (${JSON.stringify(events)})`));
          }
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`no such event within ${timeoutMs} ms (${JSON.stringify(events)})`));
        }, timeoutMs);
        const cleanUp = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    ended,
    close: () => controller.abort(),
  };
}

/** The revision an event announces. */
export const revisionOf = (event: ReceivedEvent): number =>
  (JSON.parse(event.data) as { revision: number }).revision;
