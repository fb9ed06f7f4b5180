// 升级规则: escalation rules as data — which complaints (categories, types, priorities), the
// condition in words (受理后 48 小时未处理, 处理时限已超时 …) and the actions as tags. Admins switch a
// rule on or off, edit, create and delete; everyone else reads.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationRule } from '../../../shared/sla';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { PriorityTag } from '../../shared/PriorityTag';
import { useLocalText } from '../../shared/text';
import { useCatalog } from '../catalog/api';
import { ruleInput, useDeleteRule, useEscalationRules, useSaveRule } from './admin-api';
import { ACTION_COLOURS, useSlaWords } from './admin-text';
import { RuleDrawer } from './RuleDrawer';

function EnabledSwitch({ rule }: { rule: EscalationRule }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const save = useSaveRule();
  return (
    <Switch
      size="small"
      checked={rule.enabled}
      loading={save.isPending}
      onChange={(enabled) =>
        save.mutate(
          { id: rule.id, input: { ...ruleInput(rule), enabled } },
          {
            onSuccess: () =>
              void message.success(
                t(enabled ? 'slaAdmin.rules.enabledOn' : 'slaAdmin.rules.enabledOff', {
                  name: local(rule.name),
                }),
              ),
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        )
      }
      data-testid={`rule-enabled-${rule.code}`}
    />
  );
}

function DeleteButton({ rule }: { rule: EscalationRule }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const remove = useDeleteRule();
  return (
    <Popconfirm
      title={t('slaAdmin.rules.deleteConfirm', { name: local(rule.name) })}
      description={t('slaAdmin.rules.deleteText')}
      okText={t('slaAdmin.rules.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        remove.mutateAsync(rule.id, {
          onSuccess: () =>
            void message.success(t('slaAdmin.rules.deleted', { name: local(rule.name) })),
          onError: (error) => void message.error(errorMessage(error, t)),
        })
      }
    >
      <Button
        type="link"
        size="small"
        danger
        icon={<DeleteOutlined />}
        data-testid={`rule-delete-${rule.code}`}
      >
        {t('slaAdmin.rules.delete')}
      </Button>
    </Popconfirm>
  );
}

export function RuleTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const words = useSlaWords();
  const rules = useEscalationRules();
  const catalog = useCatalog();
  const [editing, setEditing] = useState<{ rule: EscalationRule | null } | null>(null);

  const categories = catalog.data ?? [];
  const categoryName = (code: string) =>
    local(categories.find((c) => c.code === code)?.name) || code;
  const typeName = (code: string) => {
    for (const c of categories) {
      const type = c.types.find((x) => x.code === code);
      if (type) return local(type.name);
    }
    return code;
  };

  const columns: TableColumnsType<EscalationRule> = [
    {
      title: t('slaAdmin.rules.position'),
      dataIndex: 'position',
      key: 'position',
      width: 56,
      align: 'right',
      render: (value: number) => <span className="sla-muted">{value}</span>,
    },
    {
      title: t('slaAdmin.rules.name'),
      key: 'name',
      width: 280,
      render: (_, r) => (
        <div>
          <div className="sla-strong sla-keep">{local(r.name)}</div>
          <Typography.Text type="secondary" className="sla-code">
            {r.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('slaAdmin.rules.match'),
      key: 'match',
      width: 130,
      render: (_, r) => {
        const { categories: cats = [], types = [], priorities = [] } = r.match;
        if (!cats.length && !types.length && !priorities.length) {
          return <span className="sla-muted">{t('slaAdmin.rules.matchAll')}</span>;
        }
        return (
          <span className="sla-tags">
            {cats.map((c) => (
              <Tag key={c}>{categoryName(c)}</Tag>
            ))}
            {types.map((c) => (
              <Tag key={c} variant="outlined">
                {typeName(c)}
              </Tag>
            ))}
            {priorities.map((p) => (
              <PriorityTag key={p} priority={p} />
            ))}
          </span>
        );
      },
    },
    {
      title: t('slaAdmin.rules.condition'),
      key: 'condition',
      width: 160,
      render: (_, r) => (
        <span className="sla-keep" data-testid={`rule-condition-${r.code}`}>
          {words.condition(r.condition)}
        </span>
      ),
    },
    {
      title: t('slaAdmin.rules.actions'),
      key: 'actions',
      render: (_, r) => (
        <span className="sla-tags">
          {r.actions.map((a, i) => (
            <Tag key={i} color={ACTION_COLOURS[a.do]}>
              {words.action(a)}
            </Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('slaAdmin.rules.enabled'),
      key: 'enabled',
      width: 64,
      render: (_, r) =>
        canManage ? (
          <EnabledSwitch rule={r} />
        ) : (
          <Tag color={r.enabled ? 'green' : 'default'} data-testid={`rule-state-${r.code}`}>
            {t(r.enabled ? 'slaAdmin.rules.on' : 'slaAdmin.rules.off')}
          </Tag>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'ops',
      width: 130,
      render: (_, r) => (
        <div className="sla-actions">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing({ rule: r })}
            data-testid={`rule-edit-${r.code}`}
          >
            {t('slaAdmin.edit')}
          </Button>
          <DeleteButton rule={r} />
        </div>
      ),
    });
  }

  if (rules.isError && !rules.data) {
    return <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />;
  }
  return (
    <>
      <Alert type="info" showIcon title={t('slaAdmin.rules.intro')} style={{ marginBottom: 16 }} />
      {canManage && (
        <div className="sla-toolbar" style={{ justifyContent: 'flex-end' }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ rule: null })}
            data-testid="rule-new"
          >
            {t('slaAdmin.rules.new')}
          </Button>
        </div>
      )}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isPending}
        pagination={false}
        rowClassName={(r) => (r.enabled ? '' : 'sla-row-disabled')}
        locale={{ emptyText: t('slaAdmin.rules.empty') }}
        scroll={{ x: canManage ? 1040 : 910 }}
        data-testid="rules-table"
      />
      {canManage && (
        <RuleDrawer
          editing={editing}
          categories={categories}
          nextPosition={Math.max(0, ...(rules.data ?? []).map((r) => r.position)) + 10}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
