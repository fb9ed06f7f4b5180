// Shapes of the API responses the web app reads (mirrors the server contract).

export type Role = 'complainant' | 'agent' | 'expert' | 'supervisor' | 'merchant' | 'admin';
export const STAFF_ROLES = ['agent', 'expert', 'supervisor', 'merchant', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ALL_ROLES: readonly Role[] = ['complainant', ...STAFF_ROLES];

export type Lang = 'zh-CN' | 'en';

export interface User {
  id: string;
  role: Role;
  name: string;
  email: string | null;
  phone: string | null;
  merchantId: string | null;
  locale: Lang;
}

export interface Session {
  user: User;
  csrfToken: string;
  permissions: string[];
}

export type Permission =
  | 'portal.access'
  | 'console.access'
  | 'catalog.view'
  | 'catalog.manage'
  | 'users.read'
  | 'users.manage'
  | 'tokens.manage'
  | 'system.info';

export interface LocalText {
  zh: string;
  en: string;
}

export type Priority = 'red' | 'yellow' | 'green';

export type FieldKind =
  | 'text'
  | 'order_number'
  | 'waybill_number'
  | 'amount'
  | 'date'
  | 'phone'
  | 'email'
  | 'id_number'
  | 'case_number'
  | 'url';

export interface RequiredField {
  key: string;
  kind: FieldKind;
  label: LocalText;
  required: boolean;
}

export interface Sla {
  firstResponseHours: number | null;
  resolutionHours: number | null;
  resolutionWorkingDays: number | null;
  maxWorkingDays: number | null;
  note: LocalText;
}

export interface ProblemType {
  code: string;
  name: LocalText;
  priority: Priority;
  requiredFields: RequiredField[];
  requiredEvidence: { key: string; label: LocalText }[];
  sla: Sla;
}

export interface Category {
  code: string;
  name: LocalText;
  description: LocalText;
  accepted: boolean;
  refusalGuidance: LocalText | null;
  types: ProblemType[];
}

export interface SystemInfo {
  version: string;
  db: 'embedded' | 'external';
  startedAt: string;
  counts: { users: number; categories: number; problemTypes: number };
}

export interface OtpRequestResult {
  sent: true;
  channel: 'sms' | 'email';
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
