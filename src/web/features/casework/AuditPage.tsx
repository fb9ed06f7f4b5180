// 审计日志: who did what to which record, newest first, including every reveal of personal data.
// Filter by complaint number, person or action; more loads on demand.
import { Button, Card, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { COMPLAINT_STATUSES, type AuditEntry, type ComplaintStatus } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { RoleTag } from '../../shared/RoleTag';
import { useFormatDateTime } from '../../shared/text';
import { useStatusLabel } from '../console-complaints/tags';
import { asRole } from '../console-complaints/timelineLabels';
import { useUsers } from '../users/api';
import { useAudit, type AuditFilter } from './api';
import './casework.css';

// The actions people look for most; any other can be typed in.
const COMMON_ACTIONS = [
  'complaint.pii_revealed',
  'complaint.note',
  'complaint.reply',
  'complaint.tags_changed',
  'complaint.assigned',
  'complaint.reassigned',
  'complaint.escalated',
  'complaint.request_materials',
  'complaint.resolve',
  'complaint.reject',
  'team.create',
  'team.update',
  'team.members',
  'agent.update',
  'agent.availability',
  'routing_rule.set',
  'routing_rule.delete',
  'macro.create',
  'macro.update',
];

/** The action in words: complaint.<event or action> reuses the timeline's names. */
function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const own = t(`caseWork.audit.action.${action.replace(/\./g, '_')}`, { defaultValue: '' });
    if (own) return own;
    const [scope, rest] = action.split(/\.(.*)/s);
    if (scope === 'complaint' && rest) {
      const name =
        t(`consoleComplaints.action.${rest}`, { defaultValue: '' }) ||
        t(`consoleComplaints.timeline.event.${rest}`, { defaultValue: '' });
      if (name) return t('caseWork.audit.onComplaint', { name });
    }
    return action;
  };
}

function isStatus(value: unknown): value is ComplaintStatus {
  return typeof value === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

/** The facts of an entry: a stage change in words, the field read, whether it was internal. */
function DataCell({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const field = typeof data.field === 'string' ? data.field : null;
  const move = isStatus(data.from) && isStatus(data.to) ? ([data.from, data.to] as const) : null;
  const shown = new Set(['seq', 'type', 'field', 'internal', ...(move ? ['from', 'to'] : [])]);
  const rest = Object.entries(data).filter(([key]) => !shown.has(key));
  if (!field && !move && !data.internal && rest.length === 0) {
    return <span className="cw-muted">—</span>;
  }
  return (
    <div className="cw-tags">
      {move && (
        <span data-testid="audit-move">
          {statusLabel(move[0])} → {statusLabel(move[1])}
        </span>
      )}
      {field && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="audit-field">
          {t(`caseWork.reveal.field.${field}`, {
            defaultValue: field.startsWith('fields.') ? field.slice(7) : field,
          })}
        </Tag>
      )}
      {data.internal === true && (
        <Tag style={{ marginInlineEnd: 0 }}>{t('consoleComplaints.timeline.internal')}</Tag>
      )}
      {rest.length > 0 && (
        <span className="cw-audit-data">
          {rest
            .map(
              ([key, value]) =>
                `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
            )
            .join(' · ')}
        </span>
      )}
    </div>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const actionLabel = useActionLabel();
  const [params, setParams] = useSearchParams();
  const [actorSearch, setActorSearch] = useState('');
  // Staff accounts to filter by (the audit records staff actions, the person's "user:<id>").
  const users = useUsers({ q: actorSearch || undefined, page: 1, pageSize: 50 });
  const actorOptions = (users.data?.items ?? [])
    .filter((u) => u.role !== 'complainant')
    .map((u) => ({ value: `user:${u.id}`, label: `${u.name}（${t(`role.${u.role}`)}）` }));

  const number = params.get('number') ?? '';
  const filter: AuditFilter = {
    ...(number ? { targetType: 'complaint', targetId: number.toUpperCase() } : {}),
    actorId: params.get('actor') || undefined,
    action: params.get('action') || undefined,
  };
  const audit = useAudit(filter);
  const rows = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const set = (key: string, value: string | undefined) => {
    const out = new URLSearchParams(params);
    if (value) out.set(key, value);
    else out.delete(key);
    setParams(out, { replace: true });
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('caseWork.audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('caseWork.audit.actor'),
      key: 'actor',
      width: 170,
      render: (_, e) => {
        const role = asRole(e.actor.role);
        return (
          <span className="cw-tags">
            {e.actor.name}
            {role && <RoleTag role={role} />}
          </span>
        );
      },
    },
    {
      title: t('caseWork.audit.actionColumn'),
      dataIndex: 'action',
      key: 'action',
      width: 190,
      render: (action: string) => (
        <div>
          <div data-testid="audit-action">{actionLabel(action)}</div>
          <Typography.Text type="secondary" className="cw-audit-data">
            {action}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('caseWork.audit.target'),
      key: 'target',
      width: 210,
      render: (_, e) =>
        e.targetType === 'complaint' && e.targetId ? (
          <Link to={`/console/complaints/${e.targetId}`} className="cc-number">
            {e.targetId}
          </Link>
        ) : (
          <span>
            {t(`caseWork.audit.targetType.${e.targetType}`, { defaultValue: e.targetType })}
            {e.targetId && <span className="cw-muted cw-audit-data"> {e.targetId}</span>}
          </span>
        ),
    },
    {
      title: t('caseWork.audit.data'),
      key: 'data',
      render: (_, e) => <DataCell data={e.data} />,
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseWork.audit.title')}
        </Typography.Title>
      }
      data-testid="audit-page"
    >
      <div className="toolbar">
        <Input.Search
          allowClear
          defaultValue={number}
          placeholder={t('caseWork.audit.numberPlaceholder')}
          style={{ width: 260 }}
          onSearch={(value) => set('number', value.trim() || undefined)}
          data-testid="audit-number"
        />
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setActorSearch }}
          placeholder={t('caseWork.audit.anyActor')}
          style={{ width: 200 }}
          loading={users.isFetching}
          value={params.get('actor') || undefined}
          onChange={(value: string | undefined) => set('actor', value)}
          options={actorOptions}
          data-testid="audit-actor"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('caseWork.audit.anyAction')}
          style={{ width: 220 }}
          value={params.get('action') || undefined}
          onChange={(value: string | undefined) => set('action', value)}
          options={COMMON_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          optionFilterProp="label"
          data-testid="audit-action-filter"
        />
      </div>
      {audit.isError && !audit.data ? (
        <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <>
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={audit.isPending}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('caseWork.audit.empty') }}
            data-testid="audit-table"
          />
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            {audit.hasNextPage ? (
              <Button
                onClick={() => void audit.fetchNextPage()}
                loading={audit.isFetchingNextPage}
                data-testid="audit-more"
              >
                {t('caseWork.audit.more')}
              </Button>
            ) : (
              rows.length > 0 && (
                <Typography.Text type="secondary">{t('caseWork.audit.end')}</Typography.Text>
              )
            )}
          </div>
        </>
      )}
    </Card>
  );
}
