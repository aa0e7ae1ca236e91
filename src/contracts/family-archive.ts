import { z } from 'zod';
import { countryCode, localDate, timeZone } from './fields.js';
import { entryKinds } from './journal.js';
import { containerMaterials, keepsakeKinds, lovedOneKinds } from './loved-ones.js';
import { mediaKinds } from './media.js';
import { paperSizes } from './memorial-book.js';
import { memoryItemKinds } from './memory-box.js';
import { roles } from './permissions.js';
import { dayKinds, dayRecurrences } from './remembrance.js';
import { ritualOutcomes, ritualReminds, ritualWhens } from './rituals.js';
import { replyStatuses, supporterStatuses } from './supporters.js';
import { tributeBackgrounds, tributeWordings } from './tributes.js';
import { bags, checkKinds, checklistScopes, legModes, purposes, scatterPlaces } from './trip-vocabulary.js';

// A family's archive (modules/family-data): what `family.json` inside the zip holds, version 4
// (versions 1 to 3 still import: `upgradeArchive`).
// Every collection is a list of records; a record names other records by the ids they have in the
// archive (`ref`), and its files by their path in the archive (`file`). The same declaration checks
// an archive on import, writes `schema.json` (JSON Schema) into every archive, and is printed in
// docs/export-format.md. Change a record's shape only with a new version.

export const ARCHIVE_FORMAT = 'alongside-family-archive';
export const ARCHIVE_VERSION = 4;

/**
 * Versions this server still reads, and how each is brought up to the current one before it is
 * checked: version 1 had no `journalPhotos` (photos on entries came in version 2); versions 1 and 2
 * had no loved one's `nationality` (version 3), and versions 1 to 3 no trip's `collectIn` (version
 * 4), which they bring as not said (null).
 */
export const readableArchiveVersions = [1, 2, 3, ARCHIVE_VERSION] as const;
export function upgradeArchive(head: Record<string, unknown>): Record<string, unknown> {
  let upgraded = head;
  if (upgraded.version === 1 && !('journalPhotos' in upgraded))
    upgraded = { ...upgraded, version: 2, journalPhotos: [] };
  if (upgraded.version === 2)
    upgraded = { ...upgraded, version: 3, lovedOnes: withNull(upgraded.lovedOnes, 'nationality') };
  if (upgraded.version === 3)
    upgraded = { ...upgraded, version: ARCHIVE_VERSION, trips: withNull(upgraded.trips, 'collectIn') };
  return upgraded;
}

/**
 * A collection's records, each with a field an older version did not have brought as null (not said).
 * Anything that is not a list of records is left as it is, for the check to refuse by name.
 */
function withNull(collection: unknown, field: string): unknown {
  if (!Array.isArray(collection)) return collection;
  return collection.map((record: unknown) =>
    typeof record === 'object' && record !== null && !(field in record)
      ? { ...record, [field]: null }
      : record,
  );
}

/** The fixed files of an archive; everything else is a file some record names. */
export const archiveFiles = {
  data: 'family.json',
  schema: 'schema.json',
  readme: 'README.txt',
  index: 'index.html',
} as const;

// ---- fields ---------------------------------------------------------------------------------------

/** Control characters other than tab and line breaks: no person types them, PostgreSQL refuses NUL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const words = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !CONTROL.test(v), 'holds control characters');
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
    'is not a UTC time such as 2026-07-01T09:30:00.000Z',
  );
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'is not a local date and time');
const clockTime = z.string().regex(/^\d{2}:\d{2}$/, 'is not a time of day such as 09:00');
const count = (max: number) => z.number().int().min(0).max(max);

export type CollectionName = keyof typeof archiveCollections;

/** What a field of a record is, beyond its JSON type: what import does with it. */
export type FieldKind =
  /** The record's own id (a UUID); a new one is given on import. */
  | { kind: 'id' }
  /** The id of a record in another collection of the same archive, or null where allowed. */
  | { kind: 'ref'; to: string; nullable: boolean }
  /** An id kept only to tell records apart (a supporter's reply's e-mail); need not name a record. */
  | { kind: 'tag' }
  /** Text holding ids of the archive's records ("arrival:<leg id>"): each is replaced on import. */
  | { kind: 'key' }
  /** The path of a file in the archive, or null where allowed. */
  | { kind: 'file'; folder: string; nullable: boolean }
  /** true or false (kept as 1 or 0), or null where allowed. */
  | { kind: 'flag'; nullable: boolean }
  | { kind: 'value' };

