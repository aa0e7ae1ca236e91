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
