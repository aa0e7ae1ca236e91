import { z } from 'zod';
import { email, idSchema, optionalText, text } from './fields.js';
import { password } from './accounts.js';
import { roles, roleSchema } from './permissions.js';

// The family together: invites, joining, members and several families (ARCHITECTURE.md, `family`).

/** Whom an invite is for. Nobody is invited as owner: an owner makes an adult a co-owner later. */
export const inviteRoles = ['adult', 'child', 'viewer'] as const;
export const inviteRoleSchema = z.enum(inviteRoles, {
  error: 'Please choose who the invite is for: an adult, a teen or child, or a viewer.',
});
export type InviteRole = (typeof inviteRoles)[number];

export const MAX_INVITE_USES = 20;
export const MAX_INVITE_DAYS = 30;

export const createInviteBody = z
  .object({
    role: inviteRoleSchema,
    /** "Sam": only for the family's own list ("Invite for Sam"); the joiner gives their own name. */
    forName: optionalText('who the invite is for', 80),
    maxUses: z
      .number({ error: 'Please say how many people may join with this invite.' })
      .int('Please give a whole number of people.')
      .min(1, 'At least one person should be able to join.')
      .max(MAX_INVITE_USES, `An invite can be used by up to ${MAX_INVITE_USES} people.`)
      .default(1),
    expiresInDays: z
      .number({ error: 'Please say for how many days the invite works.' })
      .int('Please give a whole number of days.')
      .min(1, 'An invite works for at least one day.')
      .max(MAX_INVITE_DAYS, `An invite can work for up to ${MAX_INVITE_DAYS} days.`)
      .default(7),
  })
  .strict();
export type CreateInviteBody = z.infer<typeof createInviteBody>;

export const inviteStatuses = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof inviteStatuses)[number];

export const inviteSchema = z.object({
  id: idSchema,
  role: inviteRoleSchema,
  forName: z.string().nullable(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The member who made it, by name. */
  createdBy: z.string(),
  status: z.enum(inviteStatuses),
  /** Who joined through it, in order. */
  joined: z.array(z.object({ memberId: idSchema, displayName: z.string(), joinedAt: z.string() })),
});
export type Invite = z.infer<typeof inviteSchema>;
export const invitesResponse = z.object({ invites: z.array(inviteSchema) });
export type InvitesResponse = z.infer<typeof invitesResponse>;
export const inviteResponse = z.object({ invite: inviteSchema });

/** A new invite with its secrets, shown this once: only their hashes are kept. */
export const createdInviteResponse = z.object({
  invite: inviteSchema,
  /** The address to send: the token is in the fragment (`#token=…`), so it never reaches a server's logs. */
  link: z.string(),
  /** The short code to read out, e.g. "KQ7M-XH3D-R9TP". */
  code: z.string(),
});
export type CreatedInviteResponse = z.infer<typeof createdInviteResponse>;

/** An invite's link token or its short code, as typed or pasted (spaces and dashes are fine). */
export const inviteSecret = z
  .string({ error: 'Please type the invite code, or open the link again.' })
  .trim()
  .min(1, 'Please type the invite code, or open the link again.')
  .max(200, 'That is longer than any invite code. Please check it and type it again.')
  // Codes and links are plain printable characters; anything else was not typed from one.
  .regex(/^[\x20-\x7E]+$/, 'That does not look like an invite code. Please check it and type it again.');

export const inviteLookupBody = z.object({ invite: inviteSecret }).strict();
export type InviteLookupBody = z.infer<typeof inviteLookupBody>;

/** What the join page shows before joining: which family, who asked, and whether it still works. */
export const invitePreviewResponse = z.object({
  familyName: z.string(),
  invitedBy: z.string(),
  role: inviteRoleSchema,
  status: z.enum(inviteStatuses),
  expiresAt: z.string(),
  /** Whether the person asking (signed in) already belongs to this family. */
  alreadyMember: z.boolean(),
});
export type InvitePreviewResponse = z.infer<typeof invitePreviewResponse>;

/** Joining as someone new: the same fields and rules as signing up, without a family to name. */
export const joinAsNewBody = z
  .object({
    invite: inviteSecret,
    displayName: text('your name', 80),
    email,
    password,
  })
  .strict();
export type JoinAsNewBody = z.infer<typeof joinAsNewBody>;

/** Joining with an account one already has, from a browser not signed in to it. */
export const joinWithAccountBody = z
  .object({
    invite: inviteSecret,
    email,
    password: z.string({ error: 'Please give your password.' }).min(1, 'Please give your password.').max(200),
  })
  .strict();
export type JoinWithAccountBody = z.infer<typeof joinWithAccountBody>;

export const joinBody = inviteLookupBody;
export type JoinBody = InviteLookupBody;

// Members.
/** An empty change changes nothing, as on every PATCH route. */
export const changeRoleBody = z
  .object({
    role: z
      .enum(roles, { error: 'Please choose a role: owner, adult, teen or child, or viewer.' })
      .optional(),
  })
  .strict();
export type ChangeRoleBody = z.infer<typeof changeRoleBody>;

// Several families.
export const familyChoiceSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  /** The family this session is in. */
  current: z.boolean(),
});
export type FamilyChoice = z.infer<typeof familyChoiceSchema>;
export const familiesResponse = z.object({ families: z.array(familyChoiceSchema) });
export type FamiliesResponse = z.infer<typeof familiesResponse>;

export const switchFamilyBody = z.object({ familyId: idSchema }).strict();
export type SwitchFamilyBody = z.infer<typeof switchFamilyBody>;

/** After leaving: the family this session moved to, or none (then it has ended). */
export const leaveResponse = z.object({
  family: z.object({ id: idSchema, name: z.string() }).nullable(),
  message: z.string(),
});
export type LeaveResponse = z.infer<typeof leaveResponse>;
