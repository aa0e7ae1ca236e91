import { randomBytes } from 'node:crypto';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { hashPassword } from '../src/server/modules/accounts/passwords.js';
import { hashToken, newId } from '../src/server/secrets.js';

export interface Seeded {
  /** One line per family: "<session token> <trip id>", for the load generator. */
  targets: Array<{ token: string; tripId: string }>;
  items: number;
}

/**
 * Seeds an SQLite file with `families` families, each with a loved one, a travelling keepsake, and
 * a trip (two flights with their checks, three travellers, twelve checklist items incl. the pinned
 * keepsake), plus a signed-in session. Rows are written directly in one transaction: going through
 * the API would spend a minute on Argon2 for nothing the benchmark measures.
 */
export async function seed(sqliteFile: string, families: number): Promise<Seeded> {
  const db = connect({ sqliteFile });
  await migrateToLatest(db);
  const passwordHash = await hashPassword('benchmark password');
  const now = '2026-11-27T09:00:00.000Z';
  const later = '2027-11-27T09:00:00.000Z';
  const targets: Seeded['targets'] = [];
  let items = 0;

  await db.kysely.transaction().execute(async (trx) => {
    for (let f = 0; f < families; f++) {
      const familyId = newId();
      const userId = newId();
      const memberId = newId();
      await trx
        .insertInto('families')
        .values({ id: familyId, name: `Family ${f}`, home_zone: 'Europe/London', created_at: now })
        .execute();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email: `bench-${f}@example.com`,
          password_hash: passwordHash,
          display_name: `Parent ${f}`,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('memberships')
        .values({
          id: memberId,
          family_id: familyId,
          user_id: userId,
          role: 'owner',
          display_name: `Parent ${f}`,
          created_at: now,
        })
        .execute();
      const token = randomBytes(32).toString('base64url');
      await trx
        .insertInto('sessions')
        .values({
          id: hashToken(token),
          user_id: userId,
          membership_id: memberId,
          family_id: familyId,
          created_at: now,
          last_seen_at: later,
          idle_expires_at: later,
          expires_at: later,
        })
        .execute();

      const lovedOneId = newId();
      await trx
        .insertInto('loved_ones')
        .values({
          id: lovedOneId,
          family_id: familyId,
          name: 'Jack',
          kind: 'pregnancy_loss',
          relationship: 'our son',
          date_of_loss: '2025-03-14',
          due_date: '2025-07-20',
          date_of_birth: null,
          date_of_death: null,
          gestation_weeks: 20,
          loss_country: 'GB',
          story: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const keepsakeId = newId();
      await trx
        .insertInto('keepsakes')
        .values({
          id: keepsakeId,
          family_id: familyId,
          loved_one_id: lovedOneId,
          name: "Jack's box of ashes",
          kind: 'ashes',
          container: 'wood',
          size_note: null,
          weight_grams: 450,
          travels_with_us: 1,
          notes: null,
          created_at: now,
          updated_at: now,
        })
        .execute();

      const tripId = newId();
      await trx
        .insertInto('trips')
        .values({
          id: tripId,
          family_id: familyId,
          name: 'Summer in Spain',
          starts_on: '2027-07-01',
          ends_on: '2027-07-08',
          purpose: 'carry',
          require_two_people: 0,
          notes: null,
          created_by: memberId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const travellers = [
        { id: newId(), membership_id: memberId, name: `Parent ${f}`, is_child: 0 as const },
        { id: newId(), membership_id: null, name: 'Mia', is_child: 1 as const },
        { id: newId(), membership_id: null, name: 'Leo', is_child: 1 as const },
      ];
      await trx
        .insertInto('trip_travellers')
        .values(travellers.map((t) => ({ ...t, family_id: familyId, trip_id: tripId, created_at: now })))
        .execute();
      const tripKeepsakeId = newId();
      await trx
        .insertInto('trip_keepsakes')
        .values({
          id: tripKeepsakeId,
          family_id: familyId,
          trip_id: tripId,
          keepsake_id: keepsakeId,
          carrier_traveller_id: travellers[0]!.id,
          bag_description: 'carry-on bag',
          created_at: now,
        })
        .execute();
      for (const [position, departure] of [
        '2027-07-01T08:30:00.000Z',
        '2027-07-08T16:15:00.000Z',
      ].entries()) {
        const legId = newId();
        await trx
          .insertInto('trip_legs')
          .values({
            id: legId,
            family_id: familyId,
            trip_id: tripId,
            position,
            label: null,
            mode: 'air',
            from_country: position ? 'ES' : 'GB',
            to_country: position ? 'GB' : 'ES',
            from_place: null,
            to_place: null,
            carrier: 'BA',
            bag: 'carry_on',
            departure_local: departure.slice(0, 16),
            departure_zone: 'Europe/London',
            departure_utc: departure,
            is_return: position === 1 ? 1 : 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('leg_checks')
          .values(
            ['before_you_leave', 'after_security', 'leaving_plane'].map((kind, i) => ({
              id: newId(),
              family_id: familyId,
              leg_id: legId,
              kind,
              position: i,
            })),
          )
          .execute();
      }
      const labels = [
        "Jack's box of ashes",
        'Passports',
        'Glass for water',
        'Sun cream',
        'Chargers',
        'Blanket',
        'Photo of Jack',
        'Medicines',
        'Snacks',
        'Books',
        'Swimming things',
        'Candle',
      ];
      await trx
        .insertInto('checklist_items')
        .values(
          labels.map((label, position) => ({
            id: newId(),
            family_id: familyId,
            trip_id: tripId,
            trip_keepsake_id: position === 0 ? tripKeepsakeId : null,
            label,
            scope: position % 3 === 1 ? 'personal' : 'shared',
            owner_traveller_id: position === 0 || position % 3 === 1 ? travellers[position % 3]!.id : null,
            position,
            checked_at: position % 2 === 0 ? now : null,
            checked_by: position % 2 === 0 ? memberId : null,
            unticked_at: null,
            unticked_by: null,
            created_at: now,
          })),
        )
        .execute();
      items += labels.length;
      targets.push({ token, tripId });
    }
  });
  await db.close();
  return { targets, items };
}
