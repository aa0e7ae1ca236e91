import { resolve } from 'node:path';
import { z } from 'zod';

// The only place that reads process.env (STYLE.md rule 10). A bad variable stops start-up with a
// message naming it and saying how to fix it.

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL, or unset to use the built-in SQLite file')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  BASE_URL: z.url({ error: 'must be a full URL such as https://alongside.example.org' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\//,
      'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587',
    )
    .optional(),
  MAIL_FROM: z.string().min(3, 'must be an address such as "Alongside <alongside@example.org>"').optional(),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  JOBS: z.enum(['on', 'off']).default('on'),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  JOB_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  REMINDER_TICK_MS: z.coerce.number().int().min(50).max(300_000).default(5000),
  AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  NODE_ENV: z.string().optional(),
  TEST_CLOCK: z.enum(['on', 'off']).default('off'),
  MEDIA_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(1000),
});

/** The settings the app runs with, derived from the environment (so its type is the schema's). */
export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Alongside cannot start; please fix these settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.TEST_CLOCK === 'on' && e.NODE_ENV !== 'test') {
    throw new ConfigError(
      "Alongside cannot start; please fix these settings:\n  TEST_CLOCK: is for automated tests only (it lets anyone move the server's clock); remove it",
    );
  }
  return toConfig(e);
}

function toConfig(e: z.output<typeof envSchema>) {
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
    /\/$/,
    '',
  );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    /** Sign-in and sign-up attempts allowed per client address per minute. */
    authAttemptsPerMinute: e.AUTH_ATTEMPTS_PER_MINUTE,
    /** Outgoing e-mail; null when no SMTP server is configured (e-mail is then off). */
    smtp: e.SMTP_URL
      ? {
          url: e.SMTP_URL,
          from: e.MAIL_FROM ?? `Alongside <alongside@${new URL(baseUrl).hostname}>`,
          poolSize: e.SMTP_POOL_SIZE,
        }
      : null,
    /** Whether this process runs scheduled work and jobs (reminders). */
    jobs: e.JOBS === 'on',
    jobPollMs: e.JOB_POLL_MS,
    /** How long a claimed job stays with an instance before another may take it over. */
    jobLeaseMs: e.JOB_LEASE_MS,
    reminderTickMs: e.REMINDER_TICK_MS,
    /** Check every response against its contract (tests); off in production for speed. */
    validateResponses: e.NODE_ENV === 'test',
    /** How much room each family's photos may take, in bytes (set by whoever runs the server). */
    mediaQuotaBytes: e.MEDIA_QUOTA_MB * 1024 * 1024,
    /** A clock tests can set through `PUT /api/test/clock`; only ever on with NODE_ENV=test. */
    testClock: e.TEST_CLOCK === 'on',
  };
}
