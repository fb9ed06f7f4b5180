// 时效与日历: the business calendars clocks count on (holidays and 调休 per year), an SLA 预览 to
// check a due time against them, the SLA policy of every problem type and the escalation rules.
// Everyone with sla.view reads it; admins (sla.manage) edit calendars, policies and rules.
import { Card, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { CalendarPreview } from './CalendarPreview';
import { CalendarTab } from './CalendarTab';
import { PolicyTab } from './PolicyTab';
import { RuleTab } from './RuleTab';
import './admin-sla.css';

const TABS = ['calendars', 'preview', 'policies', 'rules'] as const;
type Tab = (typeof TABS)[number];

export default function SlaAdminPage() {
  const { t } = useTranslation();
  const canManage = useAuth().can('sla.manage');
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'calendars';

  const panes: Record<Tab, ReactNode> = {
    calendars: <CalendarTab canManage={canManage} />,
    preview: <CalendarPreview />,
    policies: <PolicyTab canManage={canManage} />,
    rules: <RuleTab canManage={canManage} />,
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('slaAdmin.nav.sla')}
        </Typography.Title>
      }
      extra={
        <Typography.Text type="secondary" data-testid="sla-mode">
          {canManage ? t('slaAdmin.manageMode') : t('slaAdmin.readOnlyMode')}
        </Typography.Text>
      }
      data-testid="sla-admin-page"
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'calendars' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`sla-tab-${key}`}>{t(`slaAdmin.tabs.${key}`)}</span>,
          // Only the open tab mounts, so each loads its data when first shown.
          children: tab === key && panes[key],
        }))}
      />
    </Card>
  );
}
