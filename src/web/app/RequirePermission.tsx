// Shows the 403 page instead of a console page the session's permissions do not allow.
import type { ReactNode } from 'react';
import { ForbiddenResult } from '../features/errors/Forbidden';
import { useAuth } from './auth';
import type { Permission } from './types';

export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <ForbiddenResult />;
}
