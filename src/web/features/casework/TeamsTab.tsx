// Teams: name, whether it is the expert seat, members and the size of its queue; edit a team in a
// drawer, its members in a dialog.
import { EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { EditDrawer } from '../../shared/FormFrame';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { asRole } from '../console-complaints/timelineLabels';
import { useAgents, useSaveTeam, useSetMembers, useTeams } from './api';
import { applyAliasedErrors } from './fieldErrors';

/** The server names nested fields; the form keeps them flat. */
const NAME_FIELDS = { 'name.zh': 'nameZh', 'name.en': 'nameEn' };

interface TeamValues {
  code: string;
  nameZh: string;
  nameEn: string;
  isExpertSeat: boolean;
  enabled: boolean;
}

function TeamDrawer({
  team,
  open,
  onClose,
}: {
  team: Team | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamValues>();
  const save = useSaveTeam();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue({
      code: team?.code ?? '',
      nameZh: team?.name.zh ?? '',
      nameEn: team?.name.en ?? '',
      isExpertSeat: team?.isExpertSeat ?? false,
      enabled: team?.enabled ?? true,
    });
  }, [open, team, form]);

  const onFinish = (values: TeamValues) => {
    setFailure(null);
    const name = { zh: values.nameZh.trim(), en: values.nameEn.trim() };
    save.mutate(
      team
        ? { existing: team.code, patch: { name, enabled: values.enabled } }
        : {
            existing: null,
            create: { code: values.code.trim(), name, isExpertSeat: values.isExpertSeat },
          },
      {
        onSuccess: () => {
          void message.success(t('caseWork.teams.saved', { name: name.zh }));
          onClose();
        },
        onError: (error) => {
          const shown = applyAliasedErrors(form, error, NAME_FIELDS, [
            'code',
            'nameZh',
            'nameEn',
            'isExpertSeat',
            'enabled',
          ]);
          if (!shown) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <EditDrawer
      open={open}
      onClose={onClose}
      size={480}
      title={team ? t('caseWork.teams.editTitle') : t('caseWork.teams.newTitle')}
      form={form}
      saving={save.isPending}
      failure={failure}
      saveTestId="team-save"
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="team-form">
        <Form.Item
          name="code"
          label={t('caseWork.teams.code')}
          extra={team ? undefined : t('caseWork.teams.codeHint')}
          rules={[
            { required: !team, message: t('caseWork.teams.codeRequired') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('caseWork.teams.codeInvalid') },
          ]}
        >
          <Input disabled={Boolean(team)} data-testid="team-code" />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('caseWork.teams.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('caseWork.teams.nameRequired') }]}
        >
          <Input maxLength={40} data-testid="team-name-zh" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('caseWork.teams.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('caseWork.teams.nameRequired') }]}
        >
          <Input maxLength={60} data-testid="team-name-en" />
        </Form.Item>
        <Form.Item
          name="isExpertSeat"
          label={t('caseWork.teams.expertSeat')}
          valuePropName="checked"
          extra={t('caseWork.teams.expertSeatHint')}
        >
          <Switch disabled={Boolean(team)} />
        </Form.Item>
        {team && (
          <Form.Item
            name="enabled"
            label={t('caseWork.teams.enabled')}
            valuePropName="checked"
            extra={t('caseWork.teams.enabledHint')}
          >
            <Switch />
          </Form.Item>
        )}
      </Form>
    </EditDrawer>
  );
}

function MembersModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const agents = useAgents(Boolean(team));
  const save = useSetMembers();
  const [value, setValue] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!team) return;
    setValue(team.members.map((m) => m.userId));
    setFailure(null);
  }, [team]);

  const submit = () => {
    if (!team) return;
    setFailure(null);
    save.mutate(
      { code: team.code, userIds: value },
      {
        onSuccess: () => {
          void message.success(t('caseWork.teams.membersSaved', { name: local(team.name) }));
          onClose();
        },
        onError: (error) => setFailure(errorMessage(error, t)),
      },
    );
  };

  return (
    <Modal
      open={team !== null}
      title={team ? t('caseWork.teams.membersTitle', { name: local(team.name) }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
    >
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      )}
      {agents.isError ? (
        <ErrorResult error={agents.error} onRetry={() => void agents.refetch()} />
      ) : (
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          loading={agents.isPending}
          value={value}
          onChange={setValue}
          optionFilterProp="label"
          placeholder={t('caseWork.teams.membersPlaceholder')}
          options={(agents.data ?? []).map((a) => ({
            value: a.userId,
            label: `${a.name}（${t(`role.${a.role}`, { defaultValue: a.role })}）`,
          }))}
          data-testid="members-select"
        />
      )}
    </Modal>
  );
}

export function TeamsTab() {
  const { t } = useTranslation();
  const local = useLocalText();
  const teams = useTeams();
  const [editing, setEditing] = useState<Team | null>(null);
  const [drawer, setDrawer] = useState(false);
  const [members, setMembers] = useState<Team | null>(null);

  const columns: TableColumnsType<Team> = [
    {
      title: t('caseWork.teams.name'),
      key: 'name',
      width: 200,
      render: (_, team) => (
        <div>
          <Space size={6}>
            <b>{local(team.name)}</b>
            {team.isExpertSeat && <Tag color="purple">{t('caseWork.teams.expertSeat')}</Tag>}
            {!team.enabled && <Tag>{t('caseWork.teams.disabled')}</Tag>}
          </Space>
          <div className="cw-muted cc-number" style={{ fontSize: 12 }}>
            {team.code}
          </div>
        </div>
      ),
    },
    {
      title: t('caseWork.teams.members'),
      key: 'members',
      render: (_, team) =>
        team.members.length ? (
          <span className="cw-tags">
            {team.members.map((m) => {
              const role = asRole(m.role);
              return (
                <Tooltip key={m.userId} title={role ? t(`role.${role}`) : m.role}>
                  <Tag style={{ marginInlineEnd: 0 }}>{m.name}</Tag>
                </Tooltip>
              );
            })}
          </span>
        ) : (
          <span className="cw-muted">{t('caseWork.teams.noMembers')}</span>
        ),
    },
    {
      title: t('caseWork.teams.queue'),
      key: 'queue',
      width: 170,
      render: (_, team) => (
        <Space size={12}>
          <Tooltip title={t('caseWork.teams.waitingHelp')}>
            <span>
              {t('caseWork.teams.waiting')} <Badge count={team.waiting} showZero color="#8c8c8c" />
            </span>
          </Tooltip>
          {team.waitingRed > 0 && (
            <Tooltip title={t('caseWork.queue.redHelp')}>
              <Badge count={team.waitingRed} />
            </Tooltip>
          )}
          <Tooltip title={t('caseWork.teams.openHelp')}>
            <span className="cw-muted">{t('caseWork.teams.open', { count: team.open })}</span>
          </Tooltip>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, team) => (
        <Space size={4}>
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => {
              setEditing(team);
              setDrawer(true);
            }}
            data-testid={`team-edit-${team.code}`}
          >
            {t('caseWork.edit')}
          </Button>
          <Button
            size="small"
            type="link"
            icon={<UserAddOutlined />}
            onClick={() => setMembers(team)}
            data-testid={`team-members-${team.code}`}
          >
            {t('caseWork.teams.editMembers')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="toolbar">
        <span className="cw-muted">{t('caseWork.teams.intro')}</span>
        <span className="toolbar-spacer" />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setDrawer(true);
          }}
          data-testid="team-new"
        >
          {t('caseWork.teams.new')}
        </Button>
      </div>
      {teams.isError && !teams.data ? (
        <ErrorResult error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (
        <Table
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={teams.data ?? []}
          loading={teams.isPending}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('caseWork.teams.empty') }}
          data-testid="teams-table"
        />
      )}
      <TeamDrawer team={editing} open={drawer} onClose={() => setDrawer(false)} />
      <MembersModal team={members} onClose={() => setMembers(null)} />
    </>
  );
}
