// API 令牌: tokens for integrations. The secret is shown once, at creation.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { RoleTag } from '../../shared/RoleTag';
import { useFormatDateTime } from '../../shared/text';
import { useRevokeToken, useTokens, type TokenItem } from './api';
import { CreateTokenModal, TokenSecretModal } from './TokenModals';

export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);

  const onRevoke = (item: TokenItem) =>
    revoke.mutateAsync(item.id).then(
      () => void message.success(t('tokens.revoked', { name: item.name })),
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  const columns: TableColumnsType<TokenItem> = [
    {
      title: t('tokens.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string) => <span style={{ fontWeight: 500 }}>{name}</span>,
    },
    {
      title: t('tokens.role'),
      dataIndex: 'role',
      key: 'role',
      width: 110,
      render: (role: Role) => <RoleTag role={role} />,
    },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      width: 150,
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('tokens.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.neverUsed')),
    },
    {
      title: t('tokens.status'),
      key: 'status',
      width: 110,
      render: (_, item) =>
        item.revokedAt ? (
          <Tag>{t('tokens.statusRevoked')}</Tag>
        ) : (
          <Tag color="green">{t('tokens.statusActive')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, item) =>
        item.revokedAt ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Popconfirm
            title={t('tokens.revokeConfirmTitle')}
            description={t('tokens.revokeConfirm', { name: item.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onRevoke(item)}
          >
            <Button type="link" danger size="small" data-testid={`revoke-${item.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('console.nav.tokens')}
        </Typography.Title>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="tokens-create"
        >
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {tokens.isError ? (
        <ErrorResult error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('tokens.empty') }}
          data-testid="tokens-table"
        />
      )}
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token, name) => setSecret({ token, name })}
      />
      <TokenSecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
