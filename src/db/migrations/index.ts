import type { Migration } from 'kysely';
import * as foundation from './2026-11-27-001-foundation.js';
import * as familyRevision from './2026-11-27-002-family-revision.js';
import * as reminders from './2026-11-27-003-reminders.js';
import * as requirementTicks from './2026-11-27-004-requirement-ticks.js';
import * as travelFacts from './2026-12-04-005-travel-facts.js';
import * as confirmationReceived from './2026-12-05-006-confirmation-received.js';
import * as accountsSelfService from './2026-12-05-007-accounts-self-service.js';
import * as familyInvites from './2026-12-05-008-family-invites.js';
import * as signUpRequests from './2026-12-05-009-sign-up-requests.js';
import * as childProfiles from './2026-12-05-010-child-profiles.js';
import * as supporters from './2026-12-05-012-supporters.js';
import * as media from './2026-12-05-013-media.js';
import * as cremationPlace from './2026-12-05-014-cremation-place.js';
import * as rituals from './2026-12-05-015-rituals.js';
import * as places from './2026-12-05-017-places.js';
import * as memoryBox from './2026-12-06-016-memory-box.js';
import * as checksOpenHour from './2026-12-05-018-checks-open-hour.js';
import * as mediaUploadKeys from './2026-12-06-019-media-upload-keys.js';
import * as journal from './2026-12-06-020-journal.js';
import * as tributes from './2026-12-06-021-tributes.js';
import * as ritualReminders from './2026-12-06-022-ritual-reminders.js';
import * as supporterPhotos from './2026-12-06-023-supporter-photos.js';
import * as memorialBooks from './2026-12-06-024-memorial-books.js';
import * as memoryBoxUploadKeys from './2026-12-06-025-memory-box-upload-keys.js';
import * as deletions from './2026-12-06-027-deletions.js';
import * as familyExports from './2026-12-06-028-family-exports.js';
import * as journalEntryPhotos from './2026-12-06-029-journal-entry-photos.js';
import * as memorialBookEntries from './2026-12-06-030-memorial-book-entries.js';
import * as familyImports from './2026-12-06-031-family-imports.js';
import * as familyImportChunks from './2026-12-06-032-family-import-chunks.js';
import * as nationality from './2026-12-07-033-nationality.js';
import * as tripCollectIn from './2026-12-07-034-trip-collect-in.js';

// Append-only: add a new file and a new line; never edit a migration that has shipped.
// A static list (rather than reading the folder) works the same under tsx, a bundle or tests.
export const migrations: Record<string, Migration> = {
  '2026-11-27-001-foundation': foundation,
  '2026-11-27-002-family-revision': familyRevision,
  '2026-11-27-003-reminders': reminders,
  '2026-11-27-004-requirement-ticks': requirementTicks,
  '2026-12-04-005-travel-facts': travelFacts,
  '2026-12-05-006-confirmation-received': confirmationReceived,
  '2026-12-05-007-accounts-self-service': accountsSelfService,
  '2026-12-05-008-family-invites': familyInvites,
  '2026-12-05-009-sign-up-requests': signUpRequests,
  '2026-12-05-010-child-profiles': childProfiles,
  '2026-12-05-012-supporters': supporters,
  '2026-12-05-013-media': media,
  '2026-12-05-014-cremation-place': cremationPlace,
  '2026-12-05-015-rituals': rituals,
  '2026-12-05-017-places': places,
  '2026-12-05-018-checks-open-hour': checksOpenHour,
  '2026-12-06-016-memory-box': memoryBox,
  '2026-12-06-019-media-upload-keys': mediaUploadKeys,
  '2026-12-06-020-journal': journal,
  '2026-12-06-021-tributes': tributes,
  '2026-12-06-022-ritual-reminders': ritualReminders,
  '2026-12-06-023-supporter-photos': supporterPhotos,
  '2026-12-06-024-memorial-books': memorialBooks,
  '2026-12-06-025-memory-box-upload-keys': memoryBoxUploadKeys,
  '2026-12-06-027-deletions': deletions,
  '2026-12-06-028-family-exports': familyExports,
  '2026-12-06-029-journal-entry-photos': journalEntryPhotos,
  '2026-12-06-030-memorial-book-entries': memorialBookEntries,
  '2026-12-06-031-family-imports': familyImports,
  '2026-12-06-032-family-import-chunks': familyImportChunks,
  '2026-12-07-033-nationality': nationality,
  '2026-12-07-034-trip-collect-in': tripCollectIn,
};