export interface Field {
  schema: z.ZodType;
  is: FieldKind;
}

const field = (schema: z.ZodType, is: FieldKind = { kind: 'value' }): Field => ({ schema, is });
const uuid = z.uuid();
const id = (): Field => field(uuid, { kind: 'id' });
const ref = (to: string): Field => field(uuid, { kind: 'ref', to, nullable: false });
const maybeRef = (to: string): Field => field(uuid.nullable(), { kind: 'ref', to, nullable: true });
const value = (schema: z.ZodType): Field => field(schema);
const maybe = (schema: z.ZodType): Field => field(schema.nullable());
const yesNo = (): Field => field(z.boolean(), { kind: 'flag', nullable: false });
const maybeYesNo = (): Field => field(z.boolean().nullable(), { kind: 'flag', nullable: true });
const filePath = (folder: string) =>
  z.string().regex(new RegExp(`^${folder}/[A-Za-z0-9][A-Za-z0-9._-]{0,120}$`), `is not a file in ${folder}/`);
const file = (folder: string): Field => field(filePath(folder), { kind: 'file', folder, nullable: false });
const maybeFile = (folder: string): Field =>
  field(filePath(folder).nullable(), { kind: 'file', folder, nullable: true });
const keyText = (): Field => field(words(600), { kind: 'key' });

const name = words(200);
const text = words(20_000);
const longText = words(200_000);
const country = countryCode('a country');
const region = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'is not a region code such as GB-SCT');

/** A collection: what one record holds, and what the list of them means. */
export interface Collection {
  about: string;
  fields: Record<string, Field>;
}

const collection = (about: string, fields: Record<string, Field>): Collection => ({ about, fields });

// ---- collections, in the order they are written on import (a record after those it names) --------

