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
