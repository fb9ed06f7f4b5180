// Puts the server's per-field reasons under the matching inputs of a form with nested names
// ("complainant.phone", "fields.waybill_number"); shared/formErrors handles flat names only.
import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api';

type Name = (string | number)[];

/**
 * `shown` lists the server's names for the inputs on screen now; `aliases` maps a server name to
 * a differently named form field (type → typePath). Returns true when every field error found an
 * input, so no general message is needed.
 */
export function applyNestedFieldErrors(
  form: FormInstance,
  error: unknown,
  shown: readonly string[],
  aliases: Record<string, Name> = {},
): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  const entries = Object.entries(error.fields);
  // A lone error with its own message (e.g. a conflict) says it best in that message.
  const ownMessage = error.code !== 'validation_failed' && entries.length === 1 && error.message;
  const updates = entries
    .filter(([field]) => shown.includes(field))
    .map(([field, reason]) => ({
      name: aliases[field] ?? field.split('.'),
      errors: [ownMessage || reason],
    }));
  form.setFields(updates);
  return entries.length > 0 && updates.length === entries.length;
}
