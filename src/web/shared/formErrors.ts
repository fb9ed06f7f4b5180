// Puts the server's per-field reasons under the matching form fields.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../app/api';

/**
 * Returns true when at least one server field error was attached to a field of the form; the
 * caller then need not show the general message as well.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  knownFields: readonly string[],
): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  const entries = Object.entries(error.fields).filter(([name]) => knownFields.includes(name));
  if (entries.length === 0) return false;
  // A validation failure names a reason per field; any other error pointing at one field
  // (e.g. "this email is already in use") says it best in its own message.
  const specific = error.code !== 'validation_failed' && entries.length === 1 && error.message;
  form.setFields(
    entries.map(([name, reason]) => ({ name, errors: [specific ? error.message : reason] })),
  );
  return entries.length === Object.keys(error.fields).length;
}

/** The server's localised message, or a translated stand-in when there is none. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('error.network');
    if (error.message) return error.message;
    if (error.status >= 500) return t('error.unavailable');
  }
  return t('error.unknown');
}
