// 添加协查团队: a supervisor asks a second team to help with a complaint (跨部门协查); the team
// that owns it stays the same. Used on the complaint page and on the alerts page.
import { TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamHead } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useTeams } from '../casework/api';
import { useAddAssistTeam } from './api';

interface Props {
  number: string;
  /** Teams already on it: the owning team and those assisting. */
  exclude: readonly (TeamHead | null | undefined)[];
  size?: 'small' | 'middle';
  testId?: string;
}

export function AssistTeamButton({
  number,
  exclude,
  size = 'middle',
  testId = 'assist-add',
}: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ teamCode: string }>();
  const teams = useTeams(open);
  const add = useAddAssistTeam();
  const [error, setError] = useState<string | null>(null);
  const taken = new Set(exclude.flatMap((team) => (team ? [team.code] : [])));
  const options = (teams.data ?? [])
    .filter((team) => team.enabled)
    .map((team) => ({
      value: team.code,
      label: taken.has(team.code)
        ? `${local(team.name)}（${t('slaClocks.assist.already')}）`
        : local(team.name),
      disabled: taken.has(team.code),
    }));

  const close = () => {
    setOpen(false);
    setError(null);
  };

  const onFinish = ({ teamCode }: { teamCode: string }) => {
    setError(null);
    add.mutate(
      { number, teamCode },
      {
        onSuccess: () => {
          const team = teams.data?.find((x) => x.code === teamCode);
          void message.success(
            t('slaClocks.assist.added', { team: team ? local(team.name) : teamCode }),
          );
          close();
        },
        onError: (e) => setError(errorMessage(e, t)),
      },
    );
  };

  return (
    <>
      <Button
        size={size}
        icon={<TeamOutlined />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        data-testid={testId}
      >
        {t('slaClocks.assist.add')}
      </Button>
      <Modal
        open={open}
        title={t('slaClocks.assist.title')}
        okText={t('slaClocks.assist.submit')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={close}
        confirmLoading={add.isPending}
        destroyOnHidden
        width={480}
      >
        <p className="slc-muted">{t('slaClocks.assist.help', { number })}</p>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="assist-error"
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} data-testid="assist-form">
          <Form.Item
            name="teamCode"
            label={t('slaClocks.assist.team')}
            rules={[{ required: true, message: t('slaClocks.assist.required') }]}
          >
            <Select
              options={options}
              loading={teams.isPending}
              placeholder={t('slaClocks.assist.pick')}
              data-testid="assist-team"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
