import type { Role } from '../../../contracts/permissions.js';

/** Who is asking: resolved once per request from the session cookie. */
export interface AuthContext {
  sessionId: string;
  userId: string;
  memberId: string;
  familyId: string;
  role: Role;
  displayName: string;
  /** The family's change counter when this request began (keys cached views of its data). */
  familyRevision: number;
  /** The CSRF token bound to this session (derived, never stored). */
  readonly csrfToken: string;
}
