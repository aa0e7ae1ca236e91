import { z } from 'zod';
import { countryCode, email, idSchema, text, timeZone } from './fields.js';
import { permissions, roleSchema } from './permissions.js';

export const password = z
  .string({ error: 'Please choose a password.' })
  .min(10, 'Please use at least 10 characters; a short sentence works well.')
  .max(200, 'Please keep the password under 200 characters.');

export const signUpBody = z
  .object({
    displayName: text('your name', 80),
    email,
    password,
    familyName: text('a name for your family', 80),
    homeZone: timeZone,
  })
  .strict();
export type SignUpBody = z.infer<typeof signUpBody>;

export const signInBody = z
  .object({
    email,
    password: z.string({ error: 'Please give your password.' }).min(1, 'Please give your password.').max(200),
  })
  .strict();
export type SignInBody = z.infer<typeof signInBody>;

export const changePasswordBody = z
  .object({
    currentPassword: z
      .string({ error: 'Please give your current password.' })
      .min(1, 'Please give your current password.')
      .max(200),
    newPassword: password,
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const familySchema = z.object({
  id: idSchema,
  name: z.string(),
  homeZone: z.string(),
  /** Where the family lives (ISO 3166-1 alpha-2); chooses awareness days and support lines. */
  country: z.string().nullable(),
});

export const sessionResponse = z.object({
  user: z.object({ id: idSchema, email: z.string(), displayName: z.string() }),
  member: z.object({ id: idSchema, role: roleSchema, displayName: z.string() }),
  family: familySchema,
  permissions: z.array(z.enum(permissions)),
  /** Send back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/**
 * Where e-mail is off, a sign-up signs in at once ('signed-in', with the session). Where it is on,
 * every sign-up gets the same 'check-email' answer, whether or not the address has an account
 * (SECURITY.md): the family is made when the link e-mailed to the address is opened.
 */
export const signUpResponse = z.discriminatedUnion('status', [
  sessionResponse.extend({ status: z.literal('signed-in') }),
  z.object({ status: z.literal('check-email'), message: z.string() }),
]);
export type SignUpResponse = z.infer<typeof signUpResponse>;

export const memberSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  role: roleSchema,
  isYou: z.boolean(),
});
export const membersResponse = z.object({ members: z.array(memberSchema) });
export type Member = z.infer<typeof memberSchema>;

export const updateFamilyBody = z
  .object({
    name: text('a name for your family', 80).optional(),
    homeZone: timeZone.optional(),
    country: countryCode('the country you live in').nullable().optional(),
  })
  .strict();
export type UpdateFamilyBody = z.infer<typeof updateFamilyBody>;
export const familyResponse = z.object({ family: familySchema });

export const healthResponse = z.object({
  status: z.enum(['ok']),
  database: z.enum(['sqlite', 'postgres']),
  schemaVersion: z.string().nullable(),
});

// Where one is signed in (Settings): each session by its public id, never the id the server keeps.
export const deviceSessionSchema = z.object({
  id: idSchema,
  /** "Firefox on Android"; null when the browser did not say what it is. */
  device: z.string().nullable(),
  signedInAt: z.string(),
  lastSeenAt: z.string(),
  /** The session this request came from: "This phone or browser". */
  current: z.boolean(),
  /** A phone this person handed to a child in child mode (signing it out ends child mode there). */
  childMode: z.boolean(),
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;
export const deviceSessionsResponse = z.object({ sessions: z.array(deviceSessionSchema) });
export type DeviceSessionsResponse = z.infer<typeof deviceSessionsResponse>;

/** A kind sentence to show after something was done. */
export const messageResponse = z.object({ message: z.string() });
export type MessageResponse = z.infer<typeof messageResponse>;

/** The token of a link we e-mailed: 32 random bytes, URL-safe (43 characters). */
export const linkToken = z
  .string({ error: 'This link is not complete. Please open it again from the e-mail.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete. Please open it again from the e-mail.');

export const passwordResetBody = z.object({ email }).strict();
export type PasswordResetBody = z.infer<typeof passwordResetBody>;
/** The same answer whether or not an account has the address; `emailOn` says whether mail can go. */
export const passwordResetResponse = z.object({ emailOn: z.boolean(), message: z.string() });
export type PasswordResetResponse = z.infer<typeof passwordResetResponse>;

/** The link e-mailed to finish a sign-up. */
export const finishSignUpBody = z.object({ token: linkToken }).strict();
export type FinishSignUpBody = z.infer<typeof finishSignUpBody>;

export const passwordResetConfirmBody = z.object({ token: linkToken, newPassword: password }).strict();
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBody>;

/** The password again, before ending another device's session (ASVS 7.5.2). */
export const reauthenticateBody = z
  .object({
    currentPassword: z
      .string({ error: 'Please give your password.' })
      .min(1, 'Please give your password.')
      .max(200),
  })
  .strict();
export type ReauthenticateBody = z.infer<typeof reauthenticateBody>;

export const changeEmailBody = z
  .object({
    newEmail: email,
    currentPassword: z
      .string({ error: 'Please give your current password.' })
      .min(1, 'Please give your current password.')
      .max(200),
  })
  .strict();
export type ChangeEmailBody = z.infer<typeof changeEmailBody>;
/** 'sent': a link went to the new address; 'changed': e-mail is off here, so it changed at once. */
export const changeEmailResponse = z.object({
  status: z.enum(['sent', 'changed']),
  email: z.string(),
  message: z.string(),
});
export type ChangeEmailResponse = z.infer<typeof changeEmailResponse>;

export const confirmEmailBody = z.object({ token: linkToken }).strict();
export type ConfirmEmailBody = z.infer<typeof confirmEmailBody>;
export const confirmEmailResponse = z.object({ email: z.string(), message: z.string() });
export type ConfirmEmailResponse = z.infer<typeof confirmEmailResponse>;
