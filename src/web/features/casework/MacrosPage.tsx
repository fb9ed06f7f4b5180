// 快捷回复: canned replies agents start a reply from. Managers write them with {{variables}}
// (filled in from the complaint when used), see a live preview, limit one to a team, and switch
// them on or off.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Macro } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useMacros, useSaveMacro, useTeams } from './api';
import { MacroDrawer } from './MacroDrawer';
import './casework.css';

function EnabledSwitch({ macro }: { macro: Macro }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveMacro();
  return (
    <Switch
      size="small"
      checked={macro.enabled}
      loading={save.isPending}
      onChange={(enabled) =>
        save.mutate(
          { id: macro.id, input: { enabled } },
          {
            onSuccess: () =>
              void message.success(
                t(enabled ? 'caseWork.macros.enabledOn' : 'caseWork.macros.enabledOff', {
                  title: macro.title,
                }),
              ),
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        )
      }
      data-testid={`macro-enabled-${macro.id}`}
    />
  );
}

export default function MacrosPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const macros = useMacros();
  const teams = useTeams();
  const [editing, setEditing] = useState<Macro | null>(null);
  const [open, setOpen] = useState(false);

  const teamName = (code: string | null) => {
    if (!code) return null;
    const team = teams.data?.find((x) => x.code === code);
    return team ? local(team.name) : code;
  };

  const columns: TableColumnsType<Macro> = [
    {
      title: t('caseWork.macros.titleField'),
      key: 'title',
      render: (_, m) => (
        <div>
          <b>{m.title}</b>
          <div className="cw-macro-body">{m.body}</div>
        </div>
      ),
    },
    {
      title: t('caseWork.macros.team'),
      key: 'team',
      width: 150,
      render: (_, m) =>
        m.teamCode ? (
          <Tag color="blue">{teamName(m.teamCode)}</Tag>
        ) : (
          <span className="cw-muted">{t('caseWork.macros.everyone')}</span>
        ),
    },
    {
      title: t('caseWork.macros.enabled'),
      key: 'enabled',
      width: 90,
      render: (_, m) => <EnabledSwitch macro={m} />,
    },
    {
      title: t('caseWork.macros.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, m) => (
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => {
            setEditing(m);
            setOpen(true);
          }}
          data-testid={`macro-edit-${m.id}`}
        >
          {t('caseWork.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseWork.macros.title')}
        </Typography.Title>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
          data-testid="macro-new"
        >
          {t('caseWork.macros.new')}
        </Button>
      }
      data-testid="macros-page"
    >
      <Typography.Paragraph type="secondary">{t('caseWork.macros.intro')}</Typography.Paragraph>
      {macros.isError && !macros.data ? (
        <ErrorResult error={macros.error} onRetry={() => void macros.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={macros.data ?? []}
          loading={macros.isPending}
          pagination={false}
          rowClassName={(m) => (m.enabled ? '' : 'cw-row-disabled')}
          locale={{ emptyText: t('caseWork.macros.empty') }}
          scroll={{ x: 800 }}
          data-testid="macros-table"
        />
      )}
      <MacroDrawer
        macro={editing}
        open={open}
        teams={teams.data ?? []}
        onClose={() => setOpen(false)}
      />
    </Card>
  );
}
