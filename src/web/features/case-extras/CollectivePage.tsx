// 集体投诉详情: one collective case — its members (add, remove, split some off into a new case)
// and its progress, which every member's complainant sees on their own complaint.
import {
  ArrowLeftOutlined,
  DeleteOutlined,
  ScissorOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import type { CollectiveCase } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { PriorityTag } from '../../shared/PriorityTag';
import { QueryState } from '../../shared/QueryState';
import { useFormatDateTime } from '../../shared/text';
import { StatusTag } from '../console-complaints/tags';
import { useCollective, useCollectiveActions } from './api';
import { COLLECTIVE_TITLE_MAX, collectivePath, parseNumbers, testIdProps } from './parts';
import './case-extras.css';

type Member = CollectiveCase['members'][number];
type Actions = ReturnType<typeof useCollectiveActions>;

const PROGRESS_MAX = 500;

function ProgressCard({
  collective,
  actions,
  canWork,
}: {
  collective: CollectiveCase;
  actions: Actions;
  canWork: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const [text, setText] = useState('');
  const post = actions.progress;
  const send = () =>
    post.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        void message.success(t('caseExtras.collective.progressPosted'));
      },
    });
  return (
    <Card title={t('caseExtras.collective.progressTitle')} data-testid="collective-progress">
      {collective.progress ? (
        <div className="ce-note" style={{ marginTop: 0 }} data-testid="collective-latest-progress">
          {collective.progress}
          <div className="ce-muted">{formatDateTime(collective.progressAt)}</div>
        </div>
      ) : (
        <span className="ce-muted">{t('caseExtras.collective.noProgress')}</span>
      )}
      {canWork && collective.status === 'open' && (
        <>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('caseExtras.collective.progressPlaceholder')}
            maxLength={PROGRESS_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            style={{ marginTop: 16 }}
            data-testid="collective-progress-text"
          />
          <div className="ce-muted" style={{ marginTop: 4 }}>
            {t('caseExtras.collective.progressHint', { count: collective.memberCount })}
          </div>
          {post.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(post.error, t)}
              style={{ marginTop: 12 }}
            />
          )}
          <Button
            type="primary"
            icon={<SendOutlined />}
            style={{ marginTop: 12 }}
            disabled={!text.trim()}
            loading={post.isPending}
            onClick={send}
            data-testid="collective-progress-send"
          >
            {t('caseExtras.collective.progressSend')}
          </Button>
        </>
      )}
    </Card>
  );
}

