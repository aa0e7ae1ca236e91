import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../contracts/errors.js';
import { registerErrorHandler } from './error-handler.js';

// Fastify refuses some requests itself (a wrong length, a conflict raised by a plugin). Each
// refusal keeps its own status and says what it is, instead of all becoming "validation_failed".

const refusal = (statusCode: number) => Object.assign(new Error('refused by a plugin'), { statusCode });

describe('the error handler', () => {
  it.each([
    [400, 'validation_failed'],
    [401, 'unauthenticated'],
    [404, 'not_found'],
    [405, 'bad_request'],
    [409, 'conflict'],
    [431, 'bad_request'],
  ] as const)('maps a plugin’s %i to %s, in the one error shape', async (status, code) => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/refuse', async () => {
      throw refusal(status);
    });
    const response = await app.inject({ method: 'GET', url: '/refuse' });
    expect(response.statusCode).toBe(status);
    const body = errorResponseSchema.parse(response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toContain('refused by a plugin');
    await app.close();
  });
});
