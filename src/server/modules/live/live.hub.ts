import { FAMILY_CHANGED_EVENT } from '../../../contracts/live.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';

/** Where a stream's text goes (the response), and how it is ended. */
export interface StreamSink {
  write(text: string): void;
  end(): void;
}

interface Stream {
  familyId: string;
  memberId: string;
  /** The session cookie's token: every notice is checked against the session as it is then. */
  token: string;
  sink: StreamSink;
  /** The last revision this stream was told. */
  sent: number;
  /** A notice waiting to be checked and sent: the highest revision announced (0: read it). */
  pending: number | null;
  busy: boolean;
  closed: boolean;
}

export interface OpenedStream {
  close(): void;
}

export interface LiveHubOptions {
  accounts: Pick<AccountsService, 'resolveSession'>;
  /** How often a comment line goes out (proxies close quiet connections) and sessions are checked. */
  heartbeatMs?: number;
  /** At most this many streams per session in this process; the oldest is closed for a new one. */
  perSession?: number;
  /** Called when the first stream opens (PostgreSQL starts listening then). */
  onFirstStream?: () => void;
}

/** What reconnecting EventSources wait before trying again when the stream simply ends. */
const RETRY_MS = 3_000;

const event = (revision: number) =>
  `id: ${revision}\nevent: ${FAMILY_CHANGED_EVENT}\ndata: {"revision":${revision}}\n\n`;

/**
 * This process's open family streams (GET /api/family/events), by family. A notice ("family F is
 * at revision N", after a change committed here or, on PostgreSQL, anywhere) is sent to each of the
 * family's streams, but first the stream's session is read again: a member signed out, removed, or
 * moved to another family is told nothing more and the stream ends. Notices arriving while one is
 * being checked fold into one. Nothing but the revision is sent, so no notice can carry data.
 */
export function liveHub({ accounts, heartbeatMs = 25_000, perSession = 4, onFirstStream }: LiveHubOptions) {
  const families = new Map<string, Set<Stream>>();
  let heartbeat: NodeJS.Timeout | undefined;
  let started = false;

  const all = (): Stream[] => [...families.values()].flatMap((streams) => [...streams]);

  function remove(stream: Stream): void {
    if (stream.closed) return;
    stream.closed = true;
    const streams = families.get(stream.familyId);
    streams?.delete(stream);
    if (streams?.size === 0) families.delete(stream.familyId);
    if (families.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
    try {
      stream.sink.end();
    } catch {
      // The connection is already gone.
    }
  }

  async function deliver(stream: Stream): Promise<void> {
    if (stream.busy) return;
    stream.busy = true;
    try {
      while (stream.pending !== null && !stream.closed) {
        const announced = stream.pending;
        stream.pending = null;
        const auth = await accounts.resolveSession(stream.token).catch(() => undefined);
        if (stream.closed) return;
        // Unreadable now (the database restarting): the next heartbeat tries again.
        if (auth === undefined) return;
        if (!auth || auth.familyId !== stream.familyId || auth.memberId !== stream.memberId) {
          remove(stream);
          return;
        }
        const revision = announced > 0 ? announced : auth.familyRevision;
        if (revision > stream.sent) {
          stream.sent = revision;
          stream.sink.write(event(revision));
        }
      }
    } finally {
      stream.busy = false;
    }
  }

  function announce(stream: Stream, revision: number): void {
    stream.pending = Math.max(stream.pending ?? 0, revision);
    void deliver(stream);
  }

  function beat(): void {
    for (const stream of all()) {
      try {
        stream.sink.write(': still here\n\n');
      } catch {
        remove(stream);
        continue;
      }
      // Sessions end without a change to the family (signing out): checked here too.
      announce(stream, 0);
    }
  }

  return {
    /**
     * Opens a stream for a signed-in member: it is told the family's revision at once (unless the
     * app says it has seen it: `since`), then every change.
     */
    open({
      auth,
      token,
      since,
      sink,
    }: {
      auth: AuthContext;
      token: string;
      since: number | undefined;
      sink: StreamSink;
    }): OpenedStream {
      const stream: Stream = {
        familyId: auth.familyId,
        memberId: auth.memberId,
        token,
        sink,
        sent: since ?? -1,
        pending: null,
        busy: false,
        closed: false,
      };
      const mine = all().filter((s) => s.token === token);
      for (const old of mine.slice(0, Math.max(0, mine.length - perSession + 1))) remove(old);
      let streams = families.get(auth.familyId);
      if (!streams) families.set(auth.familyId, (streams = new Set()));
      streams.add(stream);
      sink.write(`retry: ${RETRY_MS}\n\n`);
      if (auth.familyRevision !== since) {
        stream.sent = auth.familyRevision;
        sink.write(event(auth.familyRevision));
      }
      if (!heartbeat) {
        heartbeat = setInterval(beat, heartbeatMs);
        heartbeat.unref();
      }
      if (!started) {
        started = true;
        onFirstStream?.();
      }
      return { close: () => remove(stream) };
    },

    /** A change to this family committed: its streams are told (revision null: read it). */
    notify(familyId: string, revision: number | null): void {
      for (const stream of families.get(familyId) ?? []) announce(stream, revision ?? 0);
    },

    /** Notices may have been missed (a lost listening connection): every stream reads its revision. */
    catchUp(): void {
      for (const stream of all()) announce(stream, 0);
    },

    /** Ends every stream (the server is shutting down; the apps reconnect to another instance). */
    closeAll(): void {
      for (const stream of all()) remove(stream);
    },

    get size(): number {
      return all().length;
    },
  };
}

export type LiveHub = ReturnType<typeof liveHub>;
