import { loadConfig, ConfigError } from '../server/config.js';
import { BackupInputError } from '../server/store.js';
import { backup, restore } from './backup.js';
import { rulesCheck, rulesLint, rulesShip } from './rules.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** The environment settings are read from (process.env, or a test's). */
type Env = Record<string, string | undefined>;
type Command = (args: string[], io: Output, env: Env) => Promise<number>;
// The container (every module, sharp, pdfkit…) is loaded only by the commands that need it.

const usage = `Usage: alongside <command>

Commands:
  migrate            bring the database schema up to date (SQLite under DATA_DIR, or DATABASE_URL)
  backup FILE        copy the database to FILE while Alongside runs: SQLite's online backup, or
                     pg_dump on PostgreSQL (a logical dump when pg_dump is not on PATH);
                     --logical makes a logical dump on either (to move between them)
  restore FILE       put a backup into an empty data directory or database, then bring it up to
                     date; refuses one that is not empty, and leaves nothing half restored
  rules check FILE   what to carry and know for the trip described in FILE (JSON), as JSON
  rules ship FILE    what applies to posting or couriering ashes as described in FILE (JSON)
  rules lint         check the travel-rules data: schema, sources, dates, duplicates, stale rules
  users reset-password EMAIL
                     give the account with this e-mail a new password (shown once) and sign it out
                     everywhere: for someone who cannot sign in when no e-mail can reach them
  help               show this message

Exit codes: 0 done, 1 failed, 2 bad input.
`;

const commands: Record<string, Command> = {
  async migrate(_args, io, env) {
    const { buildContainer } = await import('../server/container.js');
    const container = await buildContainer(loadConfig(env), { migrate: false });
    try {
      const applied = await container.migrate();
      io.out(
        applied.length === 0
          ? 'The database is up to date.\n'
          : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}\n`).join('')}`,
      );
      return 0;
    } finally {
      await container.close();
    }
  },
  async rules([sub, ...args], io) {
    const today = new Date().toISOString().slice(0, 10);
    // "rules check --help" asks for help, not for a file called --help.
    if (args.some((arg) => arg === '--help' || arg === '-h')) {
      io.out(usage);
      return 0;
    }
    if (sub === 'check') return rulesCheck(args, io, today);
    if (sub === 'ship') return rulesShip(args, io, today);
    if (sub === 'lint') return rulesLint(args, io, today);
    if (sub === 'help' || sub === '--help' || sub === '-h') {
      io.out(usage);
      return 0;
    }
    io.err(
      `Unknown rules command "${sub ?? ''}". Use "rules check <trip.json>", "rules ship <shipment.json>" or "rules lint".\n`,
    );
    return 2;
  },
  async users([sub, email, ...rest], io, env) {
    if (sub !== 'reset-password' || !email || rest.length > 0) {
      io.err('Use "users reset-password <e-mail address>".\n');
      return 2;
    }
    const { buildContainer } = await import('../server/container.js');
    const container = await buildContainer(loadConfig(env));
    try {
      const fresh = await container.accounts.resetPassword(email.trim().toLowerCase());
      if (fresh === null) {
        io.err(`No account has the e-mail address ${email}. Please check the spelling.\n`);
        return 2;
      }
      io.out(
        `The new password for ${email} is:\n\n  ${fresh}\n\n` +
          'It is shown only this once. Every device signed in to this account has been signed out.\n' +
          'Please pass it on privately; they can choose their own in Settings after signing in.\n',
      );
      return 0;
    } finally {
      await container.close();
    }
  },
  backup: (args, io, env) => backup(args, io, loadConfig(env)),
  restore: (args, io, env) => restore(args, io, loadConfig(env)),
  async help(_args, io) {
    io.out(usage);
    return 0;
  },
};

/** Runs one CLI command; never throws, always answers with an exit code. */
export async function runCli(argv: string[], io: Output, env: Env = process.env): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    return await command(args, io, env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof BackupInputError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    io.err(`alongside ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
