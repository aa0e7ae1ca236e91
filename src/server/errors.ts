import type { ErrorCode } from '../contracts/errors.js';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  csrf_failed: 403,
  reauthentication_required: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};

/** The one error type services throw; plugins/error-handler.ts maps it to the wire (STYLE.md rule 7). */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

export const notFound = (message = 'We could not find that. It may have been removed.') =>
  new AppError('not_found', message);

export const conflict = (message: string) => new AppError('conflict', message);

export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', 'Please check the highlighted fields.', { [field]: message });

export const forbidden = (
  message = 'Your role in this family does not allow that. Ask the family owner if you need it.',
) => new AppError('forbidden', message);
