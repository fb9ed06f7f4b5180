// 团队与分派: the teams and who is in them, the people with their capacity, languages, hours and
// absence, and the routing rules that send each problem type to a team.
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PeopleTab } from './PeopleTab';
import { RulesTab } from './RulesTab';
import { TeamsTab } from './TeamsTab';
import './casework.css';

const TABS = ['teams', 'people', 'rules'] as const;
type Tab = (typeof TABS)[number];

export default function TeamsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'teams';

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseWork.teams.title')}
        </Typography.Title>
      }
      data-testid="teams-page"
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'teams' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'teams',
            label: <span data-testid="teams-tab-teams">{t('caseWork.teams.tabTeams')}</span>,
            children: tab === 'teams' && <TeamsTab />,
          },
          {
            key: 'people',
            label: <span data-testid="teams-tab-people">{t('caseWork.teams.tabPeople')}</span>,
            children: tab === 'people' && <PeopleTab />,
          },
          {
            key: 'rules',
            label: <span data-testid="teams-tab-rules">{t('caseWork.teams.tabRules')}</span>,
            children: tab === 'rules' && <RulesTab />,
          },
        ]}
      />
    </Card>
  );
}
