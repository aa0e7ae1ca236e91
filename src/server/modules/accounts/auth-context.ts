import type { SessionRole } from '../../../contracts/permissions.js';

/** Who is asking: resolved once per request from the session cookie. */
export interface AuthContext {
  sessionId: string;
  userId: string;
  memberId: string;
  familyId: string;
  /** 'childProfile' in child mode: the session has the child's rights, not the parent's. */
  role: SessionRole;
  /** The member's name; in child mode, the member who handed the phone over. */
  displayName: string;
  /**
   * In child mode, the child profile whose rights this session has; null otherwise. The session's
   * user and member stay the parent who started it (so their sessions list shows it and a new
   * password ends it), but nothing the parent may do is open to it.
   */
  childProfileId: string | null;
  /** The family's change counter when this request began (keys cached views of its data). */
  familyRevision: number;
  /** The CSRF token bound to this session (derived, never stored). */
  readonly csrfToken: string;
}

/**
 * A member as a background job acts for them (a book or an archive they asked for): their rights,
 * read afresh when the job runs, and no session of theirs.
 */
export function actingFor(
  member: { id: string; userId: string; familyId: string; role: SessionRole; displayName: string },
  job: string,
): AuthContext {
  return {
    sessionId: `${job}:${member.id}`,
    userId: member.userId,
    memberId: member.id,
    familyId: member.familyId,
    role: member.role,
    displayName: member.displayName,
    childProfileId: null,
    familyRevision: 0,
    csrfToken: '',
  };
}
