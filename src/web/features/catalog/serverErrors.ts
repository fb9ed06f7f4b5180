// Puts the catalogue API's field reasons under the matching fields of a nested form. The server
// names fields by path (`requiredFields.2.label.en`); the forms use the same shape, so a path
// becomes an antd name path directly.
import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api';

export type NamePath = (string | number)[];

export function toNamePath(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Sets every reason whose path the form shows (`shows`) on that field and returns the rest, for
 * the caller to show above the form. A non-field error returns an empty list.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  shows: (path: string) => boolean,
  /** Maps a server path onto the form's, e.g. `keywords.3` onto the one tags input. */
  alias: (path: string) => string = (path) => path,
): string[] {
  if (!(error instanceof ApiError) || !error.fields) return [];
  const entries = Object.entries(error.fields).map(([path, reason]): [string, string] => [
    alias(path),
    reason,
  ]);
  form.setFields(
    entries
      .filter(([path]) => shows(path))
      .map(([path, reason]) => ({ name: toNamePath(path), errors: [reason] })),
  );
  return entries.filter(([path]) => !shows(path)).map(([path, reason]) => `${path}: ${reason}`);
}

/** The first field with an error, to scroll to it in a long drawer. */
export function firstErrorPath(
  error: unknown,
  shows: (path: string) => boolean,
  alias: (path: string) => string = (path) => path,
): NamePath | null {
  if (!(error instanceof ApiError) || !error.fields) return null;
  const path = Object.keys(error.fields).map(alias).find(shows);
  return path ? toNamePath(path) : null;
}
