import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts with nothing set: SQLite under ./data, on 127.0.0.1:3000, e-mail off', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      smtp: null,
      baseUrl: 'http://127.0.0.1:3000',
      secureCookies: false,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('stops a start with bad settings, naming each and saying how to fix it', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', SMTP_URL: 'mail.example.org' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT: must be a number');
    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
  });

  it('turns on secure cookies behind HTTPS, and e-mail when SMTP is set', () => {
    const config = loadConfig({
      BASE_URL: 'https://alongside.example.org/',
      SMTP_URL: 'smtp://mail.example.org:587',
    });
    expect(config.baseUrl).toBe('https://alongside.example.org');
    expect(config.secureCookies).toBe(true);
    expect(config.smtp).toMatchObject({
      url: 'smtp://mail.example.org:587',
      from: 'Alongside <alongside@alongside.example.org>',
    });
  });
});
