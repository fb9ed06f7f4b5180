import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../app/types';

const COLORS: Record<Priority, string> = { red: 'red', yellow: 'gold', green: 'green' };

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COLORS[priority]}
      variant="outlined"
      style={{ marginInlineEnd: 0 }}
      data-testid="priority-tag"
    >
      {t(`priority.${priority}`)}
    </Tag>
  );
}