export const archiveCollections = {
  members: collection(
    "The family's members, past and present. `email` lets a member be invited again on import; a former member has `removedAt`.",
    {
      id: id(),
      displayName: value(name),
      role: value(z.enum(roles)),
      email: maybe(z.string().max(254)),
      createdAt: value(instant),
      removedAt: maybe(instant),
    },
  ),
  childProfiles: collection('Younger children, who use the app in child mode on a grown-up’s phone.', {
    id: id(),
    displayName: value(name),
    birthMonth: maybe(z.string().regex(/^\d{4}-\d{2}$/)),
    createdBy: maybeRef('members'),
    createdAt: value(instant),
  }),
  lovedOnes: collection(
    'The people (and animals) the family remembers. `nationality` (new in version 3) is null until the family says it; it is asked only where a consulate speaks for its own nationals.',
    {
      id: id(),
      name: value(name),
      kind: value(z.enum(lovedOneKinds)),
      relationship: maybe(name),
      dateOfLoss: maybe(localDate('a date')),
      dueDate: maybe(localDate('a date')),
      dateOfBirth: maybe(localDate('a date')),
      dateOfDeath: maybe(localDate('a date')),
      gestationWeeks: maybe(count(45)),
      lossCountry: maybe(country),
      bornAlive: maybeYesNo(),
      birthWeightG: maybe(count(10_000)),
      lossRegion: maybe(region),
      cremationCountry: maybe(country),
      cremationRegion: maybe(region),
      nationality: maybe(country),
      story: maybe(longText),
      createdAt: value(instant),
      updatedAt: value(instant),
    },
  ),
  keepsakes: collection('The things that hold the memory: a box of ashes, jewellery, a blanket.', {
    id: id(),
    lovedOneId: ref('lovedOnes'),
    name: value(name),
    kind: value(z.enum(keepsakeKinds)),
    container: value(z.enum(containerMaterials)),
    sizeNote: maybe(name),
    weightGrams: maybe(count(1_000_000)),
    travelsWithUs: yesNo(),
    notes: maybe(text),
    createdAt: value(instant),
    updatedAt: value(instant),
  }),
  trips: collection(
    'Trips, with who made them. `collectIn` (new in version 4) is the country where the family collects the ashes, travelling out without them; null when they come along from the start.',
    {
      id: id(),
      name: value(name),
      startsOn: maybe(localDate('a date')),
      endsOn: maybe(localDate('a date')),
      purpose: value(z.enum(purposes)),
      requireTwoPeople: yesNo(),
      notes: maybe(text),
      scatterCountry: maybe(country),
      scatterRegion: maybe(region),
      scatterPlace: maybe(z.enum(scatterPlaces)),
      ashesComeHome: maybeYesNo(),
      checksOpenHour: maybe(count(23)),
      collectIn: maybe(country),
      createdBy: ref('members'),
      createdAt: value(instant),
      updatedAt: value(instant),
    },
  ),
  tripTravellers: collection(
    'Who travels on each trip; `membershipId` is null for someone without an account.',
    {
      id: id(),
      tripId: ref('trips'),
      membershipId: maybeRef('members'),
      name: value(name),
      isChild: yesNo(),
      createdAt: value(instant),
    },
  ),
  tripLegs: collection('Each leg of a trip: where from and to, when, how, and the arrival.', {
    id: id(),
    tripId: ref('trips'),
    position: value(count(1000)),
    label: maybe(name),
    mode: value(z.enum(legModes)),
    fromCountry: value(country),
    toCountry: value(country),
    fromPlace: maybe(name),
    toPlace: maybe(name),
    carrier: maybe(name),
    bag: value(z.enum(bags)),
    departureLocal: value(localDateTime),
    departureZone: value(timeZone),
    departureUtc: value(instant),
    isReturn: yesNo(),
    isConnection: yesNo(),
    toPlaceId: maybe(z.string().regex(/^\d{1,12}$/)),
    arrivalLocal: maybe(localDateTime),
    arrivalZone: maybe(timeZone),
    arrivalUtc: maybe(instant),
    arrivedAt: maybe(instant),
    createdAt: value(instant),
    updatedAt: value(instant),
  }),
  legChecks: collection('The "before you leave" checks of each leg.', {
    id: id(),
    legId: ref('tripLegs'),
    kind: value(z.enum(checkKinds)),
    position: value(count(1000)),
  }),
  tripKeepsakes: collection('The keepsakes coming along on a trip, and who carries them in which bag.', {
    id: id(),
    tripId: ref('trips'),
    keepsakeId: ref('keepsakes'),
    carrierTravellerId: maybeRef('tripTravellers'),
    bagDescription: value(name),
    createdAt: value(instant),
  }),
  checklistItems: collection("A trip's packing list, with who ticked each item and when.", {
    id: id(),
    tripId: ref('trips'),
    tripKeepsakeId: maybeRef('tripKeepsakes'),
    label: value(name),
    scope: value(z.enum(checklistScopes)),
    ownerTravellerId: maybeRef('tripTravellers'),
    position: value(count(100_000)),
    checkedAt: maybe(instant),
    checkedBy: maybeRef('members'),
    untickedAt: maybe(instant),
    untickedBy: maybeRef('members'),
    createdAt: value(instant),
  }),
  checkConfirmations: collection(
    'Who confirmed that a keepsake was packed before a leg, for which traveller, and when it was tapped.',
    {
      id: id(),
      checkId: ref('legChecks'),
      tripKeepsakeId: ref('tripKeepsakes'),
      travellerId: ref('tripTravellers'),
      recordedBy: ref('members'),
      confirmedAt: value(instant),
      receivedAt: maybe(instant),
    },
  ),
  keepsakeHelps: collection("A child's help with a keepsake check (shown to the grown-ups, never counted).", {
    id: id(),
    checkId: ref('legChecks'),
    tripKeepsakeId: ref('tripKeepsakes'),
    childProfileId: ref('childProfiles'),
    helpedAt: value(instant),
  }),
  requirementTicks: collection(
    'Travel requirements and documents ticked off; `key` is "<loved one id>:<leg id or documents>:<requirement>".',
    {
      id: id(),
      tripId: ref('trips'),
      key: keyText(),
      tickedBy: ref('members'),
      tickedAt: value(instant),
    },
  ),
  checklistTemplates: collection('Saved packing lists.', {
    id: id(),
    name: value(name),
    createdAt: value(instant),
  }),
  checklistTemplateItems: collection('The items of each saved list.', {
    id: id(),
    templateId: ref('checklistTemplates'),
    label: value(name),
    scope: value(z.enum(checklistScopes)),
    position: value(count(100_000)),
  }),
  remembranceDays: collection(
    'The days that matter: those worked out from loved ones, trips and rituals (`sourceKey` says from what) and those the family added (`custom:`).',
    {
      id: id(),
      lovedOneId: maybeRef('lovedOnes'),
      tripId: maybeRef('trips'),
      sourceKey: keyText(),
      kind: value(z.enum(dayKinds)),
      title: value(name),
      anchorDate: value(localDate('a date')),
      recurrence: value(z.enum(dayRecurrences)),
      weekdayRule: maybe(words(200)),
      durationDays: maybe(count(366)),
      startTime: maybe(clockTime),
      durationMinutes: maybe(count(100_000)),
      zone: maybe(timeZone),
      sourceUrl: maybe(words(2000)),
      note: maybe(text),
      remindMinutes: maybe(count(100_000)),
      createdAt: value(instant),
      updatedAt: value(instant),
    },
  ),
  reminderPreferences: collection("The exporting member's own reminder settings.", {
    id: id(),
    membershipId: ref('members'),
    dayKind: value(z.enum(dayKinds)),
    inApp: yesNo(),
    email: yesNo(),
    leads: value(z.string().regex(/^([a-z_]+(,[a-z_]+)*)?$/)),
    remindAt: value(clockTime),
    quietStart: maybe(clockTime),
    quietEnd: maybe(clockTime),
    updatedAt: value(instant),
  }),
  media: collection(
    "The family's photos and the children's drawings, as kept (re-encoded, no location), with a small preview.",
    {
      id: id(),
      kind: value(z.enum(mediaKinds)),
      file: file('media'),
      thumbnail: file('media'),
      addedBy: maybeRef('members'),
      fromName: maybe(name),
      parentsOnly: yesNo(),
      createdAt: value(instant),
    },
  ),
  memoryBoxItems: collection("Drawings, letters and voice notes in a loved one's memory box.", {
    id: id(),
    lovedOneId: ref('lovedOnes'),
    kind: value(z.enum(memoryItemKinds)),
    mediaId: maybeRef('media'),
    prompt: maybe(text),
    body: maybe(longText),
    audio: maybeFile('voice'),
    parentsOnly: yesNo(),
    byName: value(name),
    byAge: maybe(count(150)),
    byChildProfileId: maybeRef('childProfiles'),
    byMemberId: maybeRef('members'),
    createdAt: value(instant),
  }),
  rituals: collection("A loved one's rituals, on a schedule or on a trip's event.", {
    id: id(),
    lovedOneId: ref('lovedOnes'),
    title: value(name),
    whatToDo: value(text),
    trigger: value(z.enum(ritualWhens)),
    rrule: maybe(words(2000)),
    dtstartLocal: maybe(localDateTime),
    zone: maybe(timeZone),
    whoUsually: maybe(name),
    childrenPart: maybe(text),
    remind: maybe(z.enum(ritualReminds)),
    createdAt: value(instant),
    updatedAt: value(instant),
  }),
  ritualMarks: collection(
    'Each time a ritual was done (who took part, a line, a photo) or set aside for "not today".',
    {
      id: id(),
      ritualId: ref('rituals'),
      occurrenceKey: keyText(),
      dueAt: value(instant),
      outcome: value(z.enum(ritualOutcomes)),
      tookPart: maybe(text),
      line: maybe(text),
      mediaId: maybeRef('media'),
      markedBy: maybeRef('members'),
      markedAt: value(instant),
    },
  ),
  journalEntries: collection(
    "Entries and letters shared with the family's adults, and the exporting member's own private ones. Another member's private entries are never in an archive.",
    {
      id: id(),
      lovedOneId: ref('lovedOnes'),
      authorId: ref('members'),
      kind: value(z.enum(entryKinds)),
      title: maybe(name),
      body: value(longText),
      writtenFor: value(localDate('a date')),
      sharedAt: maybe(instant),
      createdAt: value(instant),
      updatedAt: value(instant),
    },
  ),
  journalPhotos: collection(
    "Photos on journal entries, as kept (re-encoded, no location), with a small preview. A photo is as private as its entry: those on entries shared with the family's adults, and the exporting member's own; never another member's private entry's. Whose it is (`authorId`) is the entry's writer; whether it is shared is its entry's `sharedAt`. New in version 2.",
    {
      id: id(),
      entryId: ref('journalEntries'),
      authorId: ref('members'),
      file: file('journal-photos'),
      thumbnail: file('journal-photos'),
      createdAt: value(instant),
    },
  ),
  journalSettings: collection("The exporting member's own journal settings.", {
    membershipId: ref('members'),
    prompts: yesNo(),
    promptRestedOn: maybe(localDate('a date')),
    acrossYearsHidden: yesNo(),
    updatedAt: value(instant),
  }),
  tributes: collection('Tributes: a picture and a few words for a loved one on a chosen day.', {
    id: id(),
    lovedOneId: ref('lovedOnes'),
    mediaId: maybeRef('media'),
    background: value(z.enum(tributeBackgrounds)),
    words: maybe(text),
    wording: value(z.enum(tributeWordings)),
    forDate: value(localDate('a date')),
    caption: maybe(text),
    createdBy: maybeRef('members'),
    createdAt: value(instant),
    updatedAt: value(instant),
  }),
  memorialBooks: collection(
    'Memorial books that were made, as PDFs. A book holding another member’s private entries is not in the archive.',
    {
      id: id(),
      lovedOneId: ref('lovedOnes'),
      askedBy: ref('members'),
      fromDate: value(localDate('a date')),
      toDate: value(localDate('a date')),
      paper: value(z.enum(paperSizes)),
      privateToAsker: yesNo(),
      pagesTotal: value(count(100_000)),
      file: file('books'),
      createdAt: value(instant),
      readyAt: value(instant),
    },
  ),
  supporters: collection('People outside the family who hear before chosen days, by e-mail.', {
    id: id(),
    name: value(name),
    email: value(z.string().max(254)),
    zone: value(timeZone),
    status: value(z.enum(supporterStatuses)),
    confirmedAt: maybe(instant),
    unsubscribedAt: maybe(instant),
    addedBy: ref('members'),
    createdAt: value(instant),
  }),
  supporterDays: collection('Which days each supporter hears about, with the family’s suggestion.', {
    id: id(),
    supporterId: ref('supporters'),
    dayId: ref('remembranceDays'),
    suggestion: value(text),
    updatedAt: value(instant),
  }),
  supporterReplies: collection("Supporters' replies, and whether a parent accepted them.", {
    id: id(),
    supporterId: ref('supporters'),
    supporterDayId: field(uuid, { kind: 'tag' }),
    occurrenceDate: value(localDate('a date')),
    dayTitle: value(name),
    message: value(text),
    status: value(z.enum(replyStatuses)),
    createdAt: value(instant),
    decidedAt: maybe(instant),
    decidedBy: maybeRef('members'),
    mediaId: maybeRef('media'),
  }),
  supporterReplyPhotos: collection("A reply's photo, waiting for a parent to accept or decline the reply.", {
    replyId: ref('supporterReplies'),
    file: file('reply-photos'),
    thumbnail: file('reply-photos'),
    createdAt: value(instant),
  }),
} as const satisfies Record<string, Collection>;

