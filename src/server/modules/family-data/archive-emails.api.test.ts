import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { dataOf, exportFamily, importedFamily, unzip } from '../../test/archives.js';
import { addMember, createFamily, type Family } from '../../test/factories.js';

// An archive carries a member's e-mail only where a person can still be reached at it: never the
// address left on a deleted account ("deleted:<id>"), nor a placeholder's (a member of an imported
// family who has not joined this server), which no one can receive mail at.

let t: TestApp;
let olive: Family;
let ruth: Family;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp();
  olive = await createFamily(t.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  ruth = await createFamily(t.app, { displayName: 'Ruth', familyName: 'Ruth’s family' });
});
afterAll(() => t.close());

const membersOf = async (zip: Buffer) =>
  dataOf(await unzip(zip)).members!.map((m) => ({ name: m.displayName, email: m.email }));

describe('the members of an archive', () => {
  it('leave out the address of an account that was deleted', async () => {
    const sam = await addMember(t.app, t.container.db.kysely, olive, 'adult', 'Sam');
    const asked = await sam.client.post('/api/account/deletion', {
      currentPassword: 'another long gentle password',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const start = t.clock.now();
    t.clock.advance(7 * DAY);
    const deletions = t.container.modules.find((m) => m.name === 'deletions')!.built.services as {
      runDue(): Promise<{ families: number; accounts: number }>;
    };
    expect((await deletions.runDue()).accounts).toBe(1);
    t.clock.set(new Date(start).toISOString());

    const { zip } = await exportFamily(t, olive.client);
    const members = await membersOf(zip);
    expect(members).toHaveLength(2);
    expect(members.find((m) => m.name === 'Olive')!.email).toBe(olive.session.user.email);
    expect(members.find((m) => m.name !== 'Olive')!.email).toBeNull();
    expect(zip.includes('deleted:')).toBe(false);
    expect(zip.includes(sam.session.user.email)).toBe(false);
  });

  it('leave out the placeholder address of a member who has not joined an imported family', async () => {
    const { zip } = await exportFamily(t, olive.client);
    const familyId = (await importedFamily(t, ruth.client, zip)).family.id;
    expect((await ruth.client.post('/api/account/family', { familyId })).statusCode).toBe(200);

    const again = (await exportFamily(t, ruth.client)).zip;
    const members = await membersOf(again);
    // Olive is kept by name on what she did, under a placeholder no one can sign in to.
    expect(members.find((m) => m.name === 'Olive')!.email).toBeNull();
    expect(members.find((m) => m.name === 'Ruth')!.email).toBe(ruth.session.user.email);
    expect(again.includes('former-member.invalid')).toBe(false);
  });
});
