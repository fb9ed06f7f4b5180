// 已催办 2 次，最近 …: the complainant is waiting and said so; the agent sees it first thing.
import { BellOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PressState } from '../../../shared/sla';
import { useFormatDateTime } from '../../shared/text';
import './clocks.css';

export function PressTag({ press }: { press: PressState | null | undefined }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!press || press.count === 0) return null;
  return (
    <Tooltip title={t('slaClocks.press.help')}>
      <Tag
        color="volcano"
        icon={<BellOutlined />}
        className="slc-badge slc-press"
        data-testid="press-count"
        data-count={press.count}
      >
        {press.lastAt
          ? t('slaClocks.press.countLast', {
              count: press.count,
              time: formatDateTime(press.lastAt),
            })
          : t('slaClocks.press.count', { count: press.count })}
      </Tag>
    </Tooltip>
  );
}
