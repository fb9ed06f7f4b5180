// 设置: when the assistant hands a conversation to a person (negative emotion piling up, turns
// without an answer), how sure it must be to answer, and which team takes which topic.
import { App, Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { QueryState } from '../../shared/QueryState';
import { useLocalText } from '../../shared/text';
import {
  useAssistantSettings,
  useKbList,
  useSaveSettings,
  useTeams,
  type AssistantSettings,
} from './api';

function SettingsForm({ initial }: { initial: AssistantSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const [form] = Form.useForm<AssistantSettings>();
  const save = useSaveSettings();
  const teams = useTeams();
  // Every category in the KB gets a row, plus any the settings name that the KB no longer has.
  const kb = useKbList({ page: 1, pageSize: 1 });
  const categories = [
    ...new Set([
      ...(kb.data?.categories.map((c) => c.name) ?? []),
      ...Object.keys(initial.categoryTeams),
    ]),
  ];
  const teamOptions = (teams.data ?? [])
    .filter((team) => team.enabled !== false)
    .map((team) => ({ value: team.code, label: local(team.name) }));
  const p = 'assistant.kb.settings';

  const submit = (values: AssistantSettings) => {
    const categoryTeams = Object.fromEntries(
      Object.entries(values.categoryTeams ?? {}).filter(([, team]) => !!team),
    );
    save.mutate(
      { ...initial, ...values, categoryTeams },
      {
        onSuccess: () => void message.success(t(`${p}.saved`)),
        onError: (error) => {
          if (error instanceof ApiError && error.fields) {
            // Names outside the form's own keys (a category's team): the untyped form takes them.
            (form as FormInstance).setFields(
              Object.entries(error.fields).map(([key, reason]) => {
                const category = /^categoryTeams\.(.+)$/.exec(key)?.[1];
                return { name: category ? ['categoryTeams', category] : [key], errors: [reason] };
              }),
            );
          }
          message.error(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      style={{ maxWidth: 720 }}
      data-testid="kb-settings"
    >
      <Card title={t(`${p}.handoff`)} size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="handoffThreshold"
          label={t(`${p}.handoffThreshold`)}
          extra={t(`${p}.handoffThresholdHint`)}
          rules={[{ required: true }]}
        >
          <InputNumber min={0.1} max={20} step={0.1} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="unresolvedTurns"
          label={t(`${p}.unresolvedTurns`)}
          extra={t(`${p}.unresolvedTurnsHint`)}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={10} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Card>
      <Card title={t(`${p}.teams`)} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t(`${p}.teamsIntro`)}</Typography.Paragraph>
        <Form.Item name="defaultTeam" label={t(`${p}.defaultTeam`)} rules={[{ required: true }]}>
          <Select options={teamOptions} loading={teams.isPending} style={{ width: 240 }} />
        </Form.Item>
        <div className="kb-team-grid">
          {categories.map((category) => (
            <Form.Item key={category} name={['categoryTeams', category]} label={category}>
              <Select
                allowClear
                placeholder={t(`${p}.useDefault`)}
                options={teamOptions}
                loading={teams.isPending}
                style={{ width: '100%' }}
              />
            </Form.Item>
          ))}
        </div>
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

export function KbSettings() {
  const settings = useAssistantSettings();
  return <QueryState query={settings}>{(data) => <SettingsForm initial={data} />}</QueryState>;
}
