// 知识库 (/console/assistant/kb): the assistant's questions and answers. Everyone with access
// reads the entries, their history and the recent changes, and tries questions on the 测试 tab;
// supervisors and admins also edit, import, and set the soothing scripts and handoff settings.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { KbChanges } from './KbChanges';
import { KbEntries } from './KbEntries';
import { KbScripts } from './KbScripts';
import { KbSettings } from './KbSettings';
import { KbTest } from './KbTest';
import './console.css';

export default function KbPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('assistant.kb.manage');
  const [params, setParams] = useSearchParams();
  const tabs = [
    {
      key: 'entries',
      label: t('assistant.kb.tab.entries'),
      children: <KbEntries canManage={canManage} />,
    },
    { key: 'test', label: t('assistant.kb.tab.test'), children: <KbTest /> },
    { key: 'changes', label: t('assistant.kb.tab.changes'), children: <KbChanges /> },
    ...(canManage
      ? [
          { key: 'scripts', label: t('assistant.kb.tab.scripts'), children: <KbScripts /> },
          { key: 'settings', label: t('assistant.kb.tab.settings'), children: <KbSettings /> },
        ]
      : []),
  ];
  const wanted = params.get('tab');
  const active = tabs.some((tab) => tab.key === wanted) ? (wanted as string) : 'entries';
  return (
    <div data-testid="kb-page">
      <Typography.Title level={3} className="page-title">
        {t('assistant.nav.kb')}
      </Typography.Title>
      <Typography.Paragraph className="page-intro">
        {canManage ? t('assistant.kb.intro') : t('assistant.kb.introReadOnly')}
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'entries' ? {} : { tab: key }, { replace: true })}
        items={tabs.map((tab) => ({
          ...tab,
          label: <span data-testid={`kb-tab-${tab.key}`}>{tab.label}</span>,
        }))}
        destroyOnHidden
      />
    </div>
  );
}
