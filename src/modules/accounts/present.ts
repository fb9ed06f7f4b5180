import { maskEmail, maskPhone } from '../../server/lib/masking.js';
import type { PublicUser } from '../../shared/accounts.js';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../../shared/roles.js';
import type { UserRow } from './repository.js';

/**
 * How a user is shown in API responses: phones always masked; a complainant's email masked too
 * (staff emails are work addresses the console needs to show).
 */
export function presentUser(u: UserRow): PublicUser {
  const role = u.role as Role;
  return {
    id: u.id,
    role,
    name: u.name,
    email: u.email ? (role === 'complainant' ? maskEmail(u.email) : u.email) : null,
    phone: u.phone ? maskPhone(u.phone) : null,
    merchantId: u.merchantId,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
  };
}

export function presentUserListItem(u: UserRow) {
  return {
    ...presentUser(u),
    status: u.status as 'active' | 'disabled',
    createdAt: u.createdAt.toISOString(),
  };
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}