export const collectionNames = Object.keys(archiveCollections) as CollectionName[];

/** The family itself. */
const familySchema = z
  .object({
    name: name.min(1),
    homeZone: timeZone,
    country: country.nullable(),
    createdAt: instant,
  })
  .strict();

/** A trip's travel packet as it was printed at export (not imported: a server prints its own). */
const packetSchema = z.object({ tripId: uuid, file: filePath('travel-packets') }).strict();

const recordSchema = (c: Collection) =>
  z
    .object(Object.fromEntries(Object.entries(c.fields).map(([key, f]) => [key, f.schema])))
    .strict()
    .describe(c.about);

/** `family.json`, checked whole before anything is written. */
export const archiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    exportedAt: instant,
    /** The member who exported the archive (their private entries and settings are in it). */
    exportedBy: uuid,
    /** What was left out of this archive, in words (also in README.txt). */
    leftOut: z.array(words(2000)).max(100),
    family: familySchema,
    ...Object.fromEntries(
      collectionNames.map((n) => [n, z.array(recordSchema(archiveCollections[n])).max(1_000_000)]),
    ),
    travelPackets: z.array(packetSchema).max(100_000),
  })
  .strict();

export type ArchiveRecord = Record<string, unknown>;
export type ArchiveData = {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: string;
  exportedBy: string;
  leftOut: string[];
  family: z.infer<typeof familySchema>;
  travelPackets: Array<z.infer<typeof packetSchema>>;
} & Record<CollectionName, ArchiveRecord[]>;

