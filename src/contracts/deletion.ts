import { z } from 'zod';
import { reauthenticateBody } from './accounts.js';
import { idSchema } from './fields.js';

// Deleting a family or one's own account (modules/deletions): asked for with the password, carried
// out seven days later unless cancelled, the other adults told both times.

/** Days between asking and the deletion, in which it can be cancelled. */
export const DELETION_WAIT_DAYS = 7;

/**
 * How a member whose account was deleted is named on what they did for the family (a confirmation,
 * a tick, a ritual marked): their name is gone with their account.
 */
export const FORMER_MEMBER = 'a former member';

/** The password again, as before signing out another device: deleting cannot be taken back. */
export const confirmDeletionBody = reauthenticateBody;
export type ConfirmDeletionBody = z.infer<typeof confirmDeletionBody>;

export const familyDeletionResponse = z.object({
  /** The deletion asked for, or null. */
  deletion: z
    .object({
      askedAt: z.string(),
      /** When the family is deleted; until then an owner can cancel. */
      dueAt: z.string(),
      /** The owner who asked, by name. */
      askedBy: z.string(),
    })
    .nullable(),
  /** Members for whom this is their only family here: their accounts are deleted with it. */
  accountsClosing: z.array(z.object({ memberId: idSchema, displayName: z.string(), isYou: z.boolean() })),
});
export type FamilyDeletionResponse = z.infer<typeof familyDeletionResponse>;

/** Why an account cannot be deleted yet: a family it would leave without an owner. */
export const accountDeletionHolds = ['only_owner', 'only_member'] as const;
export type AccountDeletionHold = (typeof accountDeletionHolds)[number];

export const accountDeletionResponse = z.object({
  deletion: z.object({ askedAt: z.string(), dueAt: z.string() }).nullable(),
  /** The person's private journal entries and letters (deleted with the account), in every family. */
  privateEntries: z.number().int(),
  /** Those they shared with the family (kept, as written by "a former member"). */
  sharedEntries: z.number().int(),
  /**
   * Families the account cannot leave yet: 'only_owner' (others are in it: make another adult an
   * owner first, or delete the family) or 'only_member' (delete the family; the account goes with it).
   */
  heldBy: z.array(
    z.object({ familyId: idSchema, familyName: z.string(), reason: z.enum(accountDeletionHolds) }),
  ),
});
export type AccountDeletionResponse = z.infer<typeof accountDeletionResponse>;
