import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Table types for Kysely. Portable column types only (see dialect.ts): text for ids, dates and
// ISO-8601 UTC timestamps, integer for counts and 0/1 flags, so one set of migrations and one set of
// queries run on SQLite and PostgreSQL alike.

export type Flag = 0 | 1;

export interface FamiliesTable {
  id: string;
  name: string;
  home_zone: string;
  created_at: string;
  revision: Generated<number>;
  country: string | null;
  /** A deletion asked for (migration 027): when, by which owner (membership id), and when it happens. */
  deletion_asked_at: string | null;
  deletion_asked_by: string | null;
  deletion_due_at: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  created_at: string;
  /** A deletion of the account asked for (migration 027), and when it happens. */
  deletion_asked_at: string | null;
  deletion_due_at: string | null;
  /** Set once the account is deleted: the row is then empty (no e-mail, name or password). */
  deleted_at: string | null;
}

export interface MembershipsTable {
  id: string;
  family_id: string;
  user_id: string;
  role: string;
  display_name: string;
  created_at: string;
  /** When the member left or was removed; null while they belong. The row stays so their ticks keep their name. */
  removed_at: string | null;
}

export interface SessionsTable {
  id: string; // SHA-256 of the session token; the token itself is never stored
  user_id: string;
  membership_id: string;
  family_id: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  /** What the list of one's sessions shows and ends by; never the stored id. Set on every row. */
  public_id: string;
  /** "Firefox on Android", from the User-Agent at sign-in; null when it named nothing we know. */
  device: string | null;
  /** When the password was last given in this session (sign-in, or again to end another's). */
  authenticated_at: string;
  /** Set on a child-mode session: the child profile whose rights it has (migration 010). */
  child_profile_id: string | null;
  /** A child-mode session's PIN for leaving it, hashed like a password. */
  exit_pin_hash: string | null;
}

/** A child of the family with no e-mail and no password, used through child mode. */
export interface ChildProfilesTable {
  id: string;
  family_id: string;
  display_name: string;
  created_by: string | null; // membership id
  created_at: string;
  birth_month: string | null; // 'YYYY-MM', optional
}

/** A child's help with a keepsake check: shown, never counted; an adult confirms. */
export interface KeepsakeHelpsTable {
  id: string;
  family_id: string;
  check_id: string;
  trip_keepsake_id: string;
  child_profile_id: string;
  helped_at: string;
}

/** Links sent by e-mail: a forgotten password, or a new address to confirm. */
export interface AccountTokensTable {
  id: string; // SHA-256 of the token in the link; the token itself is never stored
  user_id: string;
  purpose: string; // 'password_reset' | 'email_change'
  new_email: string | null; // the address to switch to, for 'email_change'
  created_at: string;
  expires_at: string;
}

/** A sign-up waiting for its e-mailed link to be opened (where e-mail is on). */
export interface SignUpRequestsTable {
  id: string; // SHA-256 of the token in the link; the token itself is never stored
  email: string;
  password_hash: string;
  display_name: string;
  family_name: string;
  home_zone: string;
  created_at: string;
  expires_at: string;
}

