// 外部平台: status updates from 12315 / 12345 / 12305 / 黑猫投诉 — by CSV import or one at a time —,
// finding a complaint by the platform's number, and (external.manage) the list of platforms.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import type { ExternalPlatform } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { useLocalText } from '../../shared/text';
import { useAddPlatform, useExternalLookup, usePlatforms, useUpdatePlatform } from './api';
import { ExternalImport } from './ExternalImport';
import { ExternalUpdateForm } from './ExternalUpdateForm';
import './case-extras.css';

function Lookup() {
  const { t } = useTranslation();
  const local = useLocalText();
  const platforms = usePlatforms();
  const lookup = useExternalLookup();
  const [platform, setPlatform] = useState<string | undefined>(undefined);
  const [number, setNumber] = useState('');
  const search = () => {
    if (platform && number.trim()) lookup.mutate({ platform, externalNumber: number.trim() });
  };
  const found = lookup.data?.number;
  return (
    <Card title={t('caseExtras.lookup.title')} data-testid="external-lookup">
      <Space.Compact style={{ width: '100%' }}>
        <Select
          value={platform}
          onChange={setPlatform}
          placeholder={t('caseExtras.external.platform')}
          style={{ width: 170 }}
          options={(platforms.data ?? []).map((p) => ({ value: p.code, label: local(p.name) }))}
          data-testid="lookup-platform"
        />
        <Input
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          onPressEnter={search}
          placeholder={t('caseExtras.external.externalNumber')}
          data-testid="lookup-number"
        />
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={search}
          disabled={!platform || !number.trim()}
          loading={lookup.isPending}
          data-testid="lookup-submit"
        >
          {t('caseExtras.lookup.search')}
        </Button>
      </Space.Compact>
      {lookup.isError && (
        <Alert
          type="warning"
          showIcon
          title={errorMessage(lookup.error, t)}
          style={{ marginTop: 12 }}
          data-testid="lookup-error"
        />
      )}
      {found && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('caseExtras.lookup.found', { number: found })}
          action={
            <LinkButton
              size="small"
              type="primary"
              to={`/console/complaints/${encodeURIComponent(found)}`}
              data-testid="lookup-open"
            >
              {t('caseExtras.open')}
            </LinkButton>
          }
          data-testid="lookup-result"
        />
      )}
    </Card>
  );
}

function AddPlatform() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; zh: string; en?: string }>();
  const add = useAddPlatform();
  const [failure, setFailure] = useState<string | null>(null);
  const onFinish = (values: { code: string; zh: string; en?: string }) => {
    setFailure(null);
    add.mutate(
      {
        code: values.code.trim(),
        name: { zh: values.zh.trim(), en: values.en?.trim() || values.zh.trim() },
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('caseExtras.platforms.added'));
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['code'])) setFailure(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={onFinish}
        style={{ marginTop: 16, rowGap: 8 }}
        data-testid="platform-form"
      >
        <Form.Item
          name="code"
          rules={[
            { required: true, message: t('caseExtras.platforms.codeRequired') },
            { pattern: /^[a-z0-9_]{2,20}$/, message: t('caseExtras.platforms.codeInvalid') },
          ]}
        >
          <Input
            placeholder={t('caseExtras.platforms.code')}
            style={{ width: 140 }}
            data-testid="platform-code"
          />
        </Form.Item>
        <Form.Item
          name="zh"
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.platforms.nameRequired') },
          ]}
        >
          <Input
            placeholder={t('caseExtras.platforms.nameZh')}
            style={{ width: 180 }}
            data-testid="platform-name"
          />
        </Form.Item>
        <Form.Item name="en">
          <Input placeholder={t('caseExtras.platforms.nameEn')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="platform-add"
          >
            {t('caseExtras.platforms.add')}
          </Button>
        </Form.Item>
      </Form>
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginTop: 8 }} />
      )}
    </>
  );
}

function Platforms() {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const { can } = useAuth();
  const platforms = usePlatforms();
  const update = useUpdatePlatform();
  const manage = can('external.manage');
  const columns: TableColumnsType<ExternalPlatform> = [
    {
      title: t('caseExtras.platforms.code'),
      dataIndex: 'code',
      key: 'code',
      width: 120,
      render: (code: string) => <span className="ce-number">{code}</span>,
    },
    { title: t('caseExtras.platforms.name'), key: 'name', render: (_, p) => local(p.name) },
    {
      title: t('caseExtras.platforms.enabled'),
      key: 'enabled',
      width: 110,
      render: (_, p) => (
        <Switch
          checked={p.enabled}
          disabled={!manage}
          loading={update.isPending && update.variables?.code === p.code}
          onChange={(enabled) =>
            update.mutate(
              { code: p.code, enabled },
              { onError: (error) => void message.error(errorMessage(error, t)) },
            )
          }
          data-testid={`platform-enabled-${p.code}`}
        />
      ),
    },
  ];
  return (
    <Card title={t('caseExtras.platforms.title')} data-testid="external-platforms">
      {platforms.isError && !platforms.data ? (
        <ErrorResult error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : (
        <Table
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={platforms.data ?? []}
          loading={platforms.isFetching}
          pagination={false}
          locale={{ emptyText: t('caseExtras.platforms.empty') }}
        />
      )}
      {manage ? (
        <AddPlatform />
      ) : (
        <div className="ce-muted" style={{ marginTop: 12 }}>
          {t('caseExtras.platforms.readOnly')}
        </div>
      )}
    </Card>
  );
}

export default function ExternalPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="external-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('caseExtras.nav.external')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('caseExtras.external.pageIntro')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ExternalImport />
            <Platforms />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Lookup />
            <Card title={t('caseExtras.external.updateCardTitle')}>
              <ExternalUpdateForm />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
