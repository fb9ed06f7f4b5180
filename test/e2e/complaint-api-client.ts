// The other side of a browser journey, spoken over HTTP: a complainant (one-time code login) or a
// staff member acting on the same server the browser uses.
import type { TestServer } from '../helpers/server.js';
import { waitForOtp } from './support.js';

interface Session {
  cookie: string;
  csrf: string;
}

export class ApiClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly session: Session,
  ) {}

  private static async login(baseUrl: string, path: string, body: unknown): Promise<ApiClient> {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c?.startsWith('redress_session='));
    if (!cookie) throw new Error('no session cookie');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new ApiClient(baseUrl, { cookie, csrf: csrfToken });
  }

  static async complainant(server: TestServer, target: string): Promise<ApiClient> {
    const previous = server.lastOtp(target);
    const res = await fetch(`${server.baseUrl}/api/v1/auth/otp/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target }),
    });
    if (!res.ok) throw new Error(`otp request failed: ${res.status} ${await res.text()}`);
    const code = await waitForOtp((t) => server.lastOtp(t), target, previous);
    return ApiClient.login(server.baseUrl, '/api/v1/auth/otp/verify', { target, code });
  }

  static staff(server: TestServer, email: string): Promise<ApiClient> {
    return ApiClient.login(server.baseUrl, '/api/v1/auth/login', {
      email,
      password: server.demoPassword,
    });
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      cookie: this.session.cookie,
      'x-csrf-token': this.session.csrf,
      'accept-language': 'zh-CN',
      ...extra,
    };
  }

  async post<T = unknown>(path: string, body: unknown, extra?: Record<string, string>): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', ...extra }),
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The status and message of a request the server is expected to refuse. */
  async refusal(path: string, body: unknown): Promise<{ status: number; message: string }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: { message?: string } };
    return { status: res.status, message: json.error?.message ?? '' };
  }

  /** Files a complaint for oneself and returns its number. */
  async file(body: {
    type: string;
    description: string;
    demand: string;
    fields: Record<string, string>;
  }): Promise<string> {
    const out = await this.post<{ complaint: { number: string } }>('/api/v1/complaints', body, {
      'idempotency-key': `e2e-${body.type}-${Date.now()}`,
    });
    return out.complaint.number;
  }

  async upload(
    number: string,
    files: { name: string; bytes: Buffer }[],
    evidenceKey?: string,
  ): Promise<void> {
    const form = new FormData();
    if (evidenceKey) form.append('evidenceKey', evidenceKey);
    for (const file of files)
      form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
    const res = await fetch(`${this.baseUrl}/api/v1/complaints/${number}/evidence`, {
      method: 'POST',
      headers: this.headers(),
      body: form,
    });
    if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
  }
}
