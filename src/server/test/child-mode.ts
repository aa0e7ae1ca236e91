import { expect } from 'vitest';
import type { ChildModeResponse } from '../../contracts/children.js';
import type { FastifyInstance } from 'fastify';
import { clientFor, type Client } from './app.js';

/** A parent makes a child profile: answers its id. */
export async function makeChild(parent: Client, displayName = 'Mia'): Promise<string> {
  const made = await parent.post('/api/child-profiles', { displayName });
  expect(made.statusCode, made.body).toBe(201);
  const profiles = made.json<{ profiles: Array<{ id: string; displayName: string }> }>().profiles;
  return profiles.find((p) => p.displayName === displayName)!.id;
}

/** The parent hands this phone to the child: answers the phone's client in child mode and its cookie. */
export async function handOver(app: FastifyInstance, parent: Client, childId: string, pin = '2468') {
  const response = await parent.post(`/api/child-profiles/${childId}/child-mode`, { pin });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies.find((c) => c.name === 'alongside_session')!;
  const view = response.json<ChildModeResponse>();
  return {
    phone: clientFor(app, `${cookie.name}=${cookie.value}`, view.csrfToken),
    token: cookie.value,
    view,
  };
}
