// 用户管理: searchable, role-filtered list of accounts; creating staff needs users.manage.
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ALL_ROLES, type Role } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { RoleTag } from '../../shared/RoleTag';
import { useFormatDateTime } from '../../shared/text';
import { useMerchants, useUsers, type UserItem } from './api';
import { CreateUserModal } from './CreateUserModal';

const PAGE_SIZE = 20;

export default function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const users = useUsers({ role, q: q || undefined, page, pageSize });
  const merchants = useMerchants();

  const merchantNames = useMemo(
    () => new Map((merchants.data ?? []).map((m) => [m.id, m.name])),
    [merchants.data],
  );

  const columns: TableColumnsType<UserItem> = [
    {
      title: t('users.name'),
      dataIndex: 'name',
      key: 'name',
      width: 130,
      render: (name: string) => <span style={{ fontWeight: 500 }}>{name}</span>,
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      width: 120,
      render: (value: Role) => <RoleTag role={value} />,
    },
    {
      title: t('users.email'),
      dataIndex: 'email',
      key: 'email',
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('users.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 130,
      render: (v) => v ?? '—',
    },
    {
      title: t('users.merchant'),
      dataIndex: 'merchantId',
      key: 'merchant',
      width: 150,
      ellipsis: { showTitle: true },
      render: (id: string | null) => (id ? (merchantNames.get(id) ?? id) : '—'),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: UserItem['status']) => (
        <Badge
          status={status === 'active' ? 'success' : 'default'}
          text={t(`users.statusValue.${status}`)}
        />
      ),
    },
    {
      title: t('users.createdAt'),
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
          {t('console.nav.users')}
        </Typography.Title>
      }
    >
      <div className="toolbar">
        <Select
          allowClear
          placeholder={t('users.allRoles')}
          style={{ width: 160 }}
          value={role}
          onChange={(value: Role | undefined) => {
            setRole(value);
            setPage(1);
          }}
          options={ALL_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          data-testid="users-role-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          style={{ width: 280, maxWidth: '100%' }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          data-testid="users-search"
        />
        <div className="toolbar-spacer" />
        {can('users.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="users-create"
          >
            {t('users.create')}
          </Button>
        )}
      </div>
      {users.isError && !users.data ? (
        <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 960 }}
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
          data-testid="users-table"
        />
      )}
      {can('users.manage') && (
        <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      )}
    </Card>
  );
}
