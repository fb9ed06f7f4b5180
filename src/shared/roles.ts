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
  ],
  expert: [
    'console.access',
    'catalog.view',
    'system.info',
    'complaints.file',
    'complaints.read',
    'complaints.work',
    'complaints.reconsider',
  ],
  merchant: ['console.access', 'system.info'],
  supervisor: [
    'console.access',
    'catalog.view',
    'users.read',
    'system.info',
    'complaints.file',
    'complaints.read',
    'complaints.work',
    'complaints.reconsider',
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
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
