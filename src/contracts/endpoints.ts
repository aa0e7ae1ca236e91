import type { z } from 'zod';
import type { Method } from './paths.js';
import {
  childModeResponse,
  childProfilesResponse,
  createChildProfileBody,
  leaveChildModeBody,
  startChildModeBody,
  tripHelpsResponse,
  updateChildProfileBody,
} from './children.js';
import { addLetterBody, memoryBoxResponse, memoryItemResponse, updateMemoryItemBody } from './memory-box.js';
import {
  familyResponse,
  healthResponse,
  membersResponse,
  sessionResponse,
  signInBody,
  signUpBody,
  signUpResponse,
  finishSignUpBody,
  updateFamilyBody,
  changePasswordBody,
  changeEmailBody,
  changeEmailResponse,
  confirmEmailBody,
  confirmEmailResponse,
  deviceSessionsResponse,
  messageResponse,
  passwordResetBody,
  passwordResetConfirmBody,
  passwordResetResponse,
  reauthenticateBody,
} from './accounts.js';
import { accountDeletionResponse, confirmDeletionBody, familyDeletionResponse } from './deletion.js';
import {
  createSupporterBody,
  supporterConfirmResponse,
  supporterDaysBody,
  supporterDoneResponse,
  supporterConfirmBody,
  supporterRepliesResponse,
  supporterReplyBody,
  supporterReplyLinkBody,
  supporterStopBody,
  supporterReplyPreviewResponse,
  supporterReplyResponse,
  supporterResponse,
  supportersResponse,
} from './supporters.js';
import {
  changeRoleBody,
  createdInviteResponse,
  createInviteBody,
  familiesResponse,
  inviteLookupBody,
  invitePreviewResponse,
  inviteResponse,
  invitesResponse,
  joinAsNewBody,
  joinBody,
  joinWithAccountBody,
  leaveResponse,
  switchFamilyBody,
} from './family.js';
import {
  createKeepsakeBody,
  createLovedOneBody,
  keepsakeResponse,
  keepsakesResponse,
  lovedOneResponse,
  lovedOneRemovalResponse,
  lovedOnesResponse,
  updateKeepsakeBody,
  updateLovedOneBody,
} from './loved-ones.js';
import {
  calendarQuery,
  calendarResponse,
  createDayBody,
  feedCreatedResponse,
  feedStatusResponse,
  inboxResponse,
  preferencesBody,
  preferencesResponse,
} from './remembrance.js';
import { mediaItemResponse, mediaListResponse, mediaUsageResponse } from './media.js';
import {
  childRitualDoneBody,
  childRitualsResponse,
  dueRitualsResponse,
  markRitualBody,
  ritualBody,
  ritualMarksResponse,
  ritualsResponse,
} from './rituals.js';
import {
  acrossYearsDaysResponse,
  acrossYearsResponse,
  entryBody,
  entryPhotoResponse,
  entryResponse,
  journalResponse,
  journalSettingsBody,
  journalSettingsResponse,
  promptRestResponse,
  shareEntryBody,
} from './journal.js';
import { familyEventsQuery, familyRevisionResponse } from './live.js';
import {
  createdTributeLinkResponse,
  sharedTributeBody,
  sharedTributeResponse,
  tributeBody,
  tributeImageQuery,
  tributeLinkBody,
  tributeLinkResponse,
  tributeLinksResponse,
  tributeResponse,
  tributesResponse,
} from './tributes.js';
import {
  bookCandidatesQuery,
  bookCandidatesResponse,
  bookResponse,
  booksResponse,
  makeBookBody,
} from './memorial-book.js';
import {
  exportDownloadQuery,
  exportLinkResponse,
  familyExportResponse,
  familyExportsResponse,
  familyImportResponse,
  familyImportsResponse,
} from './family-archive.js';
import { packetQuery, tickRequirementBody, tripRulesResponse } from './trip-rules.js';
import { carrierChoices } from './carriers.js';
import { lovedOnePlacesResponse, placeSearchQuery, placeSearchResponse } from './places.js';
import {
  addTripKeepsakeBody,
  checklistItemResponse,
  checklistResponse,
  confirmKeepsakesBody,
  createChecklistItemBody,
  createLegBody,
  createTravellerBody,
  createTripBody,
  linkTravellerBody,
  saveTemplateBody,
  templateResponse,
  templatesResponse,
  tripDetailResponse,
  tripsResponse,
  updateChecklistItemBody,
  updateLegBody,
  updateTripBody,
  updateTripKeepsakeBody,
} from './trips.js';

