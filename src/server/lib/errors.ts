import type { ErrorCode, FieldReason } from '../../shared/errors.js';
import type { LocalText } from '../../shared/text.js';

export interface FieldProblem {
  reason: FieldReason;
  params?: Record<string, string | number>;
}

/**
 * The one error type use-cases throw. The error plugin turns it into
 * `{"error":{"code","message","fields"}}` in the caller's language.
 */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly fields?: Record<string, FieldProblem>,
    public readonly headers?: Record<string, string>,
    /** Case-specific guidance shown with the message, in both languages. */
    public readonly detail?: LocalText,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function fieldError(
  field: string,
  reason: FieldReason,
  params?: Record<string, string | number>,
) {
  return new AppError('validation_failed', { [field]: { reason, params } });
}
