// 升级提醒 (/console/alerts): what the escalation rules raised for supervisors (a case untreated
// for 48 h, overdue, with no progress for days …). A supervisor opens the case, acknowledges the
// alert and, where one team cannot finish it alone, adds a second team to assist (协查).
import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { EscalationAlert } from '../../../shared/sla';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useLive } from '../casework/live';
import { ALERTS_KEY, useAcknowledgeAlert, useAlerts, type AlertFilter } from './api';
import { AssistTeamButton } from './AssistTeamButton';
import '../console-complaints/console-complaints.css';
import './clocks.css';

function AcknowledgeButton({ alert }: { alert: EscalationAlert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const acknowledge = useAcknowledgeAlert();
  return (
    <Button
      size="small"
      type="primary"
      icon={<CheckOutlined />}
      loading={acknowledge.isPending && acknowledge.variables === alert.id}
      onClick={() =>
        acknowledge.mutate(alert.id, {
          onSuccess: () => void message.success(t('slaClocks.alerts.acknowledged')),
          onError: (error) => void message.error(errorMessage(error, t)),
        })
      }
      data-testid="alert-acknowledge"
    >
      {t('slaClocks.alerts.acknowledge')}
    </Button>
  );
}

/**
 * "3 个工作日无进展：跨部门协查": what happened, then (muted, on its own line) what the rule does,
 * so a narrow cell breaks at the colon rather than mid-word.
 */
function RuleName({ code, name }: { code: string; name: string }) {
  const cut = name.search(/[：:]/);
  const head = cut > 0 ? name.slice(0, cut) : name;
  const tail = cut > 0 ? name.slice(cut + 1).trim() : '';
  return (
    <div data-testid="alert-rule" data-rule={code}>
      <div>{head}</div>
      {tail && <div className="slc-clock-notes">{tail}</div>}
    </div>
  );
}

export default function AlertsPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter: AlertFilter = params.get('state') === 'all' ? 'all' : 'open';
  const alerts = useAlerts(filter);
  // A complaint that changes may have raised or settled an alert.
  useLive(() => void queryClient.invalidateQueries({ queryKey: [ALERTS_KEY] }));

  const columns: TableColumnsType<EscalationAlert> = [
    {
      title: t('slaClocks.alerts.number'),
      dataIndex: 'complaintNumber',
      key: 'number',
      width: 190,
      render: (number: string) => (
        <Link to={`/console/complaints/${number}`} className="cc-number" data-testid="alert-number">
          {number}
        </Link>
      ),
    },
    {
      title: t('slaClocks.alerts.rule'),
      key: 'rule',
      render: (_, alert) => <RuleName code={alert.ruleCode} name={local(alert.ruleName)} />,
    },
    {
      title: t('slaClocks.alerts.at'),
      dataIndex: 'createdAt',
      key: 'at',
      width: 150,
      render: (at: string) => <span className="slc-nowrap">{formatDateTime(at)}</span>,
    },
    {
      title: t('slaClocks.alerts.assist'),
      key: 'assist',
      width: 170,
      render: (_, alert) =>
        alert.assistTeams.length ? (
          <span className="slc-inline" data-testid="alert-assist-teams">
            {alert.assistTeams.map((team) => (
              <Tag key={team.code} color="geekblue" className="slc-badge">
                {local(team.name)}
              </Tag>
            ))}
          </span>
        ) : (
          <span className="slc-muted" data-testid="alert-assist-teams">
            —
          </span>
        ),
    },
    {
      title: t('slaClocks.alerts.status'),
      key: 'status',
      width: 150,
      render: (_, alert) =>
        alert.acknowledgedAt ? (
          <div data-testid="alert-status" data-acknowledged="true">
            <Tag color="default" className="slc-badge">
              {t('slaClocks.alerts.acknowledgedBy', { by: alert.acknowledgedBy ?? '—' })}
            </Tag>
            <div className="slc-clock-notes">{formatDateTime(alert.acknowledgedAt)}</div>
          </div>
        ) : (
          <Tag color="red" className="slc-badge" data-testid="alert-status">
            {t('slaClocks.alerts.pending')}
          </Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 224,
      fixed: 'right',
      render: (_, alert) => (
        <span className="slc-inline">
          {!alert.acknowledgedAt && <AcknowledgeButton alert={alert} />}
          <AssistTeamButton
            number={alert.complaintNumber}
            exclude={alert.assistTeams}
            size="small"
            testId="alert-assist-add"
          />
        </span>
      ),
    },
  ];

  const rows = alerts.data ?? [];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('slaClocks.alerts.title')}
        </Typography.Title>
      }
      extra={
        <Segmented<AlertFilter>
          value={filter}
          onChange={(next) => {
            const out = new URLSearchParams(params);
            if (next === 'all') out.set('state', 'all');
            else out.delete('state');
            setParams(out, { replace: true });
          }}
          options={[
            { value: 'open', label: t('slaClocks.alerts.open') },
            { value: 'all', label: t('slaClocks.alerts.all') },
          ]}
          data-testid="alerts-filter"
        />
      }
      data-testid="alerts-page"
    >
      <Typography.Paragraph type="secondary">{t('slaClocks.alerts.intro')}</Typography.Paragraph>
      {alerts.isError && !alerts.data ? (
        <ErrorResult error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={alerts.isFetching && !alerts.data}
          scroll={{ x: 1000 }}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          locale={{
            emptyText: (
              <div style={{ padding: '24px 0' }} data-testid="alerts-empty">
                {t(filter === 'open' ? 'slaClocks.alerts.empty' : 'slaClocks.alerts.emptyAll')}
              </div>
            ),
          }}
          data-testid="alerts-table"
        />
      )}
    </Card>
  );
}