// Every /api endpoint in one table: its method, its path with `:name` parameters, the contract its
// body, query and answer follow, and the status a success answers with. The web app's client is
// built on it (src/web/lib/client.ts); `src/server/endpoints.api.test.ts` proves it describes
// exactly the routes the server registers, with the same schemas, so the two cannot drift.

export { pathOf, type Method, type ParamNames, type PathParams } from './paths.js';

export interface Endpoint<
  M extends Method = Method,
  P extends string = string,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: M;
  path: P;
  /** The request body's contract; undefined when the request has none. */
  body: B;
  /** The query string's contract, where the route reads one. */
  query: Q;
  /** The status of a successful answer. */
  status: 200 | 201 | 202 | 204;
  /** The answer's contract; undefined for 204 and for answers that are not JSON (`produces`). */
  response: R;
  /** A success answer that is not JSON (the travel packet, a photo). */
  produces?: Produces;
  /** A request body that is a file's own bytes, not JSON (a photo, a voice note). */
  consumes?: Consumes;
}

type Produces = 'application/pdf' | 'application/zip' | 'image/*' | 'audio/*';
type Consumes = 'image/*' | 'audio/*' | 'application/zip';

export type AnyEndpoint = Endpoint;

/** The typed body an endpoint takes (after the schema's defaults), or undefined. */
export type BodyOf<E extends AnyEndpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : undefined;
/** The answer an endpoint gives, as parsed by its schema; void when it answers with no body. */
export type ResponseOf<E extends AnyEndpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : void;

const endpoint = <
  const M extends Method,
  const P extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(spec: {
  method: M;
  path: P;
  body?: B;
  query?: Q;
  status: 200 | 201 | 202 | 204;
  response?: R;
  produces?: Produces;
  consumes?: Consumes;
}): Endpoint<M, P, B, Q, R> => ({
  method: spec.method,
  path: spec.path,
  body: spec.body as B,
  query: spec.query as Q,
  status: spec.status,
  response: spec.response as R,
  ...(spec.produces && { produces: spec.produces }),
  ...(spec.consumes && { consumes: spec.consumes }),
});

