import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test/app.js';
import { createFamily, createTripWithFlights } from './test/factories.js';

// A stored value the code does not know is an error the server owns up to, never a guess: a leg
// whose mode was read back as the list's last entry ('sea') would be given a ferry's travel rules.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('a stored value the code does not know', () => {
  it('answers 500 with the calm general message, and never shows the leg as something else', async () => {
    const family = await createFamily(t.app);
    const trip = await createTripWithFlights(family.client);
    await t.container.db.kysely
      .updateTable('trip_legs')
      .set({ mode: 'hovercraft' })
      .where('id', '=', trip.legs[0]!.id)
      .execute();
    const response = await family.client.get(`/api/trips/${trip.trip.id}`);
    expect(response.statusCode).toBe(500);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('internal');
    expect(response.body).not.toContain('"mode":"sea"');
  });
});
