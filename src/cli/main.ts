import { runCli } from './run.js';

// Process entry for `alongside`: arguments in, exit code out. Logic lives in run.ts.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
