import { randomBytes } from 'node:crypto';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { NewRow } from '../src/db/schema.js';
import { csrfTokenFor } from '../src/server/modules/accounts/index.js';
import { hashPassword } from '../src/server/modules/accounts/passwords.js';
import { hashToken, newId } from '../src/server/secrets.js';

/** A signed-in family and the trip whose checklist the load generator reads and ticks. */
export interface Target {
  familyId: string;
  /** Session token (the cookie) and the CSRF token a change must carry. */
  token: string;
  csrf: string;
  tripId: string;
  /** The trip's twelve checklist items; the first is the pinned keepsake (unticking needs a confirm). */
  items: Array<{ id: string; pinned: boolean }>;
  /** What confirming the keepsake at a departure check takes: who, which keepsake, the six checks. */
  confirm: { travellerId: string; tripKeepsakeId: string; checkIds: string[] };
}

export interface Seeded {
  /** One per family, for the load generator. */
  targets: Target[];
  items: number;
  /**
   * Two more families, not in `targets`: one with a single (upcoming) trip like every other, and
   * one with the same upcoming trip and `pastTrips` trips behind it.
   */
  history: { oneTrip: Target; pastTrips: Target };
}

export type SeedInto = { sqliteFile: string } | { databaseUrl: string };

const LABELS = [
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

// Parents before children, so that foreign keys hold at every insert.
const TABLES = [
  'families',
  'users',
  'memberships',
  'sessions',
  'loved_ones',
  'keepsakes',
  'trips',
  'trip_travellers',
  'trip_keepsakes',
  'trip_legs',
  'leg_checks',
  'checklist_items',
] as const;
type Table = (typeof TABLES)[number];

/**
 * Seeds a fresh database (an SQLite file, or an empty PostgreSQL database) with `families`
 * families, each with a loved one, a travelling keepsake, and a trip (two flights with their
 * checks, three travellers, twelve checklist items incl. the pinned keepsake), plus a signed-in
 * session; and the two families of `Seeded.history`. Rows are written directly, in batches, in one
 * transaction: going through the API would spend minutes on Argon2 for nothing the benchmark
 * measures.
 */
export async function seed(
  into: SeedInto,
  families: number,
  { pastTrips = 50 }: { pastTrips?: number } = {},
): Promise<Seeded> {
  const db = connect(
    'databaseUrl' in into ? { databaseUrl: into.databaseUrl } : { sqliteFile: into.sqliteFile },
  );
  await migrateToLatest(db);
  const passwordHash = await hashPassword('benchmark password');
  const now = '2026-11-27T09:00:00.000Z';
  const later = '2027-11-27T09:00:00.000Z';
  const rows = new Map<Table, unknown[]>(TABLES.map((t) => [t, []]));
  const add = <T extends Table>(table: T, ...values: NewRow<T>[]) => rows.get(table)!.push(...values);

  /** A trip with its legs, checks, travellers, pinned keepsake and checklist; answers its items. */
  function trip(
    family: { familyId: string; memberId: string; keepsakeId: string; parent: string },
    { startsOn, endsOn, past }: { startsOn: string; endsOn: string; past: boolean },
  ): Pick<Target, 'tripId' | 'items' | 'confirm'> {
    const { familyId, memberId } = family;
    const tripId = newId();
    add('trips', {
      id: tripId,
      family_id: familyId,
      name: past ? `Trip of ${startsOn}` : 'Summer in Spain',
      starts_on: startsOn,
      ends_on: endsOn,
      purpose: 'carry',
      require_two_people: 0,
      notes: null,
      created_by: memberId,
      created_at: now,
      updated_at: now,
    });
    const travellers = [
      { id: newId(), membership_id: memberId, name: family.parent, is_child: 0 as const },
      { id: newId(), membership_id: null, name: 'Mia', is_child: 1 as const },
      { id: newId(), membership_id: null, name: 'Leo', is_child: 1 as const },
    ];
    add(
      'trip_travellers',
      ...travellers.map((t) => ({ ...t, family_id: familyId, trip_id: tripId, created_at: now })),
    );
    const tripKeepsakeId = newId();
    add('trip_keepsakes', {
      id: tripKeepsakeId,
      family_id: familyId,
      trip_id: tripId,
      keepsake_id: family.keepsakeId,
      carrier_traveller_id: travellers[0]!.id,
      bag_description: 'carry-on bag',
      created_at: now,
    });
    const checkIds: string[] = [];
    for (const [position, departure] of [`${startsOn}T08:30:00.000Z`, `${endsOn}T16:15:00.000Z`].entries()) {
      const legId = newId();
      add('trip_legs', {
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
      });
      const checks = ['before_you_leave', 'after_security', 'leaving_plane'].map((kind, i) => ({
        id: newId(),
        family_id: familyId,
        leg_id: legId,
        kind,
        position: i,
      }));
      add('leg_checks', ...checks);
      checkIds.push(...checks.map((c) => c.id));
    }
    const items = LABELS.map((label, position) => ({
      id: newId(),
      family_id: familyId,
      trip_id: tripId,
      trip_keepsake_id: position === 0 ? tripKeepsakeId : null,
      label,
      scope: position % 3 === 1 ? 'personal' : 'shared',
      owner_traveller_id: position === 0 || position % 3 === 1 ? travellers[position % 3]!.id : null,
      position,
      checked_at: past || position % 2 === 0 ? now : null,
      checked_by: past || position % 2 === 0 ? memberId : null,
      unticked_at: null,
      unticked_by: null,
      created_at: now,
    }));
    add('checklist_items', ...items);
    return {
      tripId,
      items: items.map((i) => ({ id: i.id, pinned: i.trip_keepsake_id !== null })),
      confirm: { travellerId: travellers[0]!.id, tripKeepsakeId, checkIds },
    };
  }

  function family(name: string, past: number): Target {
    const familyId = newId();
    const userId = newId();
    const memberId = newId();
    const parent = `Parent of ${name}`;
    add('families', { id: familyId, name, home_zone: 'Europe/London', created_at: now });
    add('users', {
      id: userId,
      email: `bench-${familyId}@example.com`,
      password_hash: passwordHash,
      display_name: parent,
      created_at: now,
    });
    add('memberships', {
      id: memberId,
      family_id: familyId,
      user_id: userId,
      role: 'owner',
      display_name: parent,
      created_at: now,
    });
    const token = randomBytes(32).toString('base64url');
    add('sessions', {
      id: hashToken(token),
      public_id: newId(),
      device: null,
      authenticated_at: now,
      user_id: userId,
      membership_id: memberId,
      family_id: familyId,
      created_at: now,
      last_seen_at: later,
      idle_expires_at: later,
      expires_at: later,
    });
    const lovedOneId = newId();
    add('loved_ones', {
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
    });
    const keepsakeId = newId();
    add('keepsakes', {
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
    });
    const owner = { familyId, memberId, keepsakeId, parent };
    // Past trips: a week each, a month apart, from January 2022 (50 of them end in early 2026).
    for (let p = 0; p < past; p++) {
      const start = new Date(Date.UTC(2022, 0, 10 + 30 * p));
      const end = new Date(start.getTime() + 7 * 86_400_000);
      trip(owner, {
        startsOn: start.toISOString().slice(0, 10),
        endsOn: end.toISOString().slice(0, 10),
        past: true,
      });
    }
    const upcoming = trip(owner, { startsOn: '2027-07-01', endsOn: '2027-07-08', past: false });
    return { familyId, token, csrf: csrfTokenFor(token), ...upcoming };
  }

  const targets = Array.from({ length: families }, (_, f) => family(`Family ${f}`, 0));
  const history = { oneTrip: family('One trip', 0), pastTrips: family(`${pastTrips} past trips`, pastTrips) };

  await db.kysely.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      const all = rows.get(table)!;
      // 400 rows of at most 18 columns stay under both databases' limits on bound parameters.
      for (let i = 0; i < all.length; i += 400)
        await trx
          .insertInto(table)
          .values(all.slice(i, i + 400) as NewRow<Table>[])
          .execute();
    }
  });
  await db.close();
  return { targets, items: targets.length * LABELS.length, history };
}
