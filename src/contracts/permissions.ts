import { z } from 'zod';

// Roles are sets of permissions, nothing more: a child is a member with fewer permissions, not a
// special case (STYLE.md rule 4). The server checks these on every route; the web app uses the same
// table only to hide what a role cannot do.
//
// The roles a membership is stored with. `child` is the teen login: an older child with their own
// phone, e-mail and password, who joins through an invite (the stored value stays 'child'; people
// see it as "Teen (own login)"). A viewer (a grandparent, say) sees the family's page and its members.
export const roles = ['owner', 'adult', 'child', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = (typeof roles)[number];

// The roles a session can have: a membership's role, or `childProfile`, a child-mode session. A
// child profile has no e-mail and no password; an adult hands over their phone in child mode, and
// the session then has the child's rights only (modules/children). It is never a membership's role,
// so it can be neither invited nor given.
export const sessionRoles = [...roles, 'childProfile'] as const;
export type SessionRole = (typeof sessionRoles)[number];

export const permissions = [
  'family.read',
  /** Make, see and take back invites: owners and adults. */
  'family.invite',
  /** Change roles, remove members, hand over ownership, rename the family: owners only. */
  'family.manage',
  'lovedOnes.read',
  'lovedOnes.write',
  'trips.read',
  'trips.write',
  'checklist.tick',
  'keepsakes.confirm',
  /** See and add the family's photos (and later drawings and voice notes). */
  'media.read',
  'media.add',
  /** Delete a photo: owners and adults (a child adds, and never takes away). */
  'media.remove',
  /** Make and remove child profiles, and hand the phone over in child mode: owners and adults. */
  'children.manage',
  /** Child mode's own view: the keepsake check to help with, and leaving with the PIN. */
  'childMode.use',
  /** See a loved one's rituals, the ritual cards due, and what the family has done. */
  'rituals.read',
  /** Add, change and remove rituals: owners and adults. */
  'rituals.write',
  /** Mark a ritual done or "not today", and say the family has arrived: whoever takes part. */
  'rituals.mark',
  /** See a loved one's memory box (what is not kept for the parents only). */
  'memoryBox.read',
  /** Add a drawing, a letter or a voice note: the family's grown-ups, a teen, a child in child mode. */
  'memoryBox.add',
  /** Keep an item private to the parents, or delete one: owners and adults. */
  'memoryBox.manage',
  /**
   * See what is kept for the parents only, through every route (the memory box, and the media
   * routes for its drawings): owners and adults. Without it such a thing answers as if it did not exist.
   */
  'parentsOnly.see',
  /**
   * Write entries and letters, read one's own and those shared with the family's adults, and look at
   * a day across the years: owners and adults. A teen, a viewer and child mode have no journal (the
   * children have the memory box), and the server shows no one another member's private entry.
   */
  'journal.write',
  /** See the family's tributes and download their pictures: those who see loved ones, a teen too. */
  'tributes.read',
  /** Make, change and remove tributes: owners and adults. */
  'tributes.write',
  /** Share a tribute outside the family by an unlisted link, and revoke it: owners and adults. */
  'tributes.share',
  /**
   * Ask for a memorial book, follow its making, download and remove it: owners and adults (a book
   * holds the letters shared with the adults and the drawings kept for the parents).
   */
  'books.make',
  /**
   * Take the family's data away as one archive (modules/family-data): owners and adults. The archive
   * holds what they may read (the letters shared with the adults, their own private ones, the
   * drawings kept for the parents), so no one else downloads it.
   */
  'family.export',
  /**
   * Bring a family's archive in as a new family, becoming its owner: anyone signed in with their own
   * account (never child mode). It changes nothing of the family they are in.
   */
  'family.import',
] as const;
export type Permission = (typeof permissions)[number];

const memberPermissions = permissions.filter((p) => p !== 'childMode.use');
export const rolePermissions: Record<SessionRole, readonly Permission[]> = {
  owner: memberPermissions,
  adult: memberPermissions.filter((p) => p !== 'family.manage'),
  child: [
    'family.read',
    'lovedOnes.read',
    'trips.read',
    'checklist.tick',
    'keepsakes.confirm',
    'media.read',
    'media.add',
    'rituals.read',
    'rituals.mark',
    'memoryBox.read',
    'memoryBox.add',
    'tributes.read',
    'family.import',
  ],
  viewer: ['family.read', 'family.import'],
  // Nothing else: no trips pages, travel rules, members, settings or anything a family writes. The
  // memory box is the one place a child in child mode adds to (and sees what is not the parents').
  childProfile: ['childMode.use', 'memoryBox.read', 'memoryBox.add'],
};

export const can = (role: SessionRole, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);
