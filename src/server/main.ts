import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { buildContainer } from './container.js';

// Process entry: config -> container -> app -> listen. No logic lives here.
async function main(): Promise<void> {
  const config = loadConfig();
  const container = await buildContainer(config);
  const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));
  const app = await buildApp(container, { webRoot: existsSync(webRoot) ? webRoot : undefined });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close();
    await container.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (config.jobs) container.jobs(app.log).start();
  await app.listen({ port: config.port, host: config.host });
  // With PORT=0 the system picks a free port (tests); otherwise the configured address is the URL.
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.port === 0 ? `http://${config.host}:${port}` : config.baseUrl;
  app.log.info({ url, database: container.db.dialect }, 'Alongside is ready');
  process.stdout.write(`\nAlongside is ready at ${url}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Alongside could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