export interface AuthThrottleTable {
  key: string; // SHA-256 of the lower-cased e-mail address
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface LovedOnesTable {
  id: string;
  family_id: string;
  name: string;
  kind: string;
  relationship: string | null;
  date_of_loss: string | null;
  due_date: string | null;
  date_of_birth: string | null;
  date_of_death: string | null;
  gestation_weeks: number | null;
  loss_country: string | null;
  /** 1 born alive, 0 born without signs of life, null not asked yet. */
  born_alive: Flag | null;
  birth_weight_g: number | null;
  /** ISO 3166-2 subdivision of the loss (GB-SCT), where rules differ inside a country. */
  loss_region: string | null;
  cremation_country: string | null;
  cremation_region: string | null;
  /** ISO 3166-1 alpha-2 (migration 033): a consulate's list may speak for its own nationals alone. */
  nationality: string | null;
  story: string | null;
  created_at: string;
  updated_at: string;
}

export interface KeepsakesTable {
  id: string;
  family_id: string;
  loved_one_id: string;
  name: string;
  kind: string;
  container: string;
  size_note: string | null;
  weight_grams: number | null;
  travels_with_us: Flag;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface TripsTable {
  id: string;
  family_id: string;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  purpose: string;
  require_two_people: Flag;
  notes: string | null;
  scatter_country: string | null;
  scatter_region: string | null;
  scatter_place: string | null;
  /** 0 when all the ashes stay where they are scattered; null when not said. */
  ashes_come_home: Flag | null;
  /** The hour the evening before a departure from which its checks count; null: 18:00. */
  checks_open_hour: number | null;
  /** ISO 3166-1 alpha-2 (migration 034): where the family collects the ashes, travelling out without them. */
  collect_in: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TripTravellersTable {
  id: string;
  family_id: string;
  trip_id: string;
  membership_id: string | null;
  name: string;
  is_child: Flag;
  created_at: string;
}

export interface TripLegsTable {
  id: string;
  family_id: string;
  trip_id: string;
  position: number;
  label: string | null;
  mode: string;
  from_country: string;
  to_country: string;
  from_place: string | null;
  to_place: string | null;
  carrier: string | null;
  bag: string;
  departure_local: string;
  departure_zone: string;
  departure_utc: string;
  is_return: Flag;
  /** 1 when the keepsakes do not enter `to_country`: a change of planes, or a port of call. */
  is_connection: Generated<Flag>;
  created_at: string;
  updated_at: string;
  /** The destination picked from the gazetteer (a GeoNames id); null when only typed. */
  to_place_id: string | null;
  /** The arrival, where the family entered it: wall time, zone and instant (all or none). */
  arrival_local: string | null;
  arrival_zone: string | null;
  arrival_utc: string | null;
  /** When the family tapped "We've arrived" (server clock). */
  arrived_at: string | null;
}

export interface LegChecksTable {
  id: string;
  family_id: string;
  leg_id: string;
  kind: string;
  position: number;
}

export interface TripKeepsakesTable {
  id: string;
  family_id: string;
  trip_id: string;
  keepsake_id: string;
  carrier_traveller_id: string | null;
  bag_description: string;
  created_at: string;
}

export interface ChecklistItemsTable {
  id: string;
  family_id: string;
  trip_id: string;
  trip_keepsake_id: string | null;
  label: string;
  scope: string;
  owner_traveller_id: string | null;
  position: number;
  checked_at: string | null;
  checked_by: string | null;
  unticked_at: string | null;
  unticked_by: string | null;
  created_at: string;
}

export interface CheckConfirmationsTable {
  id: string;
  family_id: string;
  check_id: string;
  trip_keepsake_id: string;
  traveller_id: string;
  recorded_by: string;
  /** When it was tapped on the phone (bounded by the server's clock): what the checks compare. */
  confirmed_at: string;
  /** When the server received it (later than `confirmed_at` when it was made without signal). */
  received_at: string | null;
}

export interface ChecklistTemplatesTable {
  id: string;
  family_id: string;
  name: string;
  created_at: string;
}

export interface ChecklistTemplateItemsTable {
  id: string;
  family_id: string;
  template_id: string;
  label: string;
  scope: string;
  position: number;
}

export interface RemembranceDaysTable {
  id: string;
  family_id: string;
  loved_one_id: string | null;
  trip_id: string | null;
  /** What the day comes from, e.g. "loved_one:<id>:loss_anniversary" or "awareness:wave-of-light". */
  source_key: string;
  kind: string;
  title: string;
  anchor_date: string;
  recurrence: string;
  /** JSON {"nth":2,"weekday":7} for days such as "the second Sunday of December". */
  weekday_rule: string | null;
  duration_days: number | null;
  start_time: string | null;
  duration_minutes: number | null;
  zone: string | null;
  source_url: string | null;
  note: string | null;
  /** Ritual days only: minutes before its time that its reminder comes; null, no reminder. */
  remind_minutes: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReminderPreferencesTable {
  id: string;
  family_id: string;
  membership_id: string;
  day_kind: string;
  in_app: Flag;
  email: Flag;
  /** Comma-separated leads: on_day, day_before, week_before. */
  leads: string;
  remind_at: string;
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: string;
}

export interface RemindersTable {
  id: string;
  family_id: string;
  membership_id: string;
  day_id: string;
  lead: string;
  /** Epoch ms of the next time this reminder fires; null when it will not fire again. */
  next_due_utc: number | null;
  occurrence_date: string | null;
  /** What the schedule was computed from; a changed day or preference gives a new signature. */
  signature: string;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  queue: string;
  dedupe_key: string;
  payload: string;
  state: string;
  run_at: number;
  attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

export interface InboxItemsTable {
  id: string;
  family_id: string;
  membership_id: string;
  reminder_key: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  media_id: string | null; // a photo shown with it (a supporter's, once accepted)
}

export interface MemberTokensTable {
  id: string;
  family_id: string;
  membership_id: string;
  purpose: string;
  token_hash: string;
  created_at: string;
}

export interface RequirementTicksTable {
  id: string;
  family_id: string;
  trip_id: string;
  /** "<loved one id>:<leg id or 'documents'>:<requirement id or document title>" */
  key: string;
  ticked_by: string;
  ticked_at: string;
}

/** An invite to join a family; only the SHA-256 of its link's token and of its code are kept. */
export interface InvitesTable {
  id: string;
  family_id: string;
  role: string; // 'adult' | 'child' | 'viewer'
  for_name: string | null;
  token_hash: string;
  code_hash: string;
  max_uses: number;
  uses: Generated<number>;
  expires_at: string;
  revoked_at: string | null;
  created_by: string; // membership id
  created_at: string;
}

/** Who joined a family through which invite. */
export interface InviteJoinsTable {
  id: string;
  family_id: string;
  invite_id: string;
  membership_id: string;
  joined_at: string;
}

/** A photo the family keeps: re-encoded, with no location or camera tags, and its thumbnail. */
export interface MediaTable {
  id: string;
  family_id: string;
  kind: string; // 'photo'
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  data: Buffer;
  thumbnail_content_type: string;
  thumbnail: Buffer;
  thumbnail_byte_size: number;
  digest: string;
  added_by: string | null; // membership id
  created_at: string;
  parents_only: Generated<Flag>; // 1: seen only with 'parentsOnly.see'
  from_name: string | null; // who outside the family sent it (a supporter's name)
}

/** A photo on a journal entry, as private as its entry (modules/journal, migration 029). */
export interface JournalEntryPhotosTable {
  id: string;
  family_id: string;
  entry_id: string;
  author_id: string; // the entry's writer
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  data: Buffer;
  thumbnail_content_type: string;
  thumbnail: Buffer;
  thumbnail_byte_size: number;
  digest: string;
  upload_key_hash: string | null; // SHA-256 of the Idempotency-Key it came with
  upload_digest: string | null;
  created_at: string;
}

/** A drawing, letter or voice note in a loved one's memory box (modules/memory-box). */
export interface MemoryBoxItemsTable {
  id: string;
  family_id: string;
  loved_one_id: string;
  kind: string; // 'drawing' | 'letter' | 'voice'
  media_id: string | null;
  prompt: string | null;
  body: string | null;
  audio_content_type: string | null;
  audio: Buffer | null;
  audio_seconds: number | null;
  audio_digest: string | null;
  parents_only: Flag;
  by_name: string;
  by_age: number | null;
  by_child_profile_id: string | null;
  by_member_id: string | null;
  created_at: string;
  /** The SHA-256 of the Idempotency-Key the item was uploaded with, and of its bytes (migration 025). */
  upload_key_hash: string | null;
  upload_digest: string | null;
}

/** Which photo an upload's Idempotency-Key made (migration 019); the key itself is never kept. */
export interface MediaUploadKeysTable {
  family_id: string;
  key_hash: string;
  /** SHA-256 of the bytes sent with the key: the same key with another photo is refused. */
  upload_digest: string;
  media_id: string;
  created_at: string;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
}

/** Someone without an account the family added by e-mail (supporters module). */
export interface SupportersTable {
  id: string;
  family_id: string;
  name: string;
  email: string;
  zone: string;
  status: string; // 'pending' | 'confirmed' | 'unsubscribed'
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  added_by: string; // membership id
  created_at: string;
}

/** A remembrance day a supporter hears about, with the family's suggestion and the next e-mail. */
export interface SupporterDaysTable {
  id: string;
  family_id: string;
  supporter_id: string;
  day_id: string;
  suggestion: string;
  next_due_utc: number | null;
  occurrence_date: string | null;
  signature: string;
  updated_at: string;
}

/** A supporter's answer to one e-mail, held until a parent accepts or declines it. */
export interface SupporterRepliesTable {
  id: string;
  family_id: string;
  supporter_id: string;
  supporter_day_id: string;
  occurrence_date: string;
  day_title: string;
  message: string;
  status: string; // 'pending' | 'accepted' | 'declined'
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  media_id: string | null; // the family's photo an accepted reply's photo became
}

/** A supporter's reply's photo, waiting for a parent to accept the reply (migration 023). */
export interface SupporterReplyPhotosTable {
  reply_id: string;
  family_id: string;
  content_type: string;
  width: number;
  height: number;
  data: Buffer;
  thumbnail_content_type: string;
  thumbnail: Buffer;
  digest: string;
  created_at: string;
}

/** What a family does for a loved one, on a schedule or on a trip's event (modules/rituals). */
export interface RitualsTable {
  id: string;
  family_id: string;
  loved_one_id: string;
  title: string;
  what_to_do: string;
  trigger: string; // 'schedule' | 'arrival' | 'evening_before' | 'first_night_home'
  rrule: string | null;
  dtstart_local: string | null;
  zone: string | null;
  who_usually: string | null;
  children_part: string | null;
  /** 'at_time' | 'hour_before', or null: the ritual asks for no reminder. */
  remind: string | null;
  created_at: string;
  updated_at: string;
}

/** One time a ritual was due: done (who took part, a line, a photo) or "not today". */
export interface RitualMarksTable {
  id: string;
  family_id: string;
  ritual_id: string;
  occurrence_key: string;
  due_at: string;
  outcome: string; // 'done' | 'not_today'
  took_part: string | null;
  line: string | null;
  media_id: string | null;
  marked_by: string | null;
  marked_at: string;
}

/** An entry or letter a member wrote for a loved one; private to them unless shared (modules/journal). */
export interface JournalEntriesTable {
  id: string;
  family_id: string;
  loved_one_id: string;
  author_id: string; // membership id
  kind: string; // 'entry' | 'letter'
  title: string | null;
  body: string;
  written_for: string; // local date
  shared_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A member's own journal settings: prompts on or resting, and the day across the years hidden. */
export interface JournalSettingsTable {
  membership_id: string;
  family_id: string;
  prompts: number; // 0/1
  prompt_rested_on: string | null;
  across_years_hidden: number; // 0/1
  updated_at: string;
}

/** A picture and a few words for a loved one on a day that matters (modules/tributes). */
export interface TributesTable {
  id: string;
  family_id: string;
  loved_one_id: string;
  media_id: string | null;
  background: string; // 'dawn' | 'sea' | 'stone' | 'night'
  words: string | null;
  wording: string; // 'would_have_been' | 'years_since' | 'dates' | 'name_only'
  for_date: string;
  caption: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An unlisted page showing one tribute: the token only as its SHA-256, a password as argon2. */
export interface TributeLinksTable {
  id: string;
  family_id: string;
  tribute_id: string;
  token_hash: string;
  password_hash: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  created_by: string | null;
  created_at: string;
}

/** A loved one's memorial book, made by a background job (modules/memorial-book). */
export interface MemorialBooksTable {
  id: string;
  family_id: string;
  loved_one_id: string;
  asked_by: string;
  from_date: string;
  to_date: string;
  paper: string; // 'A4' | 'LETTER'
  private_to_asker: number; // 0 or 1: it holds the asker's own private entries
  state: string; // 'waiting' | 'making' | 'ready' | 'failed'
  attempt: number; // raised each time the job starts on it; only the latest try may finish
  pages_done: number;
  pages_total: number | null;
  byte_size: number | null;
  created_at: string;
  ready_at: string | null;
}

/** A book's PDF, in pieces of about a megabyte, in order of `seq`. */
export interface MemorialBookChunksTable {
  book_id: string;
  attempt: number;
  seq: number;
  data: Buffer;
}

/** What the family chose for a book: each thing offered, in (1) or left out (0). No rows: everything. */
export interface MemorialBookEntriesTable {
  book_id: string;
  kind: string; // 'entries' | 'tributes' | 'rituals' | 'drawings' | 'photos'
  item_id: string; // the id of the entry, tribute, ritual mark, memory-box drawing or photo
  included: number;
}

/** A family's archive, asked for by a member and made by a background job (modules/family-data). */
export interface FamilyExportsTable {
  id: string;
  family_id: string;
  asked_by: string; // membership id: the archive is theirs alone
  state: string; // 'waiting' | 'making' | 'ready' | 'failed'
  attempt: number;
  files_done: number;
  files_total: number | null;
  byte_size: number | string | null; // bigint: PostgreSQL answers it as text
  created_at: string;
  ready_at: string | null;
  expires_at: string | null;
  /** SHA-256 of the one download link's token; the token itself is never stored. */
  link_hash: string | null;
  link_expires_at: string | null;
  link_used_at: string | null;
}

/** An archive's zip, in pieces of about a megabyte, in order of `seq`. */
export interface FamilyExportChunksTable {
  export_id: string;
  attempt: number;
  seq: number;
  data: Buffer;
}

export interface Database {
  families: FamiliesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  account_tokens: AccountTokensTable;
  sign_up_requests: SignUpRequestsTable;
  loved_ones: LovedOnesTable;
  keepsakes: KeepsakesTable;
  trips: TripsTable;
  trip_travellers: TripTravellersTable;
  trip_legs: TripLegsTable;
  leg_checks: LegChecksTable;
  trip_keepsakes: TripKeepsakesTable;
  checklist_items: ChecklistItemsTable;
  check_confirmations: CheckConfirmationsTable;
  checklist_templates: ChecklistTemplatesTable;
  checklist_template_items: ChecklistTemplateItemsTable;
  remembrance_days: RemembranceDaysTable;
  reminder_preferences: ReminderPreferencesTable;
  reminders: RemindersTable;
  jobs: JobsTable;
  inbox_items: InboxItemsTable;
  member_tokens: MemberTokensTable;
  requirement_ticks: RequirementTicksTable;
  instance_settings: InstanceSettingsTable;
  invites: InvitesTable;
  child_profiles: ChildProfilesTable;
  keepsake_helps: KeepsakeHelpsTable;
  invite_joins: InviteJoinsTable;
  media: MediaTable;
  media_upload_keys: MediaUploadKeysTable;
  supporters: SupportersTable;
  supporter_days: SupporterDaysTable;
  supporter_replies: SupporterRepliesTable;
  supporter_reply_photos: SupporterReplyPhotosTable;
  rituals: RitualsTable;
  ritual_marks: RitualMarksTable;
  memory_box_items: MemoryBoxItemsTable;
  journal_entries: JournalEntriesTable;
  journal_settings: JournalSettingsTable;
  journal_entry_photos: JournalEntryPhotosTable;
  tributes: TributesTable;
  tribute_links: TributeLinksTable;
  memorial_books: MemorialBooksTable;
  memorial_book_chunks: MemorialBookChunksTable;
  memorial_book_entries: MemorialBookEntriesTable;
  family_exports: FamilyExportsTable;
  family_export_chunks: FamilyExportChunksTable;
  family_imports: FamilyImportsTable;
  family_import_chunks: FamilyImportChunksTable;
}

/** An archive being brought in as a new family by the background job (migration 031). */
export interface FamilyImportsTable {
  id: string;
  asked_by: string; // user id: the importer is in no family of the new one until it is made
  /** No longer used ('' since migration 032: the upload is in `family_import_chunks`). */
  file_path: string;
  state: string; // 'queued' | 'working' | 'done' | 'failed'
  attempt: number;
  family_name: string;
  /** The family being written (half-made until `state` is 'done'), then the family made. */
  made_family_id: string | null;
  files_done: number;
  files_total: number;
  /** JSON: { invited: [{ name, role, emailed }], notes: string[] }; never a link or code. */
  result: string | null;
  message: string | null;
  created_at: string;
  finished_at: string | null;
  /** When the whole upload was in `family_import_chunks` (migration 032); null while it is stored. */
  stored_at: string | null;
}

/** A piece (about 1 MB) of an import's uploaded zip, kept until the import is done or failed (032). */
export interface FamilyImportChunksTable {
  import_id: string;
  seq: number;
  data: Buffer;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
export type { Generated };
