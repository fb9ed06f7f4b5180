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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  complainant: ['portal.access'],
  agent: ['console.access', 'catalog.view', 'system.info'],
  expert: ['console.access', 'catalog.view', 'system.info'],
  merchant: ['console.access', 'system.info'],
  supervisor: ['console.access', 'catalog.view', 'users.read', 'system.info'],
  admin: [
    'console.access',
    'catalog.view',
    'catalog.manage',
    'users.read',
    'users.manage',
    'tokens.manage',
    'system.info',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