function SplitModal({
  numbers,
  open,
  actions,
  onClose,
}: {
  numbers: string[];
  open: boolean;
  actions: Actions;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const split = actions.split;
  const submit = () =>
    split.mutate(
      { numbers, title: title.trim() },
      {
        onSuccess: ({ created }) => {
          setTitle('');
          onClose(true);
          if (created) {
            void message.success(t('caseExtras.collective.splitDone', { number: created.number }));
            void navigate(collectivePath(created.id));
          } else {
            // A single complaint split off cannot be a case of its own: it is released.
            void message.success(t('caseExtras.collective.splitReleased'));
          }
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('caseExtras.collective.splitTitle', { count: numbers.length })}
      okText={t('caseExtras.collective.splitSubmit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={() => onClose(false)}
      confirmLoading={split.isPending}
      okButtonProps={{ ...testIdProps('collective-split-submit'), disabled: !title.trim() }}
    >
      <Typography.Paragraph type="secondary">
        {t('caseExtras.collective.splitIntro')}
      </Typography.Paragraph>
      <Space size={[4, 4]} wrap style={{ marginBottom: 12 }}>
        {numbers.map((n) => (
          <Tag key={n} className="ce-number">
            {n}
          </Tag>
        ))}
      </Space>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={COLLECTIVE_TITLE_MAX}
        placeholder={t('caseExtras.collective.titlePlaceholder')}
        data-testid="collective-split-title"
      />
      {split.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(split.error, t)}
          style={{ marginTop: 12 }}
        />
      )}
    </Modal>
  );
}

function Members({
  collective,
  actions,
  canWork,
}: {
  collective: CollectiveCase;
  actions: Actions;
  canWork: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [adding, setAdding] = useState('');
  const [splitting, setSplitting] = useState(false);
  const open = canWork && collective.status === 'open';

  const add = () =>
    actions.addMembers.mutate(parseNumbers(adding), {
      onSuccess: () => {
        setAdding('');
        void message.success(t('caseExtras.collective.membersAdded'));
      },
    });

  const columns: TableColumnsType<Member> = [
    {
      title: t('caseExtras.field.number'),
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (number: string) => (
        <LinkButton
          type="link"
          size="small"
          style={{ padding: 0 }}
          to={`/console/complaints/${encodeURIComponent(number)}`}
        >
          <span className="ce-number">{number}</span>
        </LinkButton>
      ),
    },
    {
      title: t('caseExtras.field.complainant'),
      dataIndex: 'complainantName',
      key: 'complainant',
      width: 120,
    },
    {
      title: t('caseExtras.field.status'),
      key: 'status',
      width: 120,
      render: (_, member) => <StatusTag status={member.status} />,
    },
    {
      title: t('caseExtras.field.priority'),
      key: 'priority',
      width: 140,
      render: (_, member) => <PriorityTag priority={member.priority} />,
    },
  ];
  if (open) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, member) => (
        <Popconfirm
          title={t('caseExtras.collective.removeConfirm', { number: member.number })}
          okText={t('caseExtras.remove')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            actions.removeMember.mutateAsync(member.number).catch((error: unknown) => {
              void message.error(errorMessage(error, t));
            })
          }
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            data-testid="member-remove"
          >
            {t('caseExtras.remove')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Card
      title={t('caseExtras.collective.membersTitle', { count: collective.members.length })}
      data-testid="collective-members"
    >
      {open && (
        <div className="ce-toolbar">
          <Input
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            onPressEnter={add}
            placeholder={t('caseExtras.collective.addPlaceholder')}
            className="ce-number"
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="member-add-numbers"
          />
          <Button
            onClick={add}
            disabled={parseNumbers(adding).length === 0}
            loading={actions.addMembers.isPending}
            data-testid="member-add"
          >
            {t('caseExtras.collective.addMembers')}
          </Button>
          <span className="ce-toolbar-spacer" />
          <Button
            icon={<ScissorOutlined />}
            disabled={selected.length === 0 || selected.length === collective.members.length}
            onClick={() => setSplitting(true)}
            data-testid="collective-split"
          >
            {t('caseExtras.collective.split', { count: selected.length })}
          </Button>
        </div>
      )}
      {actions.addMembers.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(actions.addMembers.error, t)}
          style={{ marginBottom: 12 }}
          closable={{ onClose: () => actions.addMembers.reset() }}
          data-testid="member-add-error"
        />
      )}
      <Table
        rowKey="number"
        columns={columns}
        dataSource={collective.members}
        pagination={false}
        scroll={{ x: 640 }}
        rowSelection={
          open
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
            : undefined
        }
        locale={{ emptyText: t('caseExtras.collective.noMembers') }}
      />
      <SplitModal
        numbers={selected}
        open={splitting}
        actions={actions}
        onClose={(done) => {
          setSplitting(false);
          if (done) setSelected([]);
        }}
      />
    </Card>
  );
}

function Detail({ collective }: { collective: CollectiveCase }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const actions = useCollectiveActions(collective.id);
  const canWork = can('complaints.work');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card data-testid="collective-header">
        <div className="ce-head">
          <Typography.Title level={4} data-testid="collective-title">
            {collective.title}
          </Typography.Title>
          <Tag color={collective.status === 'open' ? 'blue' : 'default'}>
            {t(`caseExtras.collective.status.${collective.status}`)}
          </Tag>
        </div>
        <div className="ce-meta">
          <span>
            {t('caseExtras.collective.number')}
            {t('caseExtras.colon')}
            <b className="ce-number" data-testid="collective-number">
              {collective.number}
            </b>
          </span>
          <span>
            {t('caseExtras.collective.memberCount')}
            {t('caseExtras.colon')}
            <b>{collective.memberCount}</b>
          </span>
          {collective.merchantName && (
            <span>
              {t('caseExtras.field.merchant')}
              {t('caseExtras.colon')}
              <b>{collective.merchantName}</b>
            </span>
          )}
          <span>
            {t('caseExtras.collective.createdAt')}
            {t('caseExtras.colon')}
            <b>{formatDateTime(collective.createdAt)}</b>
          </span>
        </div>
      </Card>
      <ProgressCard collective={collective} actions={actions} canWork={canWork} />
      <Members collective={collective} actions={actions} canWork={canWork} />
    </Space>
  );
}

export default function CollectivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCollective(id);
  return (
    <div data-testid="collective-page">
      <LinkButton
        to="/console/collective"
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('caseExtras.nav.collective')}
      </LinkButton>
      <QueryState query={query} rows={8}>
        {(collective) => <Detail key={collective.id} collective={collective} />}
      </QueryState>
    </div>
  );
}
