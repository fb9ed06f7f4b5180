// 来电受理: take a call — the caller identified by phone, their identity verified before anything
// about their complaints is said — file a new complaint for them or attach one to the call, and
// end it with a note. The open call lives in the address (?call=…), so a reload keeps it.
import {
  ExportOutlined,
  LinkOutlined,
  LockOutlined,
  PhoneOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Call } from '../../app/types';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { QueryState } from '../../shared/QueryState';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { StatusTag } from '../console-complaints/tags';
import { useCall, useCallActions, useOpenCalls, useStartCall } from './api';
import { VerificationGate, VerifyCard } from './CallVerify';
import './case-extras.css';

type CallComplaint = Call['complaints'][number];

/** "+86 138 0013 8000" → "13800138000"; the server accepts both, the check wants the digits. */
function normalisePhone(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

function StartCall({ onStarted }: { onStarted: (call: Call) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; direction: Call['direction'] }>();
  const start = useStartCall();
  const [failure, setFailure] = useState<string | null>(null);
  const onFinish = (values: { phone: string; direction: Call['direction'] }) => {
    setFailure(null);
    start.mutate(
      { phone: normalisePhone(values.phone), direction: values.direction },
      {
        onSuccess: onStarted,
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['phone', 'direction']))
            setFailure(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Card
      title={t('caseExtras.calls.startTitle')}
      style={{ maxWidth: 560 }}
      data-testid="call-start"
    >
      <Typography.Paragraph type="secondary">
        {t('caseExtras.calls.startIntro')}
      </Typography.Paragraph>
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ direction: 'inbound' }}
        onFinish={onFinish}
      >
        <Form.Item
          name="phone"
          label={t('caseExtras.calls.phone')}
          rules={[
            { required: true, message: t('caseExtras.calls.phoneRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || /^1[3-9]\d{9}$/.test(normalisePhone(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('caseExtras.calls.phoneInvalid'))),
            },
          ]}
        >
          <Input
            inputMode="tel"
            maxLength={20}
            autoComplete="off"
            size="large"
            data-testid="call-phone"
          />
        </Form.Item>
        <Form.Item name="direction" label={t('caseExtras.calls.direction')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'inbound', label: t('caseExtras.calls.inbound') },
              { value: 'outbound', label: t('caseExtras.calls.outbound') },
            ]}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PhoneOutlined />}
          loading={start.isPending}
          data-testid="call-start-submit"
        >
          {t('caseExtras.calls.start')}
        </Button>
      </Form>
    </Card>
  );
}

