import { afterEach, describe, expect, it, vi } from 'vitest';
import { send, sessionEnded, setCsrfToken, setSignedOutHandler } from './api.js';

// A 401 ends the session only if the request was sent under the session the app holds now: a
// session check still on its way when the family signed up must not sign them straight out again.

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const unauthorised = () =>
  new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'Please sign in.' } }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });

describe('which session a 401 is about', () => {
  it('ignores a 401 for a request sent before signing in, and heeds one sent after', async () => {
    const signedOut = vi.fn();
    setSignedOutHandler(signedOut);
    setCsrfToken(null);
    let answerLate: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answerLate = resolve))),
    );
    const early = send('GET', '/api/session');
    setCsrfToken('a-new-session-token'); // the family signs up while the check is on its way
    answerLate(unauthorised());
    const answer = await early;
    expect(answer.status).toBe(401);
    sessionEnded(answer.epoch);
    expect(signedOut).not.toHaveBeenCalled();

    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(unauthorised())),
    );
    const later = await send('GET', '/api/trips');
    sessionEnded(later.epoch);
    expect(signedOut).toHaveBeenCalledTimes(1);
  });
});

describe('reads asked for before the app arrived (boot.ts)', () => {
  const ok = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  it('hands the answer to the first GET of the same address, once, and never to a change', async () => {
    vi.resetModules(); // a page just opened: the session the page opened with
    const api = await import('./api.js');
    const fetched = vi.fn((path: string) => Promise.resolve(ok({ path })));
    vi.stubGlobal('fetch', fetched);
    api.askEarly('/api/trips/t1');
    api.askEarly('/api/trips/t1'); // asked once
    expect(fetched).toHaveBeenCalledTimes(1);

    await api.send('POST', '/api/trips/t1', { name: 'x' }); // a change is always sent
    expect(fetched).toHaveBeenCalledTimes(2);
    expect((await api.send('GET', '/api/trips/t1')).payload).toEqual({ path: '/api/trips/t1' });
    expect(fetched).toHaveBeenCalledTimes(2);
    await api.send('GET', '/api/trips/t1'); // taken already: asked again
    expect(fetched).toHaveBeenCalledTimes(3);
  });

  it('is not used once the app holds another session', async () => {
    vi.resetModules();
    const api = await import('./api.js');
    const fetched = vi.fn(() => Promise.resolve(ok({})));
    vi.stubGlobal('fetch', fetched);
    api.askEarly('/api/session');
    api.setCsrfToken('signed-in-since');
    await api.send('GET', '/api/session');
    expect(fetched).toHaveBeenCalledTimes(2);
  });
});