export const endpoints = {
  health: endpoint({ method: 'GET', path: '/api/health', status: 200, response: healthResponse }),

  accounts: {
    signUp: endpoint({
      method: 'POST',
      path: '/api/auth/sign-up',
      body: signUpBody,
      status: 201,
      response: signUpResponse,
    }),
    finishSignUp: endpoint({
      method: 'POST',
      path: '/api/auth/sign-up/finish',
      body: finishSignUpBody,
      status: 201,
      response: sessionResponse,
    }),
    signIn: endpoint({
      method: 'POST',
      path: '/api/auth/sign-in',
      body: signInBody,
      status: 200,
      response: sessionResponse,
    }),
    signOut: endpoint({ method: 'POST', path: '/api/auth/sign-out', status: 204 }),
    changePassword: endpoint({
      method: 'POST',
      path: '/api/account/password',
      body: changePasswordBody,
      status: 204,
    }),
    session: endpoint({ method: 'GET', path: '/api/session', status: 200, response: sessionResponse }),
    members: endpoint({ method: 'GET', path: '/api/family/members', status: 200, response: membersResponse }),
    updateFamily: endpoint({
      method: 'PATCH',
      path: '/api/family',
      body: updateFamilyBody,
      status: 200,
      response: familyResponse,
    }),
    sessions: endpoint({
      method: 'GET',
      path: '/api/account/sessions',
      status: 200,
      response: deviceSessionsResponse,
    }),
    endSession: endpoint({ method: 'DELETE', path: '/api/account/sessions/:sessionId', status: 204 }),
    endOtherSessions: endpoint({ method: 'POST', path: '/api/account/sessions/end-others', status: 204 }),
    reauthenticate: endpoint({
      method: 'POST',
      path: '/api/account/reauthenticate',
      body: reauthenticateBody,
      status: 204,
    }),
    requestPasswordReset: endpoint({
      method: 'POST',
      path: '/api/auth/password-reset',
      body: passwordResetBody,
      status: 202,
      response: passwordResetResponse,
    }),
    confirmPasswordReset: endpoint({
      method: 'POST',
      path: '/api/auth/password-reset/confirm',
      body: passwordResetConfirmBody,
      status: 200,
      response: messageResponse,
    }),
    changeEmail: endpoint({
      method: 'POST',
      path: '/api/account/email',
      body: changeEmailBody,
      status: 200,
      response: changeEmailResponse,
    }),
    confirmEmail: endpoint({
      method: 'POST',
      path: '/api/account/email/confirm',
      body: confirmEmailBody,
      status: 200,
      response: confirmEmailResponse,
    }),
  },

  /** Deleting the family (an owner) or one's own account, seven days after asking, unless cancelled. */
  deletion: {
    family: endpoint({
      method: 'GET',
      path: '/api/family/deletion',
      status: 200,
      response: familyDeletionResponse,
    }),
    deleteFamily: endpoint({
      method: 'POST',
      path: '/api/family/deletion',
      body: confirmDeletionBody,
      status: 200,
      response: familyDeletionResponse,
    }),
    keepFamily: endpoint({
      method: 'DELETE',
      path: '/api/family/deletion',
      status: 200,
      response: familyDeletionResponse,
    }),
    account: endpoint({
      method: 'GET',
      path: '/api/account/deletion',
      status: 200,
      response: accountDeletionResponse,
    }),
    deleteAccount: endpoint({
      method: 'POST',
      path: '/api/account/deletion',
      body: confirmDeletionBody,
      status: 200,
      response: accountDeletionResponse,
    }),
    keepAccount: endpoint({
      method: 'DELETE',
      path: '/api/account/deletion',
      status: 200,
      response: accountDeletionResponse,
    }),
  },

  family: {
    invites: endpoint({ method: 'GET', path: '/api/family/invites', status: 200, response: invitesResponse }),
    createInvite: endpoint({
      method: 'POST',
      path: '/api/family/invites',
      body: createInviteBody,
      status: 201,
      response: createdInviteResponse,
    }),
    revokeInvite: endpoint({
      method: 'POST',
      path: '/api/family/invites/:inviteId/revoke',
      status: 200,
      response: inviteResponse,
    }),
    changeRole: endpoint({
      method: 'PATCH',
      path: '/api/family/members/:memberId',
      body: changeRoleBody,
      status: 200,
      response: membersResponse,
    }),
    removeMember: endpoint({ method: 'DELETE', path: '/api/family/members/:memberId', status: 204 }),
    handOver: endpoint({
      method: 'POST',
      path: '/api/family/members/:memberId/hand-over',
      status: 200,
      response: membersResponse,
    }),
    leave: endpoint({ method: 'POST', path: '/api/family/leave', status: 200, response: leaveResponse }),
    previewInvite: endpoint({
      method: 'POST',
      path: '/api/join/preview',
      body: inviteLookupBody,
      status: 200,
      response: invitePreviewResponse,
    }),
    joinAsNew: endpoint({
      method: 'POST',
      path: '/api/join/sign-up',
      body: joinAsNewBody,
      status: 201,
      response: sessionResponse,
    }),
    joinWithAccount: endpoint({
      method: 'POST',
      path: '/api/join/sign-in',
      body: joinWithAccountBody,
      status: 200,
      response: sessionResponse,
    }),
    join: endpoint({
      method: 'POST',
      path: '/api/join',
      body: joinBody,
      status: 200,
      response: sessionResponse,
    }),
    families: endpoint({
      method: 'GET',
      path: '/api/account/families',
      status: 200,
      response: familiesResponse,
    }),
    switchFamily: endpoint({
      method: 'POST',
      path: '/api/account/family',
      body: switchFamilyBody,
      status: 200,
      response: sessionResponse,
    }),
  },

  lovedOnes: {
    list: endpoint({ method: 'GET', path: '/api/loved-ones', status: 200, response: lovedOnesResponse }),
    create: endpoint({
      method: 'POST',
      path: '/api/loved-ones',
      body: createLovedOneBody,
      status: 201,
      response: lovedOneResponse,
    }),
    get: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId',
      status: 200,
      response: lovedOneResponse,
    }),
    update: endpoint({
      method: 'PATCH',
      path: '/api/loved-ones/:lovedOneId',
      body: updateLovedOneBody,
      status: 200,
      response: lovedOneResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/loved-ones/:lovedOneId', status: 204 }),
    removal: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/removal',
      status: 200,
      response: lovedOneRemovalResponse,
    }),
    keepsakes: endpoint({ method: 'GET', path: '/api/keepsakes', status: 200, response: keepsakesResponse }),
    createKeepsake: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/keepsakes',
      body: createKeepsakeBody,
      status: 201,
      response: keepsakeResponse,
    }),
    updateKeepsake: endpoint({
      method: 'PATCH',
      path: '/api/keepsakes/:keepsakeId',
      body: updateKeepsakeBody,
      status: 200,
      response: keepsakeResponse,
    }),
    removeKeepsake: endpoint({ method: 'DELETE', path: '/api/keepsakes/:keepsakeId', status: 204 }),
  },

  trips: {
    list: endpoint({ method: 'GET', path: '/api/trips', status: 200, response: tripsResponse }),
    create: endpoint({
      method: 'POST',
      path: '/api/trips',
      body: createTripBody,
      status: 201,
      response: tripDetailResponse,
    }),
    get: endpoint({ method: 'GET', path: '/api/trips/:tripId', status: 200, response: tripDetailResponse }),
    update: endpoint({
      method: 'PATCH',
      path: '/api/trips/:tripId',
      body: updateTripBody,
      status: 200,
      response: tripDetailResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/trips/:tripId', status: 204 }),
    addTraveller: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/travellers',
      body: createTravellerBody,
      status: 201,
      response: tripDetailResponse,
    }),
    removeTraveller: endpoint({
      method: 'DELETE',
      path: '/api/travellers/:travellerId',
      status: 200,
      response: tripDetailResponse,
    }),
    linkTraveller: endpoint({
      method: 'POST',
      path: '/api/travellers/:travellerId/member',
      body: linkTravellerBody,
      status: 200,
      response: tripDetailResponse,
    }),
    addKeepsake: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/keepsakes',
      body: addTripKeepsakeBody,
      status: 201,
      response: tripDetailResponse,
    }),
    updateKeepsake: endpoint({
      method: 'PATCH',
      path: '/api/trip-keepsakes/:tripKeepsakeId',
      body: updateTripKeepsakeBody,
      status: 200,
      response: tripDetailResponse,
    }),
    removeKeepsake: endpoint({
      method: 'DELETE',
      path: '/api/trip-keepsakes/:tripKeepsakeId',
      status: 200,
      response: tripDetailResponse,
    }),
  },

  legs: {
    create: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/legs',
      body: createLegBody,
      status: 201,
      response: tripDetailResponse,
    }),
    update: endpoint({
      method: 'PATCH',
      path: '/api/legs/:legId',
      body: updateLegBody,
      status: 200,
      response: tripDetailResponse,
    }),
    remove: endpoint({
      method: 'DELETE',
      path: '/api/legs/:legId',
      status: 200,
      response: tripDetailResponse,
    }),
    confirm: endpoint({
      method: 'POST',
      path: '/api/leg-checks/:checkId/confirmations',
      body: confirmKeepsakesBody,
      status: 201,
      response: tripDetailResponse,
    }),
    unconfirm: endpoint({
      method: 'DELETE',
      path: '/api/check-confirmations/:confirmationId',
      status: 200,
      response: tripDetailResponse,
    }),
  },

  checklist: {
    get: endpoint({
      method: 'GET',
      path: '/api/trips/:tripId/checklist',
      status: 200,
      response: checklistResponse,
    }),
    add: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/checklist',
      body: createChecklistItemBody,
      status: 201,
      response: checklistItemResponse,
    }),
    update: endpoint({
      method: 'PATCH',
      path: '/api/checklist-items/:itemId',
      body: updateChecklistItemBody,
      status: 200,
      response: checklistItemResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/checklist-items/:itemId', status: 204 }),
    templates: endpoint({
      method: 'GET',
      path: '/api/checklist-templates',
      status: 200,
      response: templatesResponse,
    }),
    saveTemplate: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/save-as-template',
      body: saveTemplateBody,
      status: 201,
      response: templateResponse,
    }),
    removeTemplate: endpoint({ method: 'DELETE', path: '/api/checklist-templates/:templateId', status: 204 }),
  },

  travelRules: {
    carriers: endpoint({
      method: 'GET',
      path: '/api/carriers',
      status: 200,
      response: carrierChoices,
    }),
    get: endpoint({
      method: 'GET',
      path: '/api/trips/:tripId/travel-rules',
      status: 200,
      response: tripRulesResponse,
    }),
    tick: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/travel-rules/ticks',
      body: tickRequirementBody,
      status: 200,
      response: tripRulesResponse,
    }),
    packet: endpoint({
      method: 'GET',
      path: '/api/trips/:tripId/packet.pdf',
      query: packetQuery,
      status: 200,
      produces: 'application/pdf',
    }),
  },

  remembrance: {
    calendar: endpoint({
      method: 'GET',
      path: '/api/calendar',
      query: calendarQuery,
      status: 200,
      response: calendarResponse,
    }),
    addDay: endpoint({ method: 'POST', path: '/api/remembrance/days', body: createDayBody, status: 204 }),
    removeDay: endpoint({ method: 'DELETE', path: '/api/remembrance/days/:dayId', status: 204 }),
    preferences: endpoint({
      method: 'GET',
      path: '/api/reminders/preferences',
      status: 200,
      response: preferencesResponse,
    }),
    setPreferences: endpoint({
      method: 'PUT',
      path: '/api/reminders/preferences',
      body: preferencesBody,
      status: 200,
      response: preferencesResponse,
    }),
    inbox: endpoint({ method: 'GET', path: '/api/inbox', status: 200, response: inboxResponse }),
    markRead: endpoint({ method: 'POST', path: '/api/inbox/:inboxItemId/read', status: 204 }),
    markAllRead: endpoint({ method: 'POST', path: '/api/inbox/read-all', status: 204 }),
    feedStatus: endpoint({
      method: 'GET',
      path: '/api/calendar-feed',
      status: 200,
      response: feedStatusResponse,
    }),
    makeFeed: endpoint({
      method: 'POST',
      path: '/api/calendar-feed',
      status: 201,
      response: feedCreatedResponse,
    }),
    stopFeed: endpoint({ method: 'DELETE', path: '/api/calendar-feed', status: 204 }),
  },

  media: {
    upload: endpoint({
      method: 'POST',
      path: '/api/media',
      consumes: 'image/*',
      status: 201,
      response: mediaItemResponse,
    }),
    list: endpoint({ method: 'GET', path: '/api/media', status: 200, response: mediaListResponse }),
    usage: endpoint({ method: 'GET', path: '/api/media/usage', status: 200, response: mediaUsageResponse }),
    get: endpoint({ method: 'GET', path: '/api/media/:mediaId', status: 200, response: mediaItemResponse }),
    file: endpoint({ method: 'GET', path: '/api/media/:mediaId/file', status: 200, produces: 'image/*' }),
    thumbnail: endpoint({
      method: 'GET',
      path: '/api/media/:mediaId/thumbnail',
      status: 200,
      produces: 'image/*',
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/media/:mediaId', status: 204 }),
  },

  memoryBox: {
    list: endpoint({ method: 'GET', path: '/api/memory-box', status: 200, response: memoryBoxResponse }),
    addLetter: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/memory-box/letters',
      body: addLetterBody,
      status: 201,
      response: memoryItemResponse,
    }),
    addDrawing: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/memory-box/drawings',
      consumes: 'image/*',
      status: 201,
      response: memoryItemResponse,
    }),
    addVoiceNote: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/memory-box/voice-notes',
      consumes: 'audio/*',
      status: 201,
      response: memoryItemResponse,
    }),
    audio: endpoint({
      method: 'GET',
      path: '/api/voice-notes/:voiceNoteId/audio',
      status: 200,
      produces: 'audio/*',
    }),
    update: endpoint({
      method: 'PATCH',
      path: '/api/memory-box/:memoryItemId',
      body: updateMemoryItemBody,
      status: 200,
      response: memoryItemResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/memory-box/:memoryItemId', status: 204 }),
    image: endpoint({
      method: 'GET',
      path: '/api/memory-box/:memoryItemId/image',
      status: 200,
      produces: 'image/*',
    }),
    thumbnail: endpoint({
      method: 'GET',
      path: '/api/memory-box/:memoryItemId/thumbnail',
      status: 200,
      produces: 'image/*',
    }),
  },

  children: {
    profiles: endpoint({
      method: 'GET',
      path: '/api/child-profiles',
      status: 200,
      response: childProfilesResponse,
    }),
    createProfile: endpoint({
      method: 'POST',
      path: '/api/child-profiles',
      body: createChildProfileBody,
      status: 201,
      response: childProfilesResponse,
    }),
    updateProfile: endpoint({
      method: 'PATCH',
      path: '/api/child-profiles/:childProfileId',
      body: updateChildProfileBody,
      status: 200,
      response: childProfilesResponse,
    }),
    removeProfile: endpoint({
      method: 'DELETE',
      path: '/api/child-profiles/:childProfileId',
      status: 200,
      response: childProfilesResponse,
    }),
    startChildMode: endpoint({
      method: 'POST',
      path: '/api/child-profiles/:childProfileId/child-mode',
      body: startChildModeBody,
      status: 201,
      response: childModeResponse,
    }),
    childMode: endpoint({ method: 'GET', path: '/api/child-mode', status: 200, response: childModeResponse }),
    help: endpoint({
      method: 'POST',
      path: '/api/child-mode/leg-checks/:checkId/keepsakes/:tripKeepsakeId/help',
      status: 201,
      response: childModeResponse,
    }),
    leaveChildMode: endpoint({
      method: 'POST',
      path: '/api/child-mode/leave',
      body: leaveChildModeBody,
      status: 200,
      response: sessionResponse,
    }),
    tripHelps: endpoint({
      method: 'GET',
      path: '/api/trips/:tripId/helps',
      status: 200,
      response: tripHelpsResponse,
    }),
  },

  live: {
    /** As a stream (`Accept: text/event-stream`, an EventSource), the family's change notices. */
    events: endpoint({
      method: 'GET',
      path: '/api/family/events',
      query: familyEventsQuery,
      status: 200,
      response: familyRevisionResponse,
    }),
  },

  supporters: {
    list: endpoint({ method: 'GET', path: '/api/supporters', status: 200, response: supportersResponse }),
    add: endpoint({
      method: 'POST',
      path: '/api/supporters',
      body: createSupporterBody,
      status: 201,
      response: supporterResponse,
    }),
    setDays: endpoint({
      method: 'PUT',
      path: '/api/supporters/:supporterId/days',
      body: supporterDaysBody,
      status: 200,
      response: supporterResponse,
    }),
    resend: endpoint({
      method: 'POST',
      path: '/api/supporters/:supporterId/resend',
      status: 200,
      response: supporterResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/supporters/:supporterId', status: 204 }),
    replies: endpoint({
      method: 'GET',
      path: '/api/supporter-replies',
      status: 200,
      response: supporterRepliesResponse,
    }),
    accept: endpoint({
      method: 'POST',
      path: '/api/supporter-replies/:replyId/accept',
      status: 200,
      response: supporterReplyResponse,
    }),
    decline: endpoint({
      method: 'POST',
      path: '/api/supporter-replies/:replyId/decline',
      status: 200,
      response: supporterReplyResponse,
    }),
    replyPhoto: endpoint({
      method: 'GET',
      path: '/api/supporter-replies/:replyId/photo',
      status: 200,
      produces: 'image/*',
    }),
    replyPhotoThumbnail: endpoint({
      method: 'GET',
      path: '/api/supporter-replies/:replyId/photo/thumbnail',
      status: 200,
      produces: 'image/*',
    }),
    confirm: endpoint({
      method: 'POST',
      path: '/api/supporter-links/confirm',
      body: supporterConfirmBody,
      status: 200,
      response: supporterConfirmResponse,
    }),
    replyPreview: endpoint({
      method: 'POST',
      path: '/api/supporter-links/reply/preview',
      body: supporterReplyLinkBody,
      status: 200,
      response: supporterReplyPreviewResponse,
    }),
    reply: endpoint({
      method: 'POST',
      path: '/api/supporter-links/reply',
      body: supporterReplyBody,
      status: 201,
      response: supporterDoneResponse,
    }),
    stop: endpoint({
      method: 'POST',
      path: '/api/supporter-links/stop',
      body: supporterStopBody,
      status: 200,
      response: supporterDoneResponse,
    }),
  },

  places: {
    search: endpoint({
      method: 'GET',
      path: '/api/places',
      query: placeSearchQuery,
      status: 200,
      response: placeSearchResponse,
    }),
    ofLovedOne: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/places',
      status: 200,
      response: lovedOnePlacesResponse,
    }),
  },

  rituals: {
    list: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/rituals',
      status: 200,
      response: ritualsResponse,
    }),
    create: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/rituals',
      body: ritualBody,
      status: 201,
      response: ritualsResponse,
    }),
    update: endpoint({
      method: 'PUT',
      path: '/api/rituals/:ritualId',
      body: ritualBody,
      status: 200,
      response: ritualsResponse,
    }),
    remove: endpoint({
      method: 'DELETE',
      path: '/api/rituals/:ritualId',
      status: 200,
      response: ritualsResponse,
    }),
    /** Child mode's ritual cards, and a child's "We did it". */
    childDue: endpoint({
      method: 'GET',
      path: '/api/child-mode/rituals',
      status: 200,
      response: childRitualsResponse,
    }),
    childDone: endpoint({
      method: 'POST',
      path: '/api/child-mode/rituals/:ritualId/done',
      body: childRitualDoneBody,
      status: 201,
      response: childRitualsResponse,
    }),
    due: endpoint({ method: 'GET', path: '/api/rituals/due', status: 200, response: dueRitualsResponse }),
    dueOnTrip: endpoint({
      method: 'GET',
      path: '/api/trips/:tripId/rituals',
      status: 200,
      response: dueRitualsResponse,
    }),
    mark: endpoint({
      method: 'POST',
      path: '/api/rituals/:ritualId/marks',
      body: markRitualBody,
      status: 201,
      response: dueRitualsResponse,
    }),
    done: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/ritual-marks',
      status: 200,
      response: ritualMarksResponse,
    }),
    /** "We've arrived": records the arrival of the trip's leg under way (trips module). */
    arrived: endpoint({
      method: 'POST',
      path: '/api/trips/:tripId/arrived',
      status: 200,
      response: tripDetailResponse,
    }),
  },

  journal: {
    list: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/journal',
      status: 200,
      response: journalResponse,
    }),
    write: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/journal',
      body: entryBody,
      status: 201,
      response: entryResponse,
    }),
    update: endpoint({
      method: 'PUT',
      path: '/api/journal-entries/:entryId',
      body: entryBody,
      status: 200,
      response: entryResponse,
    }),
    share: endpoint({
      method: 'PUT',
      path: '/api/journal-entries/:entryId/sharing',
      body: shareEntryBody,
      status: 200,
      response: entryResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/journal-entries/:entryId', status: 204 }),
    addPhoto: endpoint({
      method: 'POST',
      path: '/api/journal-entries/:entryId/photos',
      consumes: 'image/*',
      status: 201,
      response: entryPhotoResponse,
    }),
    removePhoto: endpoint({ method: 'DELETE', path: '/api/journal-photos/:journalPhotoId', status: 204 }),
    photo: endpoint({
      method: 'GET',
      path: '/api/journal-photos/:journalPhotoId/file',
      status: 200,
      produces: 'image/*',
    }),
    photoThumbnail: endpoint({
      method: 'GET',
      path: '/api/journal-photos/:journalPhotoId/thumbnail',
      status: 200,
      produces: 'image/*',
    }),
    settings: endpoint({
      method: 'PUT',
      path: '/api/journal/settings',
      body: journalSettingsBody,
      status: 200,
      response: journalSettingsResponse,
    }),
    restPrompt: endpoint({
      method: 'POST',
      path: '/api/journal/prompt/not-today',
      status: 200,
      response: promptRestResponse,
    }),
    acrossYearsDays: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/across-years',
      status: 200,
      response: acrossYearsDaysResponse,
    }),
    acrossYears: endpoint({
      method: 'GET',
      path: '/api/remembrance-days/:dayId/across-years',
      status: 200,
      response: acrossYearsResponse,
    }),
  },

  tributes: {
    list: endpoint({ method: 'GET', path: '/api/tributes', status: 200, response: tributesResponse }),
    create: endpoint({
      method: 'POST',
      path: '/api/tributes',
      body: tributeBody,
      status: 201,
      response: tributeResponse,
    }),
    get: endpoint({
      method: 'GET',
      path: '/api/tributes/:tributeId',
      status: 200,
      response: tributeResponse,
    }),
    update: endpoint({
      method: 'PUT',
      path: '/api/tributes/:tributeId',
      body: tributeBody,
      status: 200,
      response: tributeResponse,
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/tributes/:tributeId', status: 204 }),
    /** The tribute as a PNG at one of the three sizes (portrait when none is asked for). */
    picture: endpoint({
      method: 'GET',
      path: '/api/tributes/:tributeId/picture',
      query: tributeImageQuery,
      status: 200,
      produces: 'image/*',
    }),
    links: endpoint({
      method: 'GET',
      path: '/api/tributes/:tributeId/links',
      status: 200,
      response: tributeLinksResponse,
    }),
    createLink: endpoint({
      method: 'POST',
      path: '/api/tributes/:tributeId/links',
      body: tributeLinkBody,
      status: 201,
      response: createdTributeLinkResponse,
    }),
    revokeLink: endpoint({
      method: 'POST',
      path: '/api/tribute-links/:tributeLinkId/revoke',
      status: 200,
      response: tributeLinkResponse,
    }),
    /** Public: what an unlisted page shows, by its token (sent in the body, never in an address). */
    shared: endpoint({
      method: 'POST',
      path: '/api/shared-tributes/view',
      body: sharedTributeBody,
      status: 200,
      response: sharedTributeResponse,
    }),
  },

  books: {
    /** The loved one's books this member may see, with the progress of any being made. */
    list: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/books',
      status: 200,
      response: booksResponse,
    }),
    /** What would go in a book for these days, that the asker may read: to choose from. */
    candidates: endpoint({
      method: 'GET',
      path: '/api/loved-ones/:lovedOneId/books/candidates',
      query: bookCandidatesQuery,
      status: 200,
      response: bookCandidatesResponse,
    }),
    /** Asks for a book; it is made in a background job (202: accepted, not yet made). */
    make: endpoint({
      method: 'POST',
      path: '/api/loved-ones/:lovedOneId/books',
      body: makeBookBody,
      status: 202,
      response: bookResponse,
    }),
    get: endpoint({ method: 'GET', path: '/api/books/:bookId', status: 200, response: bookResponse }),
    /** The PDF, once made. */
    file: endpoint({
      method: 'GET',
      path: '/api/books/:bookId/file',
      status: 200,
      produces: 'application/pdf',
    }),
    remove: endpoint({ method: 'DELETE', path: '/api/books/:bookId', status: 204 }),
  },

  familyData: {
    /** The archives this member asked for, with the progress of any being made. */
    exports: endpoint({
      method: 'GET',
      path: '/api/family-exports',
      status: 200,
      response: familyExportsResponse,
    }),
    /** Asks for an archive; it is made in a background job (202: accepted, not yet made). */
    askExport: endpoint({
      method: 'POST',
      path: '/api/family-exports',
      status: 202,
      response: familyExportResponse,
    }),
    getExport: endpoint({
      method: 'GET',
      path: '/api/family-exports/:exportId',
      status: 200,
      response: familyExportResponse,
    }),
    /** A link that downloads the archive once, within ten minutes, for its asker alone. */
    link: endpoint({
      method: 'POST',
      path: '/api/family-exports/:exportId/link',
      status: 200,
      response: exportLinkResponse,
    }),
    file: endpoint({
      method: 'GET',
      path: '/api/family-exports/:exportId/file',
      query: exportDownloadQuery,
      status: 200,
      produces: 'application/zip',
    }),
    removeExport: endpoint({ method: 'DELETE', path: '/api/family-exports/:exportId', status: 204 }),
    /**
     * Brings an archive (the zip itself as the body) in as a new family: checked at once (a hostile or
     * damaged archive is refused here), then written by a background job (202: accepted, not yet in).
     */
    import: endpoint({
      method: 'POST',
      path: '/api/family-imports',
      consumes: 'application/zip',
      status: 202,
      response: familyImportResponse,
    }),
    /** The caller's own imports, newest first, with the progress of any coming in. */
    imports: endpoint({
      method: 'GET',
      path: '/api/family-imports',
      status: 200,
      response: familyImportsResponse,
    }),
    /** One import of the caller's: its progress, then what came in (or why nothing did). */
    getImport: endpoint({
      method: 'GET',
      path: '/api/family-imports/:importId',
      status: 200,
      response: familyImportResponse,
    }),
  },
} as const;

/** Every endpoint in the table, flat, for the tests that walk it. */
export const allEndpoints = (): AnyEndpoint[] =>
  Object.values(endpoints).flatMap((entry): AnyEndpoint[] =>
    'method' in entry ? [entry as AnyEndpoint] : (Object.values(entry) as AnyEndpoint[]),
  );
