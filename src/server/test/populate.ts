import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { CalendarResponse } from '../../contracts/remembrance.js';
import type { TripDetail } from '../../contracts/trips.js';
import type { Database } from '../../db/schema.js';
import { hashToken, newId, newToken } from '../secrets.js';
import type { TestApp } from './app.js';
import type { Family } from './factories.js';
import { jpegWithGps, uploadPhoto } from './images.js';
import { childMode, createKeepsake, createLovedOne, createTripWithFlights } from './factories.js';

/**
 * The cap on one test of a route-table suite (bad input, roles, fuzz): each walks every route, so its
 * work grows with every route a module adds. A safety net, not a speed check.
 */
export const ROUTE_TABLE_TIMEOUT_MS = 120_000;

/** The id of one resource of every kind a family owns, keyed by the URL parameter that names it. */
export type ResourceIds = Record<string, string>;

/**
 * Gives a family one of everything (loved one, keepsake, trip with travellers, legs, checks, a
 * confirmation, checklist items and a saved list) and returns their ids by URL parameter name.
 */
export async function populateFamily(
  family: Family,
  name: string,
  db: Kysely<Database>,
): Promise<ResourceIds & { memberId: string }> {
  const { client } = family;
  const lovedOne = await createLovedOne(client, { name });
  const keepsake = await createKeepsake(client, lovedOne.id, { name: `${name}'s box` });
  const trip = await createTripWithFlights(client, { name: `${name}'s trip` });
  const withChild = (
    await client.post(`/api/trips/${trip.trip.id}/travellers`, { name: `${name}'s sister`, isChild: true })
  ).json<TripDetail>();
  const child = withChild.travellers.find((t) => t.memberId === null)!;
  const check = withChild.legs[0]!.checks[0]!;
  const confirmed = (
    await client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: withChild.travellers[0]!.id,
      tripKeepsakeIds: [withChild.keepsakes[0]!.id],
    })
  ).json<TripDetail>();
  const confirmation = confirmed.legs[0]!.checks[0]!.keepsakes[0]!.confirmations[0]!;
  const item = (
    await client.post(`/api/trips/${trip.trip.id}/checklist`, { label: `${name}'s blanket`, scope: 'shared' })
  ).json<{
    item: { id: string };
  }>().item;
  const template = (
    await client.post(`/api/trips/${trip.trip.id}/save-as-template`, { name: `${name}'s list` })
  ).json<{
    template: { id: string };
  }>().template;
  const day = await client.post('/api/remembrance/days', {
    title: `${name}'s tree`,
    date: '2026-09-01',
    recurrence: 'yearly',
  });
  if (day.statusCode !== 204) throw new Error(`day failed: ${day.statusCode} ${day.body}`);
  const calendar = (await client.get('/api/calendar?from=2026-01-01&to=2026-12-31')).json<CalendarResponse>();
  const dayId = calendar.occurrences.find((o) => o.editable)!.dayId;
  // An inbox item as the reminder jobs would leave it (their own tests drive the scheduler).
  const inboxItemId = newId();
  await db
    .insertInto('inbox_items')
    .values({
      id: inboxItemId,
      family_id: family.session.family.id,
      membership_id: family.session.member.id,
      reminder_key: `test:${inboxItemId}`,
      title: `${name}'s day is tomorrow`,
      body: 'Tuesday 1 September.',
      link: '/calendar',
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  // A second session of the member (another phone, say), named by its public id: ending it from
  // another family must be refused, and ending it here must not sign out the client's own.
  const sessionId = newId();
  const later = new Date(Date.now() + 86_400_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(newToken()),
      public_id: sessionId,
      device: `${name}'s other phone`,
      user_id: family.session.user.id,
      membership_id: family.session.member.id,
      family_id: family.session.family.id,
      created_at: new Date().toISOString(),
      last_seen_at: new Date().toISOString(),
      authenticated_at: new Date().toISOString(),
      idle_expires_at: later,
      expires_at: later,
    })
    .execute();
  // An invite (its secrets are shown once and not needed here).
  const invite = await client.post('/api/family/invites', {
    role: 'viewer',
    forName: `${name}'s grandmother`,
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const photo = await uploadPhoto(client, await jpegWithGps(64, 48));
  if (photo.statusCode !== 201) throw new Error(`photo failed: ${photo.statusCode} ${photo.body}`);
  // A child profile (child mode's own routes are walked with a child-mode session: childMode below).
  const profiles = await client.post('/api/child-profiles', { displayName: `${name}'s little sister` });
  if (profiles.statusCode !== 201)
    throw new Error(`child profile failed: ${profiles.statusCode} ${profiles.body}`);
  // A supporter (waiting to confirm; no e-mail is on here) and a reply waiting for a parent, as a
  // supporter's link would leave it (supporters.api.test.ts drives the links themselves).
  const supporter = await client.post('/api/supporters', {
    name: `${name}'s grandmother`,
    email: `grandma-${newId()}@example.com`,
    days: [{ dayId, suggestion: `Light a candle for ${name} at 7pm` }],
  });
  if (supporter.statusCode !== 201)
    throw new Error(`supporter failed: ${supporter.statusCode} ${supporter.body}`);
  const supporterId = supporter.json<{ supporter: { id: string } }>().supporter.id;
  const replyId = newId();
  await db
    .insertInto('supporter_replies')
    .values({
      id: replyId,
      family_id: family.session.family.id,
      supporter_id: supporterId,
      supporter_day_id: newId(),
      occurrence_date: '2026-09-01',
      day_title: `${name}'s day`,
      message: `Thinking of ${name} today`,
      status: 'pending',
      created_at: new Date().toISOString(),
      decided_at: null,
      decided_by: null,
    })
    .execute();
  // Its photo, waiting with it (as the media pipeline leaves one: re-encoded, with no tags).
  const held = await sharp(await jpegWithGps(64, 48))
    .jpeg()
    .toBuffer();
  await db
    .insertInto('supporter_reply_photos')
    .values({
      reply_id: replyId,
      family_id: family.session.family.id,
      content_type: 'image/jpeg',
      width: 64,
      height: 48,
      data: held,
      thumbnail_content_type: 'image/webp',
      thumbnail: await sharp(held).webp().toBuffer(),
      digest: `held-${replyId}`,
      created_at: new Date().toISOString(),
    })
    .execute();
  // The outbound leg arrives in Madrid, picked from the gazetteer: the loved one's places page then
  // has a pin, and the place search and leg validation are reached.
  const madrid = await client.patch(`/api/legs/${withChild.legs[0]!.id}`, {
    toPlace: 'Madrid',
    toPlaceId: '3117735',
  });
  if (madrid.statusCode !== 200) throw new Error(`place failed: ${madrid.statusCode} ${madrid.body}`);
  // A ritual for the loved one, and a mark as the family would leave it (rituals.api.test.ts marks
  // through the API once a card is due; the suites' clocks differ, so the mark is written here).
  const rituals = await client.post(`/api/loved-ones/${lovedOne.id}/rituals`, {
    title: `Water for ${name}`,
    whatToDo: `Set out a glass of water for ${name}`,
    when: 'arrival',
    whoUsually: 'The children',
  });
  if (rituals.statusCode !== 201) throw new Error(`ritual failed: ${rituals.statusCode} ${rituals.body}`);
  const ritualId = rituals.json<{ rituals: Array<{ id: string }> }>().rituals[0]!.id;
  await db
    .insertInto('ritual_marks')
    .values({
      id: newId(),
      family_id: family.session.family.id,
      ritual_id: ritualId,
      occurrence_key: `arrival:${withChild.legs[0]!.id}`,
      due_at: '2026-07-01T11:00:00.000Z',
      outcome: 'done',
      took_part: `${name}'s sister set out the water`,
      line: null,
      media_id: photo.json<{ media: { id: string } }>().media.id,
      marked_by: family.session.member.id,
      marked_at: new Date().toISOString(),
    })
    .execute();
  // A drawing in the loved one's memory box (open to the family, so every role that reads the box
  // reaches its picture).
  const drawing = await client.request({
    method: 'POST',
    url: `/api/loved-ones/${lovedOne.id}/memory-box/drawings`,
    payload: await jpegWithGps(64, 48),
    headers: { 'content-type': 'image/jpeg' },
  });
  if (drawing.statusCode !== 201) throw new Error(`drawing failed: ${drawing.statusCode} ${drawing.body}`);
  // And a voice note, as Chrome records one.
  const voice = await client.request({
    method: 'POST',
    url: `/api/loved-ones/${lovedOne.id}/memory-box/voice-notes`,
    payload: readFileSync(new URL('../modules/memory-box/test-audio/voice-2s.webm', import.meta.url)),
    headers: { 'content-type': 'audio/webm;codecs=opus' },
  });
  if (voice.statusCode !== 201) throw new Error(`voice note failed: ${voice.statusCode} ${voice.body}`);
  // A letter in the journal, shared with the family's adults (so an adult's read answers 200 in the
  // role suite; journal.api.test.ts proves a private one is unreachable for everyone else).
  const letter = await client.post(`/api/loved-ones/${lovedOne.id}/journal`, {
    kind: 'letter',
    title: `Dear ${name}`,
    text: `Dear ${name}, we took your box to the sea today.`,
    writtenFor: '2026-09-01',
  });
  if (letter.statusCode !== 201) throw new Error(`letter failed: ${letter.statusCode} ${letter.body}`);
  const entryId = letter.json<{ entry: { id: string } }>().entry.id;
  const shared = await client.put(`/api/journal-entries/${entryId}/sharing`, { shared: true });
  if (shared.statusCode !== 200) throw new Error(`sharing failed: ${shared.statusCode} ${shared.body}`);
  // A photo on that shared letter (its routes are the journal's own; entry-photos.api.test.ts proves
  // a private entry's photo is unreachable for everyone else).
  const entryPhoto = await client.request({
    method: 'POST',
    url: `/api/journal-entries/${entryId}/photos`,
    payload: await jpegWithGps(64, 48),
    headers: { 'content-type': 'image/jpeg' },
  });
  if (entryPhoto.statusCode !== 201)
    throw new Error(`entry photo failed: ${entryPhoto.statusCode} ${entryPhoto.body}`);
  // A tribute on the family's photo, and a share link to it (tributes.api.test.ts opens links).
  const tribute = await client.post('/api/tributes', {
    lovedOneId: lovedOne.id,
    mediaId: photo.json<{ media: { id: string } }>().media.id,
    background: 'sea',
    words: `For ${name}, always`,
    wording: 'dates',
    forDate: '2026-09-01',
  });
  if (tribute.statusCode !== 201) throw new Error(`tribute failed: ${tribute.statusCode} ${tribute.body}`);
  const tributeId = tribute.json<{ tribute: { id: string } }>().tribute.id;
  const tributeLink = await client.post(`/api/tributes/${tributeId}/links`, {});
  if (tributeLink.statusCode !== 201)
    throw new Error(`tribute link failed: ${tributeLink.statusCode} ${tributeLink.body}`);
  // A memorial book asked for (made only when a test runs its job: memorial-book.api.test.ts).
  const book = await client.post(`/api/loved-ones/${lovedOne.id}/books`, {
    from: '2026-01-01',
    to: '2026-12-31',
    paper: 'A4',
  });
  if (book.statusCode !== 202) throw new Error(`book failed: ${book.statusCode} ${book.body}`);
  const bookId = book.json<{ book: { id: string } }>().book.id;
  // Stored as made, without running the job (populate has no job runner), so that its file answers.
  const pdf = Buffer.from(`%PDF-1.7\n% ${name}'s book, as stored for the route tables\n%%EOF\n`);
  await db
    .updateTable('memorial_books')
    .set({
      state: 'ready',
      attempt: 1,
      pages_done: 1,
      pages_total: 1,
      byte_size: pdf.length,
      ready_at: '2026-09-01T00:00:00.000Z',
    })
    .where('id', '=', bookId)
    .execute();
  await db
    .insertInto('memorial_book_chunks')
    .values({ book_id: bookId, attempt: 1, seq: 0, data: pdf })
    .execute();
  // An archive of the family, asked for and stored as made (export.api.test.ts runs the job).
  const asked = await client.post('/api/family-exports');
  if (asked.statusCode !== 202) throw new Error(`export failed: ${asked.statusCode} ${asked.body}`);
  const exportId = asked.json<{ export: { id: string } }>().export.id;
  const archive = Buffer.from(`PK\u0005\u0006${'\u0000'.repeat(18)}`, 'latin1'); // an empty zip
  await db
    .updateTable('family_exports')
    .set({
      state: 'ready',
      attempt: 1,
      files_done: 0,
      files_total: 0,
      byte_size: archive.length,
      ready_at: '2026-09-01T00:00:00.000Z',
      expires_at: '2026-09-08T00:00:00.000Z',
    })
    .where('id', '=', exportId)
    .execute();
  await db
    .insertInto('family_export_chunks')
    .values({ export_id: exportId, attempt: 1, seq: 0, data: archive })
    .execute();
  // An archive brought in, as the import job leaves one done (import.api.test.ts runs the job): this
  // very family, as if its owner had brought it here from another Alongside.
  const importId = newId();
  const importedAt = new Date().toISOString();
  await db
    .insertInto('family_imports')
    .values({
      id: importId,
      asked_by: family.session.user.id,
      file_path: `/nowhere/import-${importId}/archive.zip`,
      state: 'done',
      attempt: 1,
      family_name: family.session.family.name,
      made_family_id: family.session.family.id,
      files_done: 1,
      files_total: 1,
      result: JSON.stringify({
        invited: [{ name: `${name}'s cousin`, role: 'adult', link: null, code: null, emailed: false }],
        notes: [],
      }),
      message: null,
      created_at: importedAt,
      finished_at: importedAt,
      stored_at: importedAt,
    })
    .execute();
  return {
    exportId,
    importId,
    bookId,
    memoryItemId: drawing.json<{ item: { id: string } }>().item.id,
    voiceNoteId: voice.json<{ item: { id: string } }>().item.id,
    entryId,
    journalPhotoId: entryPhoto.json<{ photo: { id: string } }>().photo.id,
    tributeId,
    tributeLinkId: tributeLink.json<{ link: { id: string } }>().link.id,
    ritualId,
    mediaId: photo.json<{ media: { id: string } }>().media.id,
    childProfileId: profiles.json<{ profiles: Array<{ id: string }> }>().profiles[0]!.id,
    supporterId,
    replyId,
    inviteId: invite.json<{ invite: { id: string } }>().invite.id,
    sessionId,
    dayId,
    inboxItemId,
    lovedOneId: lovedOne.id,
    keepsakeId: keepsake.id,
    tripId: trip.trip.id,
    legId: withChild.legs[0]!.id,
    travellerId: child.id,
    tripKeepsakeId: withChild.keepsakes[0]!.id,
    itemId: item.id,
    checkId: check.id,
    confirmationId: confirmation.id,
    templateId: template.id,
    memberId: family.session.member.id,
  };
}

/**
 * Everything `populateFamily` makes, and what the rest of the schema holds for a family and its
 * people: a ticked item and a ticked requirement, a calendar feed, reminder settings and the
 * reminders worked out from them, someone who joined through an invite, a photo sent with an
 * Idempotency-Key, journal settings and a private entry with a photo, a book with the asker's private entries, a
 * child's help in child mode, a link e-mailed to choose a new password, a wrong password counted,
 * and a delivered reminder's job. The schema-walking tests (modules/deletions/schema-walk.api.test.ts)
 * use it and fail when a table of the family's is left empty by it, so a new table is added here.
 */
export async function populateEverything(
  t: Pick<TestApp, 'app' | 'caughtUp'> & { db: Kysely<Database> },
  family: Family,
  name: string,
): Promise<ResourceIds & { memberId: string; joinedEmail: string }> {
  const ids = await populateFamily(family, name, t.db);
  const { client } = family;
  const familyId = family.session.family.id;
  const ok = (what: string, response: { statusCode: number; body: string }, status = 200) => {
    if (response.statusCode !== status)
      throw new Error(`${what} failed: ${response.statusCode} ${response.body}`);
  };
  ok('tick', await client.patch(`/api/checklist-items/${ids.itemId}`, { checked: true }));
  const rules = (await client.get(`/api/trips/${ids.tripId}/travel-rules`)).json<{
    carrying: Array<{ legs: Array<{ requirements: Array<{ key: string }> }> }>;
  }>();
  const key = rules.carrying[0]!.legs[0]!.requirements[0]!.key;
  ok(
    'requirement tick',
    await client.post(`/api/trips/${ids.tripId}/travel-rules/ticks`, { key, ticked: true }),
  );
  ok('feed', await client.post('/api/calendar-feed'), 201);
  ok(
    'reminder settings',
    await client.put('/api/reminders/preferences', {
      preferences: [
        {
          dayKind: 'custom',
          inApp: true,
          email: true,
          leads: ['on_day', 'day_before'],
          remindAt: '08:30',
          quietStart: null,
          quietEnd: null,
        },
      ],
    }),
  );
  ok(
    'journal settings',
    await client.put('/api/journal/settings', { prompts: false, acrossYearsHidden: true }),
  );
  const privateEntry = await client.post(`/api/loved-ones/${ids.lovedOneId}/journal`, {
    kind: 'entry',
    text: `Only for me: missing ${name} tonight.`,
    writtenFor: '2026-05-01',
  });
  ok('private entry', privateEntry, 201);
  // A photo on it, sent with an upload key: deleting the account removes it with the entry.
  ok(
    'private entry photo',
    await client.request({
      method: 'POST',
      url: `/api/journal-entries/${privateEntry.json<{ entry: { id: string } }>().entry.id}/photos`,
      payload: await jpegWithGps(40, 30),
      headers: { 'content-type': 'image/jpeg', 'idempotency-key': `entry-photo-${newId()}` },
    }),
    201,
  );
  ok(
    'private book',
    await client.post(`/api/loved-ones/${ids.lovedOneId}/books`, {
      from: '2026-01-01',
      to: '2026-12-31',
      paper: 'LETTER',
      withMyPrivateEntries: true,
    }),
    202,
  );
  // The family's archive, asked for and stored as made (populate runs no jobs), with one piece.
  const archive = await client.post('/api/family-exports');
  ok('family export', archive, 202);
  const exportId = archive.json<{ export: { id: string } }>().export.id;
  const zip = Buffer.from(`PK\x05\x06${name}'s archive, as stored for the deletion walk`);
  await t.db
    .updateTable('family_exports')
    .set({ state: 'ready', attempt: 1, files_done: 1, files_total: 1, byte_size: zip.length })
    .where('id', '=', exportId)
    .execute();
  await t.db
    .insertInto('family_export_chunks')
    .values({ export_id: exportId, attempt: 1, seq: 0, data: zip })
    .execute();
  const keyed = await client.request({
    method: 'POST',
    url: '/api/media',
    payload: await jpegWithGps(48, 64),
    headers: { 'content-type': 'image/jpeg', 'idempotency-key': `upload-${newId()}` },
  });
  ok('keyed photo', keyed, 201);
  // Someone joins through an invite, as a new person.
  const invite = await client.post('/api/family/invites', { role: 'adult', forName: `${name}'s uncle` });
  ok('invite', invite, 201);
  const joinedEmail = `uncle-${newId()}@example.com`;
  const joined = await t.app.inject({
    method: 'POST',
    url: '/api/join/sign-up',
    payload: {
      invite: invite.json<{ code: string }>().code,
      displayName: `${name}'s uncle`,
      email: joinedEmail,
      password: 'a long and gentle password',
    },
  });
  ok('join', joined, 201);
  // A child in child mode helps with a keepsake check.
  const phone = await childMode(t.app, t.db, family, { childProfileId: ids.childProfileId! });
  const help = await phone.client.post(
    `/api/child-mode/leg-checks/${ids.checkId}/keepsakes/${ids.tripKeepsakeId}/help`,
  );
  ok('help', help, 201);
  // A wrong password, counted by the throttle under the owner's account.
  const wrong = await client.post('/api/account/reauthenticate', {
    currentPassword: 'not the password at all',
  });
  ok('wrong password', wrong, 400);
  await t.caughtUp();
  const now = new Date().toISOString();
  // A link e-mailed to choose a new password (its token is shown to no one here).
  await t.db
    .insertInto('account_tokens')
    .values({
      id: hashToken(newToken()),
      user_id: family.session.user.id,
      purpose: 'password_reset',
      new_email: null,
      created_at: now,
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    })
    .execute();
  // A reminder delivered by e-mail, as the tick queues one and the delivery leaves it done.
  const reminder = await t.db
    .selectFrom('reminders')
    .select(['id', 'membership_id'])
    .where('family_id', '=', familyId)
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('jobs')
    .values({
      id: newId(),
      queue: 'reminder.email',
      dedupe_key: `reminder:${reminder.id}:2026-09-01:on_day:email`,
      payload: JSON.stringify({
        reminderId: reminder.id,
        familyId,
        membershipId: reminder.membership_id,
        key: `reminder:${reminder.id}:2026-09-01:on_day`,
        title: `${name}'s tree is today`,
        body: 'Tuesday 1 September.',
        to: family.session.user.email,
      }),
      state: 'done',
      run_at: Date.now(),
      attempts: 1,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: Date.now(),
      done_at: Date.now(),
    })
    .execute();
  return { ...ids, joinedEmail };
}
