// People who take complaints: load against capacity, languages, skills, hours, absence, and
// whether the assigner would give them work right now.
import { EditOutlined } from '@ant-design/icons';
import { Badge, Button, Progress, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfile } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { RoleTag } from '../../shared/RoleTag';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { asRole } from '../console-complaints/timelineLabels';
import { AgentDrawer } from './AgentDrawer';
import { useAgents } from './api';
import { useHoursText } from './hours';

export function PeopleTab() {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const hoursText = useHoursText();
  const agents = useAgents();
  const [editing, setEditing] = useState<AgentProfile | null>(null);

  const absence = (a: AgentProfile) => {
    if (!a.absentUntil && !a.absentFrom) return <span className="cw-muted">—</span>;
    const ended = a.absentUntil && new Date(a.absentUntil).getTime() < Date.now();
    if (ended) return <span className="cw-muted">—</span>;
    return (
      <span data-testid="agent-absence-text">
        {a.absentFrom && `${formatDateTime(a.absentFrom)} `}
        {t('caseWork.people.until', { at: formatDateTime(a.absentUntil) })}
      </span>
    );
  };

  const columns: TableColumnsType<AgentProfile> = [
    {
      title: t('caseWork.people.name'),
      key: 'name',
      width: 150,
      render: (_, a) => {
        const role = asRole(a.role);
        return (
          <Space size={6}>
            <b>{a.name}</b>
            {role && <RoleTag role={role} />}
          </Space>
        );
      },
    },
    {
      title: t('caseWork.people.status'),
      key: 'available',
      width: 100,
      render: (_, a) => (
        <Tooltip title={t('caseWork.people.availableHelp')}>
          <Badge
            status={a.available ? 'success' : 'default'}
            text={a.available ? t('caseWork.people.available') : t('caseWork.people.unavailable')}
          />
        </Tooltip>
      ),
    },
    {
      title: t('caseWork.people.load'),
      key: 'load',
      width: 120,
      render: (_, a) => (
        <div data-testid="agent-load">
          <span data-testid="agent-capacity-text">
            {t('caseWork.people.loadOf', { load: a.load, capacity: a.capacity })}
          </span>
          <Progress
            percent={a.capacity ? Math.min(100, Math.round((a.load / a.capacity) * 100)) : 100}
            size="small"
            showInfo={false}
            status={a.load >= a.capacity ? 'exception' : 'normal'}
          />
        </div>
      ),
    },
    {
      title: t('caseWork.people.teams'),
      key: 'teams',
      width: 260,
      render: (_, a) =>
        a.teams.length ? (
          <span className="cw-tags">
            {a.teams.map((team) => (
              <Tag key={team.code} style={{ marginInlineEnd: 0 }}>
                {local(team.name)}
              </Tag>
            ))}
          </span>
        ) : (
          <span className="cw-muted">{t('caseWork.people.noTeams')}</span>
        ),
    },
    {
      title: t('caseWork.people.languagesSkills'),
      key: 'languages',
      width: 110,
      render: (_, a) => (
        <div>
          <div>
            {a.languages.length
              ? a.languages
                  .map((code) => t(`caseWork.language.${code}`, { defaultValue: code }))
                  .join(t('caseWork.hours.sep'))
              : '—'}
          </div>
          {a.skills.length > 0 && (
            <div className="cw-muted" style={{ fontSize: 12 }}>
              {a.skills.join(t('caseWork.hours.sep'))}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('caseWork.people.hours'),
      key: 'hours',
      width: 100,
      render: (_, a) => hoursText(a.hours),
    },
    {
      title: t('caseWork.people.absence'),
      key: 'absence',
      width: 130,
      render: (_, a) => absence(a),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, a) => (
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => setEditing(a)}
          data-testid={`agent-edit-${a.userId}`}
        >
          {t('caseWork.edit')}
        </Button>
      ),
    },
  ];

  if (agents.isError && !agents.data) {
    return <ErrorResult error={agents.error} onRetry={() => void agents.refetch()} />;
  }
  return (
    <>
      <Table
        rowKey="userId"
        size="middle"
        columns={columns}
        dataSource={agents.data ?? []}
        loading={agents.isPending}
        pagination={false}
        scroll={{ x: 1050 }}
        locale={{ emptyText: t('caseWork.people.empty') }}
        data-testid="agents-table"
      />
      <AgentDrawer agent={editing} onClose={() => setEditing(null)} />
    </>
  );
}
