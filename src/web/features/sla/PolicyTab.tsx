// 时效策略: the SLA policy in force for every problem type (and the category defaults admins set):
// first response, resolution target, hard maximum, when to warn, extra days for regions, and the
// expedited target of a repeat complaint. Admins edit one in a drawer or put it back to default.
import { EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicyRow } from '../../../shared/sla';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { usePolicies, useResetPolicy } from './admin-api';
import { useSlaWords } from './admin-text';
import { PolicyDrawer, type PolicyTarget } from './PolicyDrawer';

const keyOf = (p: { categoryCode: string; typeCode: string }) => `${p.categoryCode}/${p.typeCode}`;

function ResetButton({ policy, label }: { policy: SlaPolicyRow; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reset = useResetPolicy();
  return (
    <Popconfirm
      title={t('slaAdmin.policies.resetConfirm', { name: label })}
      description={t('slaAdmin.policies.resetText')}
      okText={t('slaAdmin.policies.reset')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        reset.mutateAsync(
          { categoryCode: policy.categoryCode, typeCode: policy.typeCode },
          {
            onSuccess: () =>
              void message.success(t('slaAdmin.policies.resetDone', { name: label })),
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        )
      }
    >
      <Button
        type="link"
        size="small"
        icon={<UndoOutlined />}
        loading={reset.isPending}
        data-testid={`policy-reset-${keyOf(policy)}`}
      >
        {t('slaAdmin.policies.reset')}
      </Button>
    </Popconfirm>
  );
}

export function PolicyTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const words = useSlaWords();
  const formatDateTime = useFormatDateTime();
  const policies = usePolicies();
  const [category, setCategory] = useState<string | null>(null);
  const [target, setTarget] = useState<PolicyTarget | null>(null);

  const all = policies.data ?? [];
  const categories = [...new Map(all.map((p) => [p.categoryCode, p.categoryName])).entries()];
  // Category default rows first within their category, then the types in the server's order.
  const rows = all
    .filter((p) => !category || p.categoryCode === category)
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        categories.findIndex(([c]) => c === a.p.categoryCode) -
          categories.findIndex(([c]) => c === b.p.categoryCode) ||
        Number(a.p.typeCode !== '') - Number(b.p.typeCode !== '') ||
        a.i - b.i,
    )
    .map(({ p }) => p);
  const span = (index: number) => {
    const code = rows[index]?.categoryCode;
    if (index > 0 && rows[index - 1]?.categoryCode === code) return 0;
    let n = 1;
    while (rows[index + n]?.categoryCode === code) n++;
    return n;
  };
  // A type without its own row shows its category's default (the server says so).
  const inherited = (p: SlaPolicyRow) => p.source === 'category';
  const label = (p: SlaPolicyRow) =>
    p.typeName
      ? `${local(p.categoryName)} / ${local(p.typeName)}`
      : `${local(p.categoryName)} / ${t('slaAdmin.policies.categoryDefault')}`;

  const columns: TableColumnsType<SlaPolicyRow> = [
    {
      title: t('slaAdmin.policies.category'),
      key: 'category',
      width: 112,
      fixed: 'left',
      onCell: (_, index) => ({ rowSpan: span(index ?? 0) }),
      render: (_, p) => <span className="sla-strong sla-keep">{local(p.categoryName)}</span>,
    },
    {
      title: t('slaAdmin.policies.type'),
      key: 'type',
      width: 130,
      fixed: 'left',
      render: (_, p) =>
        p.typeName ? (
          <span className="sla-keep">{local(p.typeName)}</span>
        ) : (
          <Tag color="geekblue">{t('slaAdmin.policies.categoryDefault')}</Tag>
        ),
    },
    {
      title: t('slaAdmin.policies.firstResponse'),
      key: 'firstResponse',
      width: 96,
      render: (_, p) => words.duration(p.firstResponse),
    },
    {
      title: t('slaAdmin.policies.resolution'),
      key: 'resolution',
      width: 104,
      render: (_, p) => words.duration(p.resolution),
    },
    {
      title: t('slaAdmin.policies.hardMax'),
      key: 'hardMax',
      width: 104,
      render: (_, p) => words.duration(p.hardMax),
    },
    {
      title: t('slaAdmin.policies.warn'),
      key: 'warn',
      width: 72,
      align: 'right',
      render: (_, p) => `${Math.round(p.warnFraction * 100)}%`,
    },
    {
      title: t('slaAdmin.policies.regionExtras'),
      key: 'regionExtras',
      width: 128,
      render: (_, p) =>
        p.regionExtras.length ? (
          <span className="sla-tags">
            {p.regionExtras.map((r) => (
              <Tooltip key={r.code} title={r.countries.join('、')}>
                <Tag color="cyan">
                  {t('slaAdmin.policies.regionExtra', {
                    name: local(r.name),
                    count: r.extraWorkingDays,
                  })}
                </Tag>
              </Tooltip>
            ))}
          </span>
        ) : (
          <span className="sla-muted">—</span>
        ),
    },
    {
      title: t('slaAdmin.policies.repeatTarget'),
      key: 'repeatTarget',
      width: 90,
      render: (_, p) => words.duration(p.repeatTarget),
    },
    {
      title: t('slaAdmin.policies.source'),
      key: 'source',
      width: 100,
      render: (_, p) =>
        inherited(p) ? (
          <Tag color="geekblue" data-testid={`policy-source-${keyOf(p)}`}>
            {t('slaAdmin.policies.inherited')}
          </Tag>
        ) : p.source === 'custom' ? (
          <Tooltip
            title={
              p.updatedAt && t('slaAdmin.policies.savedAt', { at: formatDateTime(p.updatedAt) })
            }
          >
            <Tag color="blue" data-testid={`policy-source-${keyOf(p)}`}>
              {t('slaAdmin.policies.custom')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag data-testid={`policy-source-${keyOf(p)}`}>{t('slaAdmin.policies.default')}</Tag>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_, p) => (
        <div className="sla-actions">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setTarget({ policy: p })}
            data-testid={`policy-edit-${keyOf(p)}`}
          >
            {t('slaAdmin.edit')}
          </Button>
          {p.source === 'custom' && <ResetButton policy={p} label={label(p)} />}
        </div>
      ),
    });
  }

  if (policies.isError && !policies.data) {
    return <ErrorResult error={policies.error} onRetry={() => void policies.refetch()} />;
  }
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('slaAdmin.policies.intro')}
        description={t('slaAdmin.policies.newOnly')}
        style={{ marginBottom: 16 }}
        data-testid="policies-intro"
      />
      <div className="sla-toolbar">
        <Space wrap>
          <Select
            allowClear
            value={category}
            onChange={(v) => setCategory(v ?? null)}
            placeholder={t('slaAdmin.policies.allCategories')}
            style={{ width: 200 }}
            options={categories.map(([code, name]) => ({ value: code, label: local(name) }))}
            data-testid="policy-category-filter"
          />
          <Typography.Text type="secondary">
            {t('slaAdmin.policies.count', { count: rows.length })}
          </Typography.Text>
        </Space>
        {canManage && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setTarget({ policy: null, categoryCode: category ?? undefined })}
            data-testid="policy-new-default"
          >
            {t('slaAdmin.policies.newDefault')}
          </Button>
        )}
      </div>
      <Table
        rowKey={keyOf}
        size="middle"
        bordered
        columns={columns}
        dataSource={rows}
        loading={policies.isPending}
        pagination={false}
        rowClassName={(p) => (p.source === 'custom' ? 'sla-row-custom' : '')}
        locale={{ emptyText: t('slaAdmin.policies.empty') }}
        scroll={{ x: canManage ? 1030 : 934 }}
        data-testid="policies-table"
      />
      {canManage && <PolicyDrawer target={target} policies={all} onClose={() => setTarget(null)} />}
    </>
  );
}