/** The JSON Schema of `family.json`, as written into every archive and docs/export-format.md. */
export function archiveJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(archiveSchema, { unrepresentable: 'any', io: 'input' }),
    $id: `https://alongside.invalid/schema/family-archive/v${ARCHIVE_VERSION}.json`,
    title: `Alongside family archive, version ${ARCHIVE_VERSION}`,
  };
}

// ---- the routes' contracts ------------------------------------------------------------------------

export const exportStates = ['waiting', 'making', 'ready', 'failed'] as const;
export type ExportState = (typeof exportStates)[number];

export const familyExportSchema = z.object({
  id: z.string(),
  state: z.enum(exportStates),
  /** Files written so far, of about how many (records, photos, voice notes, PDFs). */
  filesDone: z.number().int(),
  filesTotal: z.number().int().nullable(),
  byteSize: z.number().int().nullable(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  /** When the archive is removed from the server (a week after it was made). */
  expiresAt: z.string().nullable(),
});
export type FamilyExport = z.infer<typeof familyExportSchema>;

export const familyExportResponse = z.object({ export: familyExportSchema });
export const familyExportsResponse = z.object({ exports: z.array(familyExportSchema) });

/** A download link: private (only its asker's session), single-use, and short-lived. */
export const exportLinkResponse = z.object({ url: z.string(), expiresAt: z.string() });
export const exportDownloadQuery = z
  .object({ token: z.string().min(1, 'This download link is incomplete.').max(100) })
  .strict();

export const importedInvite = z.object({
  name: z.string(),
  role: z.enum(roles),
  /**
   * Always null once the import is a background job: an invite's link and code are secrets, stored
   * hashed, never kept in the import's row. A member with an account here was e-mailed theirs by the
   * job (`emailed`); for the others the importer makes an invite on the finished import's page
   * (`POST /api/family/invites` in the new family, with this name and role), and sees it then, once.
   */
  link: z.string().nullable(),
  code: z.string().nullable(),
  emailed: z.boolean(),
});
export const importResponse = z.object({
  family: z.object({ id: z.string(), name: z.string() }),
  /** The family's other members, each invited to join again (never joined without saying yes). */
  invited: z.array(importedInvite),
  /** What the archive held that was not brought in, in words. */
  notes: z.array(z.string()),
});
export type ImportResponse = z.infer<typeof importResponse>;

export const importStates = ['queued', 'working', 'done', 'failed'] as const;
export type ImportState = (typeof importStates)[number];

/** An archive being brought in by the background job, as its asker (and no one else) sees it. */
export const familyImportSchema = z.object({
  id: z.string(),
  state: z.enum(importStates),
  /** The family's name as the archive gives it. */
  familyName: z.string(),
  /** Photos, drawings, voice notes and books written so far, of how many (0 of 0 until counted). */
  filesDone: z.number().int(),
  filesTotal: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why it failed, in words, ending "Nothing was imported."; null unless failed. */
  message: z.string().nullable(),
  /** Once done: what the import answered when it ran inside the request. */
  result: importResponse.nullable(),
});
export type FamilyImport = z.infer<typeof familyImportSchema>;

export const familyImportResponse = z.object({ import: familyImportSchema });
export const familyImportsResponse = z.object({ imports: z.array(familyImportSchema) });
