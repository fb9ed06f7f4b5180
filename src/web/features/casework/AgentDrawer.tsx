// One person's working profile: how many open cases they may hold, skills and languages (a
// cross-border case needs its language), working hours and absence. The assigner reads these.
import {
  App,
  Checkbox,
  DatePicker,
  Form,
  InputNumber,
  Select,
  Space,
  Switch,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfile } from '../../app/types';
import { EditDrawer } from '../../shared/FormFrame';
import { errorMessage } from '../../shared/formErrors';
import { useUpdateAgent } from './api';
import { applyAliasedErrors } from './fieldErrors';
import { WEEKDAYS } from './hours';

interface Values {
  capacity: number;
  skills: string[];
  languages: string[];
  alwaysOn: boolean;
  days: number[];
  start: Dayjs | null;
  end: Dayjs | null;
  absence: [Dayjs | null, Dayjs | null] | null;
}

const ALIAS = {
  'hours.days': 'days',
  'hours.start': 'start',
  'hours.end': 'end',
  'hours.alwaysOn': 'alwaysOn',
  absentFrom: 'absence',
  absentUntil: 'absence',
};
const FIELDS = ['capacity', 'skills', 'languages', 'alwaysOn', 'days', 'start', 'end', 'absence'];
const LANGUAGE_OPTIONS = ['zh', 'en', 'ja', 'ko', 'ru', 'fr', 'de', 'es'];

function time(value: string): Dayjs | null {
  const parsed = dayjs(`2000-01-01T${value}`);
  return parsed.isValid() ? parsed : null;
}

export function AgentDrawer({
  agent,
  onClose,
}: {
  agent: AgentProfile | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateAgent();
  const [failure, setFailure] = useState<string | null>(null);
  const alwaysOn = Form.useWatch('alwaysOn', form);

  useEffect(() => {
    if (!agent) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({
      capacity: agent.capacity,
      skills: agent.skills,
      languages: agent.languages,
      alwaysOn: agent.hours.alwaysOn,
      days: agent.hours.days,
      start: time(agent.hours.start),
      end: time(agent.hours.end),
      absence:
        agent.absentFrom || agent.absentUntil
          ? [
              agent.absentFrom ? dayjs(agent.absentFrom) : null,
              agent.absentUntil ? dayjs(agent.absentUntil) : null,
            ]
          : null,
    });
  }, [agent, form]);

  const onFinish = (values: Values) => {
    if (!agent) return;
    setFailure(null);
    const [from, until] = values.absence ?? [null, null];
    update.mutate(
      {
        userId: agent.userId,
        capacity: values.capacity,
        skills: values.skills.map((s) => s.trim()).filter(Boolean),
        languages: values.languages.map((s) => s.trim()).filter(Boolean),
        hours: {
          alwaysOn: values.alwaysOn,
          days: [...(values.days ?? [])].sort((a, b) => a - b),
          start: values.start?.format('HH:mm') ?? agent.hours.start,
          end: values.end?.format('HH:mm') ?? agent.hours.end,
        },
        absentFrom: from ? from.toISOString() : null,
        absentUntil: until ? until.toISOString() : null,
      },
      {
        onSuccess: () => {
          void message.success(t('caseWork.people.saved', { name: agent.name }));
          onClose();
        },
        onError: (error) => {
          if (!applyAliasedErrors(form, error, ALIAS, FIELDS)) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <EditDrawer
      open={agent !== null}
      onClose={onClose}
      size={520}
      title={agent ? t('caseWork.people.editTitle', { name: agent.name }) : ''}
      form={form}
      saving={update.isPending}
      failure={failure}
      saveTestId="agent-save"
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="agent-form">
        <Form.Item
          name="capacity"
          label={t('caseWork.people.capacity')}
          extra={t('caseWork.people.capacityHint')}
          rules={[{ required: true, message: t('caseWork.people.capacityRequired') }]}
        >
          <InputNumber
            min={0}
            max={200}
            precision={0}
            style={{ width: 160 }}
            data-testid="agent-capacity"
          />
        </Form.Item>
        <Form.Item
          name="languages"
          label={t('caseWork.people.languages')}
          extra={t('caseWork.people.languagesHint')}
        >
          <Select
            mode="tags"
            options={LANGUAGE_OPTIONS.map((code) => ({
              value: code,
              label: t(`caseWork.language.${code}`, { defaultValue: code }),
            }))}
            data-testid="agent-languages"
          />
        </Form.Item>
        <Form.Item
          name="skills"
          label={t('caseWork.people.skills')}
          extra={t('caseWork.people.skillsHint')}
        >
          <Select mode="tags" open={false} suffixIcon={null} data-testid="agent-skills" />
        </Form.Item>
        <Form.Item
          name="alwaysOn"
          label={t('caseWork.people.alwaysOn')}
          valuePropName="checked"
          extra={t('caseWork.people.alwaysOnHint')}
        >
          <Switch data-testid="agent-always-on" />
        </Form.Item>
        {/* Hidden, not removed, round the clock: the stored hours are kept and sent back. */}
        <div hidden={Boolean(alwaysOn)}>
          <Form.Item name="days" label={t('caseWork.people.days')}>
            <Checkbox.Group
              options={WEEKDAYS.map((d) => ({ value: d, label: t(`caseWork.weekday.${d}`) }))}
            />
          </Form.Item>
          <Space size={16} align="start">
            <Form.Item name="start" label={t('caseWork.people.start')}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
            <Form.Item name="end" label={t('caseWork.people.end')}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
          </Space>
        </div>
        <Form.Item
          name="absence"
          label={t('caseWork.people.absence')}
          extra={t('caseWork.people.absenceHint')}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            data-testid="agent-absence"
          />
        </Form.Item>
      </Form>
    </EditDrawer>
  );
}
