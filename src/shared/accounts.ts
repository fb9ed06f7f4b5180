// What the API says about the caller; the server's route schemas and the web app share these.
import type { Locale } from './errors.js';
import type { Permission, Role } from './roles.js';

export interface PublicUser {
  id: string;
  role: Role;
  name: string;
  /** Masked for complainants. */
  email: string | null;
  /** Always masked, e.g. 138****8000. */
  phone: string | null;
  merchantId: string | null;
  locale: Locale;
}

export interface SessionInfo {
  user: PublicUser;
  /** Send as X-CSRF-Token on every state-changing request made with the session cookie. */
  csrfToken: string;
  permissions: Permission[];
}

export interface OtpRequested {
  sent: true;
  channel: 'sms' | 'email';
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
