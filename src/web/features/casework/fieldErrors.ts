// Server field errors for forms whose field names differ from the API's (name.zh → nameZh).
import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api';
import { applyFieldErrors } from '../../shared/formErrors';

export function applyAliasedErrors(
  form: FormInstance,
  error: unknown,
  alias: Record<string, string>,
  known: readonly string[],
): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([key, reason]) => [alias[key] ?? key, reason]),
  );
  const renamed = new ApiError(error.status, error.code, error.message, fields, error.detail);
  return applyFieldErrors(form, renamed, known);
}
