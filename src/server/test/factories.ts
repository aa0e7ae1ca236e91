import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../contracts/permissions.js';
import type { Database } from '../../db/schema.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { newId } from '../secrets.js';
import type { SessionResponse, SignUpResponse } from '../../contracts/accounts.js';
import type { Keepsake, LovedOne } from '../../contracts/loved-ones.js';
import type { TripDetail } from '../../contracts/trips.js';
import { clientFor, type Client } from './app.js';
import { takeMail } from './smtp.js';

// Factories make their own family through the real API (STYLE.md rule 13), so each test's data is
// its own and every write goes through validation, permissions and transactions as in production.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Family {
  client: Client;
  session: SessionResponse;
  /** The session cookie, for a request made without the client (and its CSRF token). */
  cookie: string;
}

export async function createFamily(
  app: FastifyInstance,
  overrides: Partial<Record<string, string>> = {},
): Promise<Family> {
  const payload = {
    displayName: 'Anna',
    email: `anna-${unique()}@example.com`,
    password: 'a long and gentle password',
    familyName: 'The Rivers family',
    homeZone: 'Europe/London',
    ...overrides,
  };
  let response = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  if (response.json<SignUpResponse>().status === 'check-email') {
    // E-mail is on: the family is made by the link e-mailed to the address, as a person would.
    const token = (await linkMailedTo(payload.email))[1];
    response = await app.inject({ method: 'POST', url: '/api/auth/sign-up/finish', payload: { token } });
    if (response.statusCode !== 201)
      throw new Error(`finishing sign-up failed: ${response.statusCode} ${response.body}`);
  }
  const session = response.json<SessionResponse>();
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { client: clientFor(app, cookie, session.csrfToken), session, cookie };
}

/** Waits for the sign-up link sent to `email` (the test's own timeout bounds the wait). */
async function linkMailedTo(email: string): Promise<RegExpExecArray> {
  for (;;) {
    const link = takeMail(email, /\/finish-sign-up#token=([A-Za-z0-9_-]{43})/);
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function createLovedOne(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<LovedOne> {
  const response = await client.post('/api/loved-ones', {
    name: 'Jack',
    kind: 'pregnancy_loss',
    dateOfLoss: '2025-03-14',
    dueDate: '2025-07-20',
    gestationWeeks: 20,
    lossCountry: 'GB',
    ...overrides,
  });
  if (response.statusCode !== 201)
    throw new Error(`loved one failed: ${response.statusCode} ${response.body}`);
  return response.json<{ lovedOne: LovedOne }>().lovedOne;
}

export async function createKeepsake(
  client: Client,
  lovedOneId: string,
  overrides: Record<string, unknown> = {},
): Promise<Keepsake> {
  const response = await client.post(`/api/loved-ones/${lovedOneId}/keepsakes`, {
    name: "Jack's box of ashes",
    kind: 'ashes',
    container: 'wood',
    travelsWithUs: true,
    ...overrides,
  });
  if (response.statusCode !== 201)
    throw new Error(`keepsake failed: ${response.statusCode} ${response.body}`);
  return response.json<{ keepsake: Keepsake }>().keepsake;
}

export const outboundFlight = {
  label: 'Flight out',
  mode: 'air',
  fromCountry: 'GB',
  toCountry: 'ES',
  carrier: 'BA',
  bag: 'carry_on',
  departureLocal: '2026-07-01T09:30',
  departureZone: 'Europe/London',
  isReturn: false,
};

export const returnFlight = {
  label: 'Flight home',
  mode: 'air',
  fromCountry: 'ES',
  toCountry: 'GB',
  carrier: 'BA',
  bag: 'carry_on',
  departureLocal: '2026-07-08T18:15',
  departureZone: 'Europe/Madrid',
  isReturn: true,
};

/** A family with Jack, his travelling box, and a trip with a flight out and a flight home. */
export async function createTripWithFlights(
  client: Client,
  tripOverrides: Record<string, unknown> = {},
): Promise<TripDetail> {
  const created = await client.post('/api/trips', {
    name: 'Summer in Spain',
    startsOn: '2026-07-01',
    endsOn: '2026-07-08',
    purpose: 'carry',
    requireTwoPeople: false,
    ...tripOverrides,
  });
  if (created.statusCode !== 201) throw new Error(`trip failed: ${created.statusCode} ${created.body}`);
  const tripId = created.json<TripDetail>().trip.id;
  await client.post(`/api/trips/${tripId}/legs`, outboundFlight);
  const back = await client.post(`/api/trips/${tripId}/legs`, returnFlight);
  if (back.statusCode !== 201) throw new Error(`leg failed: ${back.statusCode} ${back.body}`);
  return back.json<TripDetail>();
}

/**
 * Adds a member with the given role to a family and signs them in. The member is written directly
 * (quicker than an invite; family.api.test.ts covers joining); signing in goes through the real API.
 */
export async function addMember(
  app: FastifyInstance,
  db: Kysely<Database>,
  family: Family,
  role: Role,
  displayName = `${role} member`,
): Promise<Family> {
  const email = `${role}-${unique()}@example.com`;
  const password = 'another long gentle password';
  const userId = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({
      id: userId,
      email,
      password_hash: await hashPassword(password),
      display_name: displayName,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      id: newId(),
      family_id: family.session.family.id,
      user_id: userId,
      role,
      display_name: displayName,
      created_at: now,
    })
    .execute();
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const session = response.json<SessionResponse>();
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { client: clientFor(app, cookie, session.csrfToken), session, cookie };
}

/** A phone in child mode: its client has the child profile's rights only. */
export interface ChildModePhone {
  client: Client;
  cookie: string;
  childProfileId: string;
  pin: string;
}

/**
 * Hands a phone to a child profile: a new adult of the family signs in and starts child mode for the
 * profile (made here unless given), which ends that adult's session on the phone.
 */
export async function childMode(
  app: FastifyInstance,
  db: Kysely<Database>,
  family: Family,
  options: { childProfileId?: string; name?: string; pin?: string } = {},
): Promise<ChildModePhone> {
  const adult = await addMember(
    app,
    db,
    family,
    'adult',
    options.name ? `${options.name}'s parent` : 'A parent',
  );
  let childProfileId = options.childProfileId;
  if (!childProfileId) {
    const made = await adult.client.post('/api/child-profiles', { displayName: options.name ?? 'Mia' });
    if (made.statusCode !== 201) throw new Error(`child profile failed: ${made.statusCode} ${made.body}`);
    childProfileId = made.json<{ profiles: Array<{ id: string }> }>().profiles.at(-1)!.id;
  }
  const pin = options.pin ?? '2468';
  const response = await adult.client.post(`/api/child-profiles/${childProfileId}/child-mode`, { pin });
  if (response.statusCode !== 201)
    throw new Error(`child mode failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = response.json<{ csrfToken: string }>().csrfToken;
  return { client: clientFor(app, cookie, csrf), cookie, childProfileId, pin };
}
