// Notifications (Stage 5): the key nodes a complainant is told about, the staff nodes behind the
// console bell, the channels, and which template variables each node offers. Server and web
// share these so the template editor can list exactly what a template may use.

/** Nodes the complainant hears about (SPEC "Notifications and tracking"). */
export const COMPLAINANT_NODES = [
  'accepted',
  'materials_requested',
  'result',
  'appeal_accepted',
  'appeal_decided',
  'merchant_reply',
  'external_transfer',
  'sla_apology',
  'progress_report',
] as const;

/** Nodes for staff, in-app only (the console bell). */
export const STAFF_NODES = [
  'staff_assigned',
  'staff_pressed',
  'staff_materials_supplied',
  'staff_appealed',
  'staff_escalation_alert',
] as const;

export const NOTIFY_NODES = [...COMPLAINANT_NODES, ...STAFF_NODES] as const;
export type NotifyNode = (typeof NOTIFY_NODES)[number];

export const NOTIFY_CHANNELS = ['in_app', 'sms', 'email', 'wechat'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead', 'suppressed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Channels a node can go out on. Staff hear only in the console. */
export function channelsOf(node: NotifyNode): readonly NotifyChannel[] {
  if ((STAFF_NODES as readonly string[]).includes(node)) return ['in_app'];
  // A PDF report needs an attachment: only email carries it (the portal offers the download).
  if (node === 'progress_report') return ['email'];
  return NOTIFY_CHANNELS;
}

/** Variables every node offers. */
const COMMON_VARS = ['number', 'typeName', 'statusLabel', 'name', 'link'] as const;

/** Variables each node adds; a template may use only these and the common ones. */
export const NODE_VARS: Record<NotifyNode, readonly string[]> = {
  accepted: ['estimate'],
  materials_requested: ['items', 'note'],
  result: ['outcome', 'opinion', 'appealUntil', 'receiptCode'],
  appeal_accepted: ['reason'],
  appeal_decided: ['outcome', 'opinion', 'receiptCode'],
  merchant_reply: ['merchantName', 'reply'],
  external_transfer: ['platform', 'externalNumber'],
  sla_apology: ['clock', 'estimate'],
  progress_report: ['reportNo', 'estimate', 'stage'],
  staff_assigned: ['by'],
  staff_pressed: ['pressCount'],
  staff_materials_supplied: ['files'],
  staff_appealed: ['reason'],
  staff_escalation_alert: ['rule'],
};

export function varsOf(node: NotifyNode): string[] {
  return [...COMMON_VARS, ...NODE_VARS[node]];
}

/** One effective template as the admin page shows it. */
export interface TemplateView {
  node: NotifyNode;
  channel: NotifyChannel;
  locale: 'zh-CN' | 'en';
  subject: string | null;
  body: string;
  /** false: the shipped default is in force. */
  customised: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface SwitchView {
  node: NotifyNode;
  channel: NotifyChannel;
  enabled: boolean;
  customised: boolean;
}

/** A bell entry. */
export interface NotificationView {
  id: number;
  node: NotifyNode;
  complaintNumber: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** An outbox row for admins; the recipient is masked. */
export interface OutboxView {
  id: number;
  node: NotifyNode;
  channel: NotifyChannel;
  complaintNumber: string | null;
  recipient: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deferredReason: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface PreferencesView {
  sms: boolean;
  email: boolean;
  wechat: boolean;
  wechatBound: boolean;
  timeZone: string;
  /** Where messages would go (masked), so a person can see what each switch means. */
  phone: string | null;
  emailAddress: string | null;
  /** Channels the platform has a provider for right now. */
  available: NotifyChannel[];
}
