// 商户投诉: the complaints passed to this merchant, the nearest first-reply deadline first, with
// a live countdown (red under two hours or overdue).
import { Card, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MerchantPhase } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { PriorityTag } from '../../shared/PriorityTag';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useMerchantInbox, type MerchantInboxItem } from './api';
import { merchantCasePath, PhaseTag, ReplyDue } from './parts';
import './case-extras.css';

const FILTERS: readonly (MerchantPhase | 'all')[] = [
  'all',
  'awaiting_reply',
  'replied',
  'remedy_proposed',
  'remedy_accepted',
  'arbitration',
];

export default function MerchantInboxPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<MerchantPhase | 'all'>('all');
  const inbox = useMerchantInbox(filter === 'all' ? undefined : filter);

  const columns: TableColumnsType<MerchantInboxItem> = [
    {
      title: t('caseExtras.field.number'),
      dataIndex: 'number',
      key: 'number',
      width: 190,
      render: (number: string) => (
        <a
          href={merchantCasePath(number)}
          className="ce-number"
          onClick={(e) => e.preventDefault()}
        >
          {number}
        </a>
      ),
    },
    {
      title: t('caseExtras.field.description'),
      key: 'description',
      ellipsis: { showTitle: true },
      render: (_, item) => (
        <>
          <div className="ce-ellipsis" title={item.description}>
            {item.description}
          </div>
          <div className="ce-muted">
            {local(item.typeName)}
            {item.shop ? ` · ${item.shop}` : ''}
          </div>
        </>
      ),
    },
    {
      title: t('caseExtras.field.phase'),
      key: 'phase',
      width: 140,
      render: (_, item) => <PhaseTag phase={item.phase} />,
    },
    {
      title: t('caseExtras.field.replyDue'),
      key: 'due',
      width: 200,
      render: (_, item) => <ReplyDue item={item} />,
    },
    {
      title: t('caseExtras.field.priority'),
      key: 'priority',
      width: 140,
      render: (_, item) => <PriorityTag priority={item.priority} />,
    },
    {
      title: t('caseExtras.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      render: (value: string) => formatDateTime(value),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseExtras.nav.merchantInbox')}
        </Typography.Title>
      }
      data-testid="merchant-inbox"
    >
      <Typography.Paragraph type="secondary">{t('caseExtras.inbox.intro')}</Typography.Paragraph>
      <div className="ce-toolbar">
        <Segmented
          value={filter}
          onChange={(value) => setFilter(value)}
          options={FILTERS.map((value) => ({
            value,
            label: value === 'all' ? t('caseExtras.inbox.all') : t(`caseExtras.phase.${value}`),
          }))}
          data-testid="inbox-filter"
        />
      </div>
      {inbox.isError && !inbox.data ? (
        <ErrorResult error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <Table
          rowKey="number"
          columns={columns}
          dataSource={inbox.data ?? []}
          loading={inbox.isFetching}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('caseExtras.inbox.empty') }}
          rowClassName={() => 'ce-row'}
          onRow={(item) =>
            ({
              onClick: () => void navigate(merchantCasePath(item.number)),
              'data-testid': 'merchant-row',
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </Card>
  );
}