function OpenCalls({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const calls = useOpenCalls();
  if (!calls.data || calls.data.length === 0) return null;
  const columns: TableColumnsType<Call> = [
    {
      title: t('caseExtras.calls.phone'),
      dataIndex: 'phone',
      key: 'phone',
      render: (phone: string) => <span className="ce-number">{phone}</span>,
    },
    {
      title: t('caseExtras.calls.direction'),
      key: 'direction',
      render: (_, call) => t(`caseExtras.calls.${call.direction}`),
    },
    {
      title: t('caseExtras.calls.startedAt'),
      key: 'startedAt',
      render: (_, call) => formatDateTime(call.startedAt),
    },
    {
      title: t('caseExtras.calls.verification'),
      key: 'verified',
      render: (_, call) =>
        call.verified ? (
          <Tag color="green">{t('caseExtras.calls.verified')}</Tag>
        ) : (
          <Tag color="orange">{t('caseExtras.calls.unverified')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_, call) => (
        <Button size="small" onClick={() => onOpen(call.id)} data-testid="call-resume">
          {t('caseExtras.calls.resume')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={t('caseExtras.calls.openTitle')}
      style={{ marginTop: 16 }}
      data-testid="open-calls"
    >
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={calls.data}
        pagination={false}
      />
    </Card>
  );
}

function CallerComplaints({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const actions = useCallActions(call.id);
  if (!call.verified) {
    return (
      <Card title={t('caseExtras.calls.complaintsTitle')} data-testid="call-complaints">
        <div className="ce-locked-box" data-testid="call-complaints-locked">
          <LockOutlined />
          {t('caseExtras.calls.lockedComplaints')}
        </div>
      </Card>
    );
  }
  const columns: TableColumnsType<CallComplaint> = [
    {
      title: t('caseExtras.field.number'),
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (number: string) => (
        <a
          href={`/console/complaints/${encodeURIComponent(number)}`}
          target="_blank"
          rel="noreferrer"
          className="ce-number"
          data-testid="call-complaint-link"
        >
          {number} <ExportOutlined style={{ fontSize: 11 }} />
        </a>
      ),
    },
    { title: t('caseExtras.field.type'), key: 'type', render: (_, c) => local(c.typeName) },
    {
      title: t('caseExtras.field.status'),
      key: 'status',
      width: 120,
      render: (_, c) => <StatusTag status={c.status} />,
    },
    {
      title: t('caseExtras.field.createdAt'),
      key: 'createdAt',
      width: 150,
      render: (_, c) => formatDateTime(c.createdAt),
    },
  ];
  if (!call.endedAt) {
    columns.push({
      title: t('common.actions'),
      key: 'attach',
      width: 150,
      render: (_, c) =>
        call.attached.includes(c.number) ? (
          <Tag color="blue">{t('caseExtras.calls.isAttached')}</Tag>
        ) : (
          <Button
            size="small"
            icon={<LinkOutlined />}
            loading={actions.attach.isPending && actions.attach.variables === c.number}
            onClick={() =>
              actions.attach.mutate(c.number, {
                onSuccess: () => void message.success(t('caseExtras.calls.attached')),
                onError: (error) => void message.error(errorMessage(error, t)),
              })
            }
            data-testid="call-complaint-attach"
          >
            {t('caseExtras.calls.attachThis')}
          </Button>
        ),
    });
  }
  return (
    <Card title={t('caseExtras.calls.complaintsTitle')} data-testid="call-complaints">
      <Table
        rowKey="number"
        size="small"
        columns={columns}
        dataSource={call.complaints}
        pagination={false}
        locale={{ emptyText: t('caseExtras.calls.noComplaints') }}
      />
    </Card>
  );
}

function FileAndAttach({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useCallActions(call.id);
  const [number, setNumber] = useState('');
  const attach = () =>
    actions.attach.mutate(number.trim().toUpperCase(), {
      onSuccess: () => {
        setNumber('');
        void message.success(t('caseExtras.calls.attached'));
      },
    });
  return (
    <Card title={t('caseExtras.calls.fileTitle')} data-testid="call-file">
      <Typography.Paragraph type="secondary">
        {t('caseExtras.calls.fileIntro')}
      </Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        href="/console/complaints/new"
        target="_blank"
        rel="noreferrer"
        data-testid="call-file-new"
      >
        {t('caseExtras.calls.fileNew')}
      </Button>
      <div className="ce-section-title" style={{ marginTop: 20 }}>
        <LinkOutlined /> {t('caseExtras.calls.attachTitle')}
      </div>
      {call.attached.length > 0 && (
        <Space size={[4, 4]} wrap style={{ marginBottom: 8 }} data-testid="call-attached">
          <span className="ce-muted">{t('caseExtras.calls.attachedList')}</span>
          {call.attached.map((n) => (
            <Tag key={n} color="blue" className="ce-number">
              {n}
            </Tag>
          ))}
        </Space>
      )}
      <Space.Compact style={{ width: '100%', maxWidth: 460 }}>
        <Input
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          onPressEnter={attach}
          placeholder={t('caseExtras.links.numberPlaceholder')}
          className="ce-number"
          data-testid="call-attach-number"
        />
        <Button
          onClick={attach}
          disabled={!number.trim()}
          loading={actions.attach.isPending}
          data-testid="call-attach"
        >
          {t('caseExtras.calls.attach')}
        </Button>
      </Space.Compact>
      {actions.attach.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(actions.attach.error, t)}
          style={{ marginTop: 12 }}
          data-testid="call-attach-error"
        />
      )}
    </Card>
  );
}

function EndCall({ call }: { call: Call }) {
  const { t } = useTranslation();
  const actions = useCallActions(call.id);
  const [note, setNote] = useState('');
  return (
    <Card title={t('caseExtras.calls.endTitle')} data-testid="call-end">
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('caseExtras.calls.notePlaceholder')}
        maxLength={2000}
        showCount
        autoSize={{ minRows: 2, maxRows: 6 }}
        data-testid="call-note"
      />
      {actions.end.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(actions.end.error, t)}
          style={{ marginTop: 12 }}
        />
      )}
      <Button
        danger
        icon={<StopOutlined />}
        style={{ marginTop: 12 }}
        loading={actions.end.isPending}
        onClick={() => actions.end.mutate(note.trim() || undefined)}
        data-testid="call-end-submit"
      >
        {t('caseExtras.calls.end')}
      </Button>
    </Card>
  );
}

function CallView({ call, onNew }: { call: Call; onNew: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const ended = Boolean(call.endedAt);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="call-view">
      <Card>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} lg={14}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'phone',
                  label: t('caseExtras.calls.phone'),
                  children: (
                    <b className="ce-number" data-testid="call-phone-masked">
                      {call.phone}
                    </b>
                  ),
                },
                {
                  key: 'direction',
                  label: t('caseExtras.calls.direction'),
                  children: t(`caseExtras.calls.${call.direction}`),
                },
                {
                  key: 'started',
                  label: t('caseExtras.calls.startedAt'),
                  children: formatDateTime(call.startedAt),
                },
                {
                  key: 'known',
                  label: t('caseExtras.calls.caller'),
                  children: call.callerKnown ? (
                    <Tag color="blue" data-testid="caller-known">
                      {t('caseExtras.calls.known')}
                    </Tag>
                  ) : (
                    <Tag data-testid="caller-known">{t('caseExtras.calls.unknown')}</Tag>
                  ),
                },
                ...(ended
                  ? [
                      {
                        key: 'ended',
                        label: t('caseExtras.calls.endedAt'),
                        children: formatDateTime(call.endedAt),
                      },
                    ]
                  : []),
              ]}
            />
          </Col>
          <Col xs={24} lg={10}>
            <VerificationGate call={call} />
          </Col>
        </Row>
      </Card>
      {ended ? (
        <Card>
          <Result
            status="success"
            title={t('caseExtras.calls.endedTitle')}
            subTitle={
              call.attached.length > 0
                ? t('caseExtras.calls.endedAttached', { numbers: call.attached.join('、') })
                : t('caseExtras.calls.endedNone')
            }
            extra={
              <Button
                type="primary"
                icon={<PhoneOutlined />}
                onClick={onNew}
                data-testid="call-new"
              >
                {t('caseExtras.calls.newCall')}
              </Button>
            }
            data-testid="call-ended"
          />
        </Card>
      ) : (
        <>
          {!call.verified && <VerifyCard call={call} />}
          <CallerComplaints call={call} />
          <FileAndAttach call={call} />
          <EndCall call={call} />
        </>
      )}
    </Space>
  );
}

export default function CallsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const callId = params.get('call');
  const query = useCall(callId);
  return (
    <div data-testid="calls-page">
      <div className="ce-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseExtras.nav.calls')}
        </Typography.Title>
        <span className="ce-toolbar-spacer" />
        {callId && (
          <LinkButton to="/console/calls" icon={<PhoneOutlined />}>
            {t('caseExtras.calls.newCall')}
          </LinkButton>
        )}
      </div>
      {callId ? (
        <QueryState query={query} rows={6}>
          {(call) => <CallView call={call} onNew={() => setParams({})} />}
        </QueryState>
      ) : (
        <>
          <StartCall onStarted={(call) => setParams({ call: call.id })} />
          <OpenCalls onOpen={(id) => setParams({ call: id })} />
        </>
      )}
    </div>
  );
}
