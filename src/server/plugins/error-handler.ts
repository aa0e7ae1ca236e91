import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorResponse } from '../../contracts/errors.js';
import { AppError } from '../errors.js';

const send = (
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
) => reply.code(status).send({ error: { code, message, ...(fields && { fields }) } } satisfies ErrorResponse);

/** Fastify's own refusals, by status, when they are not one of the cases named below. */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Maps every failure to the one error shape, once, for the whole app (STYLE.md rule 7). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, error.status, error.code, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const path =
          issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext || 'body';
        fields[path] ??= issue.message ?? 'Please check this field.';
      }
      return send(reply, 400, 'validation_failed', 'Please check the highlighted fields.', fields);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(
          reply,
          413,
          'payload_too_large',
          'That is more than we can take in one go. Please send less.',
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'unsupported_media_type', 'Please send this as JSON.');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, 400, 'validation_failed', 'We could not read that request. Please try again.');
    }
    if (error.statusCode === 429) {
      return send(
        reply,
        429,
        'rate_limited',
        'That was a lot of attempts in a short time. Please wait a minute and try again.',
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Only a body we could not read is about the fields; any other refusal says what it is.
      const code: ErrorCode =
        error.statusCode === 400 ? 'validation_failed' : (CODE_BY_STATUS[error.statusCode] ?? 'bad_request');
      const message =
        code === 'validation_failed'
          ? 'We could not read that request. Please try again.'
          : 'We could not take that request. Please try again.';
      return send(reply, error.statusCode, code, message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, 500, 'internal', 'Something went wrong on our side. Please try again in a moment.');
  });
}
