// The one way the web app talks to the server: JSON over fetch, cookie session, CSRF header on
// writes, Accept-Language on every call, and every non-2xx turned into an ApiError.

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors | undefined;
  /** Case-specific guidance from the server (e.g. where to take a claim we do not accept). */
  readonly detail: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields?: FieldErrors,
    detail?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.detail = detail;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

/** Raised before any response exists (offline, DNS, server down). */
export const NETWORK_ERROR = 'network_error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';

/** Kept in step with the session by the auth context; sent on every state-changing call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

export type Query = Record<string, string | number | undefined | null>;

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  // Without the server's own (localised) message, e.g. a proxy's 502 page, leave it empty so the
  // UI shows its translated stand-in instead of an English status text.
  const message = typeof error?.message === 'string' ? error.message : '';
  let fields: FieldErrors | undefined;
  if (error && isRecord(error.fields)) {
    fields = {};
    for (const [key, value] of Object.entries(error.fields)) {
      if (typeof value === 'string') fields[key] = value;
    }
  }
  const detail = typeof error?.detail === 'string' && error.detail ? error.detail : undefined;
  return new ApiError(status, code, message, fields, detail);
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  options: {
    body?: unknown;
    query?: Query;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage,
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }

  if (response.status === 204) return undefined as T;
  const body = parseBody(await response.text());
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Bytes sent so far out of the total, for a progress bar. */
export type UploadProgress = (loaded: number, total: number) => void;

/**
 * Sends multipart form data. XMLHttpRequest rather than fetch because fetch cannot report upload
 * progress, and evidence (up to 50 MB of video) takes long enough on a phone that people need it.
 */
export function upload<T>(
  path: string,
  formData: FormData,
  onProgress?: UploadProgress,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', acceptLanguage);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      };
    }
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, ''));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(formData);
  });
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    apiRequest<T>('POST', path, { body: body ?? {}, headers }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body: body ?? {} }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};
