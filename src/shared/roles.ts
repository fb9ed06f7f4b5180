// Roles and what each may do. The server checks permissions on every route; the web app
// builds its navigation from the same list, so the two cannot drift apart.

export const ROLES = ['complainant', 'agent', 'expert', 'supervisor', 'merchant', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['agent', 'expert', 'supervisor', 'merchant', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  'portal.access',
  'console.access',
  'catalog.view',
  'catalog.manage',
  'users.read',
  'users.manage',
  'tokens.manage',
  'system.info',
  /** File a complaint: complainants for themselves, staff on a caller's behalf. */
  'complaints.file',
  /** See every complaint (complainants see their own through portal.access). */
  'complaints.read',
  /** Work a case: review, investigate, request materials, resolve, reject. */
  'complaints.work',
  /** Reconsider an appealed result (复议); never the person who resolved it. */
  'complaints.reconsider',
  /** Move any complaint to another team or person (agents move only what they hold). */
  'complaints.assign',
  /** See the clear value of masked personal data; every reveal is audited. */
  'pii.reveal',
  /** Teams, members, working hours, capacity and routing rules. */
  'teams.manage',
  /** Canned replies (macros) for everyone. */
  'macros.manage',
  /** Read the audit log. */
  'audit.read',
  /** Merchants, tiers and shops. */
  'merchants.manage',
  /** A merchant answering complaints against its own shops. */
  'merchant.respond',
  /** The list of external platforms (12315 …). */
  'external.manage',
  /** Record status updates from external platforms, by API or CSV, and import their cases. */
  'external.update',
  /** Take phone calls: look up and verify callers. */
  'calls.handle',
  /** Read business calendars and SLA policies, and preview a due time (SLA 预览). */
  'sla.view',
  /** Edit business calendars (import iCalendar), SLA policies and escalation rules. */
  'sla.manage',
  /** Supervisors' escalation alerts (升级提醒): acknowledge them and add a second team (协查). */
  'escalation.handle',
  /** Notification templates and switches, and the delivery outbox (dead letters, retry). */
  'notifications.manage',
  /** The live-chat inbox: take conversations the assistant handed over and chat with the person. */
  'assistant.chat',
  /** Read the assistant's knowledge base, scripts and settings; try questions on it. */
  'assistant.kb.view',
  /** Edit, import and export the knowledge base, the soothing scripts and the handoff settings. */
  'assistant.kb.manage',
  /** The assistant's figures: answered rate, handoffs, satisfaction, unmatched questions. */
  'assistant.metrics',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  complainant: ['portal.access', 'complaints.file'],
  agent: [
    'console.access',
    'catalog.view',
    'system.info',
    'complaints.file',
    'complaints.read',
    'complaints.work',
    'pii.reveal',
    'external.update',
    'calls.handle',
    'sla.view',
    'assistant.chat',
    'assistant.kb.view',
  ],
  expert: [
    'console.access',
    'catalog.view',
    'system.info',
    'complaints.file',
    'complaints.read',
    'complaints.work',
    'complaints.reconsider',
    'pii.reveal',
    'external.update',
    'calls.handle',
    'sla.view',
    'assistant.chat',
    'assistant.kb.view',
  ],
  merchant: ['console.access', 'system.info', 'merchant.respond'],
  supervisor: [
    'console.access',
    'catalog.view',
    'users.read',
    'system.info',
    'complaints.file',
    'complaints.read',
    'complaints.work',
    'complaints.reconsider',
    'complaints.assign',
    'pii.reveal',
    'teams.manage',
    'macros.manage',
    'audit.read',
    'merchants.manage',
    'external.update',
    'calls.handle',
    'sla.view',
    'escalation.handle',
    'assistant.chat',
    'assistant.kb.view',
    'assistant.kb.manage',
    'assistant.metrics',
  ],
  admin: [
    'console.access',
    'catalog.view',
    'catalog.manage',
    'users.read',
    'users.manage',
    'tokens.manage',
    'system.info',
    'complaints.file',
    'complaints.read',
    'complaints.assign',
    'teams.manage',
    'macros.manage',
    'audit.read',
    'merchants.manage',
    'external.manage',
    'external.update',
    'sla.view',
    'sla.manage',
    'escalation.handle',
    'notifications.manage',
    'assistant.kb.view',
    'assistant.kb.manage',
    'assistant.metrics',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
