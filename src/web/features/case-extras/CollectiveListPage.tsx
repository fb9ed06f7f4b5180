// 集体投诉: collective cases (several complaints about the same merchant or incident, worked as
// one), with their latest progress; create one from complaint numbers.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import type { CollectiveSummary } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { FormModal } from '../../shared/FormFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import { useCollectiveList, useCreateCollective } from './api';
import { COLLECTIVE_TITLE_MAX, collectivePath, parseNumbers } from './parts';
import './case-extras.css';

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; numbers: string }>();
  const create = useCreateCollective();
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = (values: { title: string; numbers: string }) => {
    setFailure(null);
    create.mutate(
      { title: values.title.trim(), numbers: parseNumbers(values.numbers) },
      {
        onSuccess: (created) => {
          void message.success(t('caseExtras.collective.created', { number: created.number }));
          form.resetFields();
          onClose();
          void navigate(collectivePath(created.id));
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['title', 'numbers']))
            setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('caseExtras.collective.createTitle')}
      okText={t('common.create')}
      form={form}
      saving={create.isPending}
      failure={failure}
      okTestId="collective-create-submit"
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="title"
          label={t('caseExtras.collective.titleLabel')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.collective.titleRequired') },
          ]}
        >
          <Input
            maxLength={COLLECTIVE_TITLE_MAX}
            placeholder={t('caseExtras.collective.titlePlaceholder')}
            data-testid="collective-title"
          />
        </Form.Item>
        <Form.Item
          name="numbers"
          label={t('caseExtras.collective.numbers')}
          extra={t('caseExtras.collective.numbersHint')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                parseNumbers(value ?? '').length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('caseExtras.collective.twoRequired'))),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            className="ce-number"
            data-testid="collective-numbers"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export default function CollectiveListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'all' | 'open' | 'closed'>('open');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useCollectiveList({
    status: status === 'all' ? undefined : status,
    q: q || undefined,
    page,
    pageSize,
  });
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<CollectiveSummary> = [
    {
      title: t('caseExtras.collective.number'),
      dataIndex: 'number',
      key: 'number',
      width: 180,
      render: (number: string) => <span className="ce-number">{number}</span>,
    },
    {
      title: t('caseExtras.collective.titleLabel'),
      dataIndex: 'title',
      key: 'title',
      width: 220,
      render: (title: string) => <span style={{ fontWeight: 500 }}>{title}</span>,
    },
    {
      title: t('caseExtras.field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: CollectiveSummary['status']) => (
        <Tag color={status === 'open' ? 'blue' : 'default'}>
          {t(`caseExtras.collective.status.${status}`)}
        </Tag>
      ),
    },
    {
      title: t('caseExtras.collective.memberCount'),
      dataIndex: 'memberCount',
      key: 'memberCount',
      width: 90,
      align: 'right',
    },
    {
      title: t('caseExtras.field.merchant'),
      dataIndex: 'merchantName',
      key: 'merchant',
      width: 140,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('caseExtras.collective.latestProgress'),
      key: 'progress',
      ellipsis: { showTitle: true },
      render: (_, item) =>
        item.progress ? (
          <span>
            {item.progress}
            <span className="ce-muted"> · {formatDateTime(item.progressAt)}</span>
          </span>
        ) : (
          <span className="ce-muted">{t('caseExtras.collective.noProgress')}</span>
        ),
    },
    {
      title: t('caseExtras.collective.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseExtras.nav.collective')}
        </Typography.Title>
      }
      extra={
        can('complaints.work') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="collective-create"
          >
            {t('caseExtras.collective.create')}
          </Button>
        )
      }
      data-testid="collective-list"
    >
      <Typography.Paragraph type="secondary">
        {t('caseExtras.collective.intro')}
      </Typography.Paragraph>
      <div className="ce-toolbar">
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={(['open', 'closed', 'all'] as const).map((value) => ({
            value,
            label:
              value === 'all'
                ? t('caseExtras.inbox.all')
                : t(`caseExtras.collective.status.${value}`),
          }))}
          data-testid="collective-status-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('caseExtras.collective.searchPlaceholder')}
          style={{ width: 260, maxWidth: '100%' }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          data-testid="collective-search"
        />
      </div>
      {list.isError && !list.data ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1050 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
          locale={{ emptyText: t('caseExtras.collective.empty') }}
          rowClassName={() => 'ce-row'}
          onRow={(item) =>
            ({
              onClick: () => void navigate(collectivePath(item.id)),
              'data-testid': 'collective-row',
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
