// 我的工作台: my work (what the assigner gave me, most urgent first) and, per team of mine, the
// complaints waiting for someone, red first, to claim, each with the time left on its SLA clock
// (which matters more here than when it was filed). Live: new and changed complaints show up
// without reloading.
import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ComplaintSummary } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useListColumns } from '../console-complaints/listColumns';
import { useClaim, useQueueList, useQueues } from './api';
import { TagFilter } from './CaseTags';
import { useLive, type LiveStatus } from './live';
import { MyAvailability } from './MyAvailability';
import '../console-complaints/console-complaints.css';
import './casework.css';

const MINE = 'mine';
const PAGE_SIZE = 20;

function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`caseWork.live.help.${status}`)}>
      <span className="cw-live" data-testid="live-status" data-status={status}>
        <span className={status === 'open' ? 'cw-live-dot cw-live-dot-open' : 'cw-live-dot'} />
        {t(`caseWork.live.status.${status}`)}
      </span>
    </Tooltip>
  );
}

function ClaimButton({ row }: { row: ComplaintSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const claim = useClaim(row.number);
  return (
    <Button
      size="small"
      type="primary"
      icon={<CheckOutlined />}
      loading={claim.isPending}
      onClick={(event) => {
        event.stopPropagation();
        claim.mutate(undefined, {
          onSuccess: () =>
            void message.success({
              content: (
                <span>
                  {t('caseWork.queue.claimed', { number: row.number })}{' '}
                  <Typography.Link
                    onClick={() => void navigate(`/console/complaints/${row.number}`)}
                  >
                    {t('caseWork.queue.open')}
                  </Typography.Link>
                </span>
              ),
            }),
          onError: (error) => void message.error(errorMessage(error, t)),
        });
      }}
      data-testid="queue-claim"
    >
      {t('caseWork.assign.claim')}
    </Button>
  );
}

function QueueTable({ team, tag }: { team: string | null; tag: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQueueList({
    assignee: team ? 'none' : 'me',
    team: team ?? undefined,
    tag,
    page,
    pageSize: PAGE_SIZE,
  });
  const base = useListColumns(
    team
      ? ['number', 'type', 'description', 'tags', 'status', 'sla']
      : ['number', 'type', 'description', 'tags', 'status', 'sla', 'complainant'],
  );
  const columns: TableColumnsType<ComplaintSummary> = team
    ? [
        ...base,
        {
          title: t('common.actions'),
          key: 'claim',
          width: 96,
          fixed: 'right',
          render: (_, row) => (row.assignee ? null : <ClaimButton row={row} />),
        },
      ]
    : base;

  if (list.isError && !list.data) {
    return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  }
  return (
    <Table
      rowKey="number"
      size="middle"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching && !list.data}
      scroll={{ x: 1000 }}
      rowClassName={(row) =>
        row.priority === 'red' || row.flags.length ? 'cc-row cc-row-flagged' : 'cc-row'
      }
      onRow={(row) => ({ onClick: () => void navigate(`/console/complaints/${row.number}`) })}
      locale={{
        emptyText: (
          <div style={{ padding: '24px 0' }} data-testid="queue-empty">
            {t(team ? 'caseWork.queue.emptyTeam' : 'caseWork.queue.emptyMine')}
          </div>
        ),
      }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: list.data?.total ?? 0,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { count: total }),
        onChange: (next) => {
          const out = new URLSearchParams(params);
          if (next > 1) out.set('page', String(next));
          else out.delete('page');
          setParams(out, { replace: true });
        },
      }}
      data-testid={team ? `queue-table-${team}` : 'queue-table-mine'}
    />
  );
}

export default function QueuePage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const [params, setParams] = useSearchParams();
  const queues = useQueues();
  const live = useLive();
  const tab = params.get('tab') ?? MINE;
  const tag = params.get('tag') || undefined;

  const set = (patch: Record<string, string | undefined>) => {
    const out = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) out.set(key, value);
      else out.delete(key);
    }
    out.delete('page');
    setParams(out, { replace: true });
  };

  const mine = queues.data?.mine;
  const teams = queues.data?.teams ?? [];

  const label = (text: string, count: number | undefined, red: number | undefined, id: string) => (
    <span className="cw-tab-label" data-testid={`queue-tab-${id}`}>
      {text}
      <Badge
        count={count ?? 0}
        showZero
        overflowCount={999}
        // Grey when empty, so the queues with work stand out.
        color={count ? (id === MINE ? '#1f5fbf' : '#fa8c16') : '#bfbfbf'}
        data-testid={`queue-count-${id}`}
      />
      {red ? (
        <Tooltip title={t('caseWork.queue.redHelp')}>
          <Badge count={red} overflowCount={999} data-testid={`queue-red-${id}`} />
        </Tooltip>
      ) : null}
    </span>
  );

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseWork.queue.title')}
        </Typography.Title>
      }
      extra={<LiveIndicator status={live} />}
      data-testid="queue-page"
      data-live={live}
    >
      {queues.isError && !queues.data ? (
        <ErrorResult error={queues.error} onRetry={() => void queues.refetch()} />
      ) : (
        <>
          <div className="cw-queue-head" style={{ marginBottom: 8 }}>
            <div className="cw-stats">
              <Statistic
                title={t('caseWork.queue.mineOpen')}
                value={mine?.open ?? '—'}
                loading={queues.isPending}
                data-testid="queue-stat-open"
              />
              <Statistic
                title={t('caseWork.queue.mineRed')}
                value={mine?.red ?? '—'}
                loading={queues.isPending}
                styles={{ content: mine?.red ? { color: '#cf1322' } : undefined }}
                data-testid="queue-stat-red"
              />
              <Statistic
                title={t('caseWork.queue.teamsWaiting')}
                value={queues.data ? teams.reduce((sum, team) => sum + team.waiting, 0) : '—'}
                loading={queues.isPending}
                data-testid="queue-stat-waiting"
              />
            </div>
            <MyAvailability />
          </div>
          <Tabs
            activeKey={tab}
            onChange={(key) => set({ tab: key === MINE ? undefined : key })}
            tabBarExtraContent={
              <TagFilter
                value={tag}
                onChange={(next) => set({ tag: next })}
                testId="queue-tag-filter"
              />
            }
            items={[
              {
                key: MINE,
                label: label(t('caseWork.queue.mine'), mine?.open, mine?.red, MINE),
                children: tab === MINE && <QueueTable team={null} tag={tag} />,
              },
              ...teams.map((team) => ({
                key: team.code,
                label: label(local(team.name), team.waiting, team.waitingRed, team.code),
                children: tab === team.code && <QueueTable team={team.code} tag={tag} />,
              })),
            ]}
          />
        </>
      )}
    </Card>
  );
}
