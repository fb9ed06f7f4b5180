import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../app/types';

const COLORS: Record<Role, string> = {
  complainant: 'default',
  agent: 'blue',
  expert: 'purple',
  supervisor: 'geekblue',
  merchant: 'orange',
  admin: 'magenta',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[role]} style={{ marginInlineEnd: 0 }} data-testid="role-tag">
      {t(`role.${role}`, { defaultValue: role })}
    </Tag>
  );
}
