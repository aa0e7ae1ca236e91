import { roles, type Role } from '../../../contracts/permissions.js';
import { storedEnum } from '../../enums.js';

// What the accounts repositories take and answer: camelCase records, roles already checked.
// The rows they are stored as stay inside the *.repository.ts files.

/** A stored role, parsed: an unknown one is an error, never a guess. */
export const storedRole = (role: string): Role => storedEnum(roles, role, 'memberships.role');

export interface Family {
  id: string;
  name: string;
  homeZone: string;
  createdAt: string;
  /** The family's change counter (family-changes.ts moves it). */
  revision: number;
  country: string | null;
}

/** A family as it is first written: its revision starts at 0 in the database. */
export type NewFamily = Omit<Family, 'revision'>;

/** What changing a family's settings may set; a field left out keeps its value. */
export interface FamilyPatch {
  name?: string;
  homeZone?: string;
  country?: string | null;
}

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  createdAt: string;
}

/** A person's place in a family, with their role there. */
export interface Membership {
  id: string;
  familyId: string;
  userId: string;
  role: Role;
  displayName: string;
  createdAt: string;
}

/** One of the families a person belongs to, for the family switcher. */
export interface FamilyChoiceRecord {
  familyId: string;
  familyName: string;
  role: Role;
  membershipId: string;
}

/** A member as the family's list shows them. */
export interface FamilyMember {
  id: string;
  displayName: string;
  role: Role;
}

/** A member and where e-mail reaches them, for work done on the family's behalf (reminders). */
export interface FamilyMemberWithEmail extends FamilyMember {
  email: string;
}

export interface Session {
  /** SHA-256 of the session token; the token itself is never stored. */
  id: string;
  /** What the list of one's sessions shows and ends by; never the stored id. */
  publicId: string;
  /** "Firefox on Android"; null when the User-Agent named nothing we know. */
  device: string | null;
  userId: string;
  membershipId: string;
  familyId: string;
  createdAt: string;
  lastSeenAt: string;
  /** When the password was last given in this session (sign-in, or again to end another's). */
  authenticatedAt: string;
  idleExpiresAt: string;
  expiresAt: string;
  /** Child mode: the child profile whose rights the session has (left out: the member's own). */
  childProfileId?: string | null;
  /** Child mode: the PIN that leaves it, hashed like a password. */
  exitPinHash?: string | null;
}

/** A session with who holds it and their family's revision: the one read made per request. */
export interface SessionContext {
  id: string;
  userId: string;
  membershipId: string;
  familyId: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  expiresAt: string;
  role: Role;
  displayName: string;
  familyRevision: number;
  childProfileId: string | null;
}

/** A session as "Where you're signed in" lists it. */
export type DeviceSessionRecord = Pick<Session, 'id' | 'publicId' | 'device' | 'createdAt' | 'lastSeenAt'> & {
  /** Handed to a child in child mode. */
  childMode: boolean;
};

/** Failed attempts counted against one throttle key (throttle.ts). */
export interface Throttle {
  key: string;
  failures: number;
  lockedUntil: string | null;
  updatedAt: string;
}

export type AccountTokenPurpose = 'password_reset' | 'email_change';

/** A link sent by e-mail, stored by the SHA-256 of its token. */
export interface AccountToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  /** The address to switch to, for 'email_change'. */
  newEmail: string | null;
  createdAt: string;
  expiresAt: string;
}

/** A sign-up waiting for the link e-mailed to its address, stored by the SHA-256 of its token. */
export interface SignUpRequest {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  familyName: string;
  homeZone: string;
  createdAt: string;
  expiresAt: string;
}
