// 消息投递 (/console/notifications/outbox, admins): the SMS, email and WeChat messages waiting,
// sent, held back or failed, by status with counts. Dead letters (死信) stand out and can be
// sent again with a fresh set of attempts, as can messages held for a channel not set up.
import { ClockCircleOutlined, RedoOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Input,
  Select,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  NOTIFY_CHANNELS,
  OUTBOX_STATUSES,
  type NotifyChannel,
  type OutboxStatus,
  type OutboxView,
} from '../../../shared/notifications';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import { useOutbox, useRetryOutbox } from './api';
import './notifications.css';
import './outbox.css';

const STATUS_COLOUR: Record<OutboxStatus, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  dead: 'red',
  suppressed: 'default',
};

/** The bell is not in the outbox (in-app entries are written directly), so not offered. */
const OUTBOX_CHANNELS = NOTIFY_CHANNELS.filter((c) => c !== 'in_app');

function RetryButton({ row }: { row: OutboxView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const retry = useRetryOutbox();
  return (
    <Button
      size="small"
      type={row.status === 'dead' ? 'primary' : 'default'}
      icon={<RedoOutlined />}
      loading={retry.isPending}
      onClick={() =>
        retry.mutate(row.id, {
          onSuccess: () => void message.success(t('notifications.outbox.retried')),
          onError: (error) => void message.error(errorMessage(error, t)),
        })
      }
      data-testid="outbox-retry"
    >
      {t('notifications.outbox.retry')}
    </Button>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [params, setParams] = useSearchParams();
  const p = 'notifications.outbox';
  const rawStatus = params.get('status');
  const status = (OUTBOX_STATUSES as readonly string[]).includes(rawStatus ?? '')
    ? (rawStatus as OutboxStatus)
    : undefined;
  const rawChannel = params.get('channel');
  const channel = (OUTBOX_CHANNELS as readonly string[]).includes(rawChannel ?? '')
    ? (rawChannel as NotifyChannel)
    : undefined;
  const number = params.get('number') ?? undefined;
  const outbox = useOutbox({ status, channel, number });
  const counts = outbox.data?.counts ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);

  const set = (key: string, value: string | undefined) => {
    const out = new URLSearchParams(params);
    if (value) out.set(key, value);
    else out.delete(key);
    setParams(out, { replace: true });
  };

  /** Under the status: when it went, when it goes next, or how often it was tried. */
  const statusNote = (row: OutboxView) => {
    if (row.status === 'sent' && row.sentAt) {
      return (
        <div className="nt-muted">{t(`${p}.sentWhen`, { time: formatDateTime(row.sentAt) })}</div>
      );
    }
    if (row.status === 'pending' && row.deferredReason === 'quiet_hours') {
      return (
        <div className="nt-quiet" data-testid="outbox-quiet">
          <ClockCircleOutlined />{' '}
          {t(`${p}.quietUntil`, { time: formatDateTime(row.nextAttemptAt) })}
        </div>
      );
    }
    const tried = t(`${p}.tried`, { attempts: row.attempts, max: row.maxAttempts });
    if (row.status === 'pending' || row.status === 'sending') {
      return (
        <div className="nt-muted">
          {t(`${p}.nextWhen`, { time: formatDateTime(row.nextAttemptAt) })}
          {row.attempts > 0 && ` · ${tried}`}
        </div>
      );
    }
    return <div className={row.status === 'dead' ? 'nt-attempts-dead' : 'nt-muted'}>{tried}</div>;
  };

  const columns: TableColumnsType<OutboxView> = [
    {
      title: t(`${p}.createdAt`),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      render: (at: string) => <span className="nt-nowrap">{formatDateTime(at)}</span>,
    },
    {
      title: t(`${p}.node`),
      key: 'node',
      width: 210,
      render: (_, row) => (
        <div className="nt-outbox-node">
          <span>
            {t(`notifications.node.${row.node}`, { defaultValue: row.node })}{' '}
            <Tag className="nt-outbox-channel">{t(`notifications.channel.${row.channel}`)}</Tag>
          </span>
          {row.complaintNumber && (
            <Link to={`/console/complaints/${row.complaintNumber}`} className="nt-mono nt-nowrap">
              {row.complaintNumber}
            </Link>
          )}
        </div>
      ),
    },
    {
      title: t(`${p}.recipient`),
      dataIndex: 'recipient',
      key: 'recipient',
      width: 200,
      ellipsis: true,
      render: (r: string) => (
        <span className="nt-mono" title={r}>
          {r}
        </span>
      ),
    },
    {
      title: t(`${p}.state`),
      key: 'status',
      width: 210,
      render: (_, row) => (
        <div data-testid="outbox-status" data-status={row.status} className="nt-outbox-state">
          <Tag color={STATUS_COLOUR[row.status]}>{t(`${p}.status.${row.status}`)}</Tag>
          {statusNote(row)}
        </div>
      ),
    },
    {
      title: t(`${p}.lastError`),
      dataIndex: 'lastError',
      key: 'lastError',
      ellipsis: { showTitle: false },
      // Red while it is why a message failed; grey once the message is on its way again.
      render: (e: string | null, row) =>
        e ? (
          <Tooltip title={e} placement="topLeft">
            <span className={row.status === 'dead' ? 'nt-error-text' : 'nt-muted'}>{e}</span>
          </Tooltip>
        ) : (
          <span className="nt-muted">—</span>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 92,
      render: (_, row) =>
        row.status === 'dead' || row.status === 'suppressed' ? <RetryButton row={row} /> : null,
    },
  ];

  const tabLabel = (s: OutboxStatus | 'all') => {
    const count = s === 'all' ? total : (counts[s] ?? 0);
    return (
      <span
        data-testid={`outbox-tab-${s}`}
        className={s === 'dead' && count > 0 ? 'nt-tab-dead' : undefined}
      >
        {t(`${p}.status.${s}`)}
        <Badge
          count={count}
          showZero
          overflowCount={9999}
          className="nt-tab-count"
          color={s === 'dead' && count > 0 ? '#cf1322' : s === 'all' ? '#1f5fbf' : '#bfbfbf'}
        />
      </span>
    );
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`${p}.title`)}
        </Typography.Title>
      }
      data-testid="outbox-page"
    >
      <Typography.Paragraph type="secondary">{t(`${p}.intro`)}</Typography.Paragraph>
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(key) => set('status', key === 'all' ? undefined : key)}
        items={(['all', ...OUTBOX_STATUSES] as const).map((s) => ({ key: s, label: tabLabel(s) }))}
        tabBarExtraContent={
          <div className="nt-outbox-filters">
            <Select<NotifyChannel | ''>
              value={channel ?? ''}
              onChange={(value) => set('channel', value || undefined)}
              options={[
                { value: '', label: t(`${p}.channelAll`) },
                ...OUTBOX_CHANNELS.map((c) => ({
                  value: c,
                  label: t(`notifications.channel.${c}`),
                })),
              ]}
              style={{ width: 120 }}
              data-testid="outbox-channel"
            />
            <Input.Search
              allowClear
              defaultValue={number}
              placeholder={t(`${p}.numberPlaceholder`)}
              onSearch={(value) => set('number', value.trim() || undefined)}
              style={{ width: 230 }}
              data-testid="outbox-number"
            />
          </div>
        }
      />
      {outbox.isError && !outbox.data ? (
        <ErrorResult error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={outbox.data?.items ?? []}
          // Another tab's rows stay on screen while this tab's load: say so rather than mislead.
          loading={outbox.isFetching && (outbox.isPlaceholderData || !outbox.data)}
          scroll={{ x: 1000 }}
          rowClassName={(row) => (row.status === 'dead' ? 'nt-row-dead' : '')}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { count: n }),
          }}
          locale={{
            emptyText: (
              <div style={{ padding: '24px 0' }} data-testid="outbox-empty">
                {t(status === 'dead' ? `${p}.emptyDead` : `${p}.empty`)}
              </div>
            ),
          }}
          data-testid="outbox-table"
        />
      )}
    </Card>
  );
}
