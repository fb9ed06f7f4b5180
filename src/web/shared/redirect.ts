// Where to go after logging in: only same-site paths are honoured, so a crafted link cannot
// bounce the user to another site.
export function safeRedirect(value: string | null, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value;
}

export function loginPath(base: string, location: { pathname: string; search: string }): string {
  return `${base}?redirect=${encodeURIComponent(location.pathname + location.search)}`;
}
