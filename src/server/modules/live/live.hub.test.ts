import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthContext } from '../accounts/index.js';
import { liveHub, type StreamSink } from './live.hub.js';

// The hub on its own, with sessions from a table and a fake clock for the heartbeat.

const auth = (over: Partial<AuthContext> = {}): AuthContext => ({
  sessionId: 's',
  userId: 'u',
  memberId: 'm1',
  familyId: 'f1',
  role: 'adult',
  displayName: 'Sam',
  childProfileId: null,
  familyRevision: 7,
  csrfToken: 'x',
  ...over,
});

function sink(): StreamSink & { text: string; ended: boolean } {
  const s = {
    text: '',
    ended: false,
    write(text: string) {
      s.text += text;
    },
    end() {
      s.ended = true;
    },
  };
  return s;
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe('the live hub', () => {
  it('tells the revision at once, then each change, in order and never twice', async () => {
    const sessions = new Map([['t1', auth()]]);
    const hub = liveHub({ accounts: { resolveSession: async (t) => sessions.get(t) ?? null } });
    const out = sink();
    hub.open({ auth: auth(), token: 't1', since: undefined, sink: out });
    expect(out.text).toContain('retry: 3000');
    hub.notify('f1', 8);
    hub.notify('f1', 9);
    hub.notify('f1', 8);
    await settle();
    await settle();
    // 9 came while 8 was being checked, so it waited; the late 8 is older than what was told.
    expect(ids(out.text)).toEqual([7, 8, 9]);
    hub.notify('f2', 100);
    await settle();
    expect(ids(out.text)).toEqual([7, 8, 9]);
    hub.closeAll();
  });

  it('says nothing at once when the app has seen the revision', () => {
    const hub = liveHub({ accounts: { resolveSession: async () => auth() } });
    const out = sink();
    hub.open({ auth: auth(), token: 't1', since: 7, sink: out });
    expect(ids(out.text)).toEqual([]);
    hub.closeAll();
  });

  it('sends heartbeats, and ends the stream of a session that has ended meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const sessions = new Map([['t1', auth()]]);
    const hub = liveHub({
      accounts: { resolveSession: async (t) => sessions.get(t) ?? null },
      heartbeatMs: 1000,
    });
    const out = sink();
    hub.open({ auth: auth(), token: 't1', since: 7, sink: out });
    vi.advanceTimersByTime(1000);
    await settle();
    expect(out.text).toContain(': still here');
    expect(out.ended).toBe(false);
    sessions.delete('t1'); // signed out on another device
    vi.advanceTimersByTime(1000);
    await settle();
    expect(out.ended).toBe(true);
    expect(hub.size).toBe(0);
  });

  it('ends the stream when the session has moved to another family', async () => {
    const hub = liveHub({ accounts: { resolveSession: async () => auth({ familyId: 'f2' }) } });
    const out = sink();
    hub.open({ auth: auth(), token: 't1', since: undefined, sink: out });
    hub.notify('f1', 8);
    await settle();
    expect(out.ended).toBe(true);
    expect(ids(out.text)).toEqual([7]);
  });

  it('keeps a few streams per session, closing the oldest', () => {
    const hub = liveHub({ accounts: { resolveSession: async () => auth() }, perSession: 2 });
    const streams = [sink(), sink(), sink()];
    for (const out of streams) hub.open({ auth: auth(), token: 't1', since: undefined, sink: out });
    expect(streams.map((s) => s.ended)).toEqual([true, false, false]);
    expect(hub.size).toBe(2);
    hub.closeAll();
    expect(streams.every((s) => s.ended)).toBe(true);
  });
});
