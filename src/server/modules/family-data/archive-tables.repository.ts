import type { CollectionName } from '../../../contracts/family-archive.js';
import type { Database } from '../../../db/schema.js';

// Part of the data layer (only repositories may know the schema), hence its name.
// Where each collection of the archive is kept. A record's fields are its table's columns in
// camelCase (`lovedOneId` is `loved_one_id`); files are the binary columns named here. Every table
// of the schema is either a collection's or listed in `leftOutTables` with the reason, and
// export.api.test.ts walks the live database's own list of tables to keep it so: a new table
// cannot be forgotten by the export.

export interface TableOfCollection {
  table: keyof Database;
  /** The column that tells one record from another (`id`, or the row it belongs to). */
  key: string;
  /** Binary columns, by the record's file field, with the column holding their type where kept. */
  files?: Record<string, { column: string; typeColumn?: string }>;
}

export const collectionTables: Record<CollectionName, TableOfCollection> = {
  members: { table: 'memberships', key: 'id' },
  childProfiles: { table: 'child_profiles', key: 'id' },
  lovedOnes: { table: 'loved_ones', key: 'id' },
  keepsakes: { table: 'keepsakes', key: 'id' },
  trips: { table: 'trips', key: 'id' },
  tripTravellers: { table: 'trip_travellers', key: 'id' },
  tripLegs: { table: 'trip_legs', key: 'id' },
  legChecks: { table: 'leg_checks', key: 'id' },
  tripKeepsakes: { table: 'trip_keepsakes', key: 'id' },
  checklistItems: { table: 'checklist_items', key: 'id' },
  checkConfirmations: { table: 'check_confirmations', key: 'id' },
  keepsakeHelps: { table: 'keepsake_helps', key: 'id' },
  requirementTicks: { table: 'requirement_ticks', key: 'id' },
  checklistTemplates: { table: 'checklist_templates', key: 'id' },
  checklistTemplateItems: { table: 'checklist_template_items', key: 'id' },
  remembranceDays: { table: 'remembrance_days', key: 'id' },
  reminderPreferences: { table: 'reminder_preferences', key: 'id' },
  media: {
    table: 'media',
    key: 'id',
    files: {
      file: { column: 'data', typeColumn: 'content_type' },
      thumbnail: { column: 'thumbnail', typeColumn: 'thumbnail_content_type' },
    },
  },
  memoryBoxItems: {
    table: 'memory_box_items',
    key: 'id',
    files: { audio: { column: 'audio', typeColumn: 'audio_content_type' } },
  },
  rituals: { table: 'rituals', key: 'id' },
  ritualMarks: { table: 'ritual_marks', key: 'id' },
  journalEntries: { table: 'journal_entries', key: 'id' },
  journalPhotos: {
    table: 'journal_entry_photos',
    key: 'id',
    files: {
      file: { column: 'data', typeColumn: 'content_type' },
      thumbnail: { column: 'thumbnail', typeColumn: 'thumbnail_content_type' },
    },
  },
  journalSettings: { table: 'journal_settings', key: 'membership_id' },
  tributes: { table: 'tributes', key: 'id' },
  // The PDF is kept in pieces (memorial_book_chunks): read and written by the repository itself.
  memorialBooks: { table: 'memorial_books', key: 'id' },
  supporters: { table: 'supporters', key: 'id' },
  supporterDays: { table: 'supporter_days', key: 'id' },
  supporterReplies: { table: 'supporter_replies', key: 'id' },
  supporterReplyPhotos: {
    table: 'supporter_reply_photos',
    key: 'reply_id',
    files: {
      file: { column: 'data', typeColumn: 'content_type' },
      thumbnail: { column: 'thumbnail', typeColumn: 'thumbnail_content_type' },
    },
  },
};

/** Tables no archive holds, and why (README.txt says the same in words a family reads). */
export const leftOutTables: Partial<Record<keyof Database, string>> = {
  families: 'the family itself is `family` in family.json',
  users: "accounts: a member's name and e-mail are in `members`; passwords never leave the server",
  sessions: 'where someone is signed in: secrets of this server',
  auth_throttle: 'sign-in attempts: this server’s own',
  account_tokens: 'links to reset a password or confirm an address: secrets',
  sign_up_requests: 'sign-ups waiting for their e-mail: not yet anyone’s family',
  reminders: 'worked out again from the days and the reminder settings',
  jobs: 'this server’s queue of work',
  instance_settings: 'this server’s own keys',
  inbox_items: 'notices in the app, made again as days come round',
  member_tokens: 'calendar feed addresses: secrets (a new one is made on the new server)',
  invites: 'invite links and codes: secrets (members are invited afresh on import)',
  invite_joins: 'which invite someone joined with: invites are not carried over',
  tribute_links: 'share links: secrets (a tribute is shared again from the new server)',
  media_upload_keys: "a phone's retry keys for uploads",
  memorial_book_chunks: "a made book's PDF: in books/ as a whole file",
  memorial_book_entries: 'what a made book holds: the book itself is in books/ as a whole file',
  family_exports: 'the archives themselves',
  family_export_chunks: 'the archives themselves',
  family_imports: 'archives being brought in here: this server’s record of its own work, not the family’s',
  family_import_chunks: 'an archive being brought in here, kept only until it is in',
};

/**
 * Columns of a collection's table that its records do not hold, and why. export.api.test.ts walks
 * every column of the live database, so a new column is either a field of the archive or named here.
 */
const MEASURED = 'measured again from the file on import (archive.repository: derivedColumns)';
const RETRY_KEY = "a phone's retry key for an upload: this server's own";
export const leftOutColumns: Partial<Record<keyof Database, Record<string, string>>> = {
  memberships: {
    user_id: "the member's account on this server: matched by `email` on import, or a placeholder",
  },
  media: {
    width: MEASURED,
    height: MEASURED,
    byte_size: MEASURED,
    thumbnail_byte_size: MEASURED,
    digest: MEASURED,
  },
  memory_box_items: {
    audio_seconds: MEASURED,
    audio_digest: MEASURED,
    upload_key_hash: RETRY_KEY,
    upload_digest: RETRY_KEY,
  },
  journal_entry_photos: {
    width: MEASURED,
    height: MEASURED,
    byte_size: MEASURED,
    thumbnail_byte_size: MEASURED,
    digest: MEASURED,
    upload_key_hash: RETRY_KEY,
    upload_digest: RETRY_KEY,
  },
  memorial_books: {
    state: 'only a finished book travels: it arrives ready',
    attempt: 'how many tries this server took to make the book',
    pages_done: 'a finished book is done: its `pagesTotal`',
    byte_size: MEASURED,
  },
  supporters: {
    confirm_token_hash: 'the link a supporter confirms with: a secret of this server',
    confirm_expires_at: 'when that link ends: with the secret, not carried',
  },
  supporter_days: {
    next_due_utc: "worked out again by the supporters' schedule on the new server",
    occurrence_date: "worked out again by the supporters' schedule on the new server",
    signature: "worked out again by the supporters' schedule on the new server",
  },
  supporter_reply_photos: { width: MEASURED, height: MEASURED, digest: MEASURED },
};

/** `lovedOneId` is kept in `loved_one_id`. */
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A file's extension by its stored type. */
export const extensionOf = (contentType: string | null): string => {
  switch (contentType) {
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/webp':
      return 'webp';
    case 'audio/webm':
      return 'webm';
    case 'audio/mp4':
      return 'm4a';
    case 'audio/ogg':
      return 'ogg';
    case 'audio/mpeg':
      return 'mp3';
    default:
      return 'bin';
  }
};
