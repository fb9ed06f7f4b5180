// The server validates a nullable target (`firstResponse: Duration | null`) against both branches
// and reports both: "firstResponse.value: out of range" and "firstResponse: wrong type" (the null
// branch). Only the specific reason helps the admin, so a field whose child also has a reason is
// dropped before the reasons are put under the form's fields.
import { ApiError } from '../../app/api';

export function specificFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.fields) return error;
  const names = Object.keys(error.fields);
  const fields = Object.fromEntries(
    Object.entries(error.fields).filter(
      ([name]) => !names.some((other) => other.startsWith(`${name}.`)),
    ),
  );
  return new ApiError(error.status, error.code, error.message, fields, error.detail);
}
