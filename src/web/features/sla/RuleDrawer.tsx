// Writing an escalation rule: which complaints it watches (empty = all), when it fires (a span
// since acceptance or the last progress, or an SLA clock warning/breaching), and what it does.
import {
  App,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../../shared/catalog';
import {
  CLOCK_KINDS,
  SLA_UNITS,
  type ClockKind,
  type EscalationAction,
  type EscalationActionKind,
  type EscalationCondition,
  type EscalationRule,
  type EscalationRuleInput,
  type ExpressTier,
  type SlaUnit,
} from '../../../shared/sla';
import { ApiError } from '../../app/api';
import type { Category, LocalText } from '../../app/types';
import { EditDrawer, type Failure } from '../../shared/FormFrame';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { BilingualInputs, CODE_RULE } from '../catalog/formParts';
import { applyServerErrors, firstErrorPath } from '../catalog/serverErrors';
import { useSaveRule } from './admin-api';
import { specificFields } from './admin-errors';
import { useSlaWords } from './admin-text';
import { RuleActions } from './RuleActions';

interface ActionValue {
  do: EscalationActionKind;
  priority?: Priority;
  tag?: string;
  tier?: ExpressTier;
}

interface Values {
  code: string;
  name: LocalText;
  enabled: boolean;
  position: number;
  match: { categories: string[]; types: string[]; priorities: Priority[] };
  condition: {
    trigger: 'elapsed' | 'clock';
    since: 'accepted' | 'last_progress';
    after: { value: number; unit: SlaUnit };
    untilTreated: boolean;
    clock: ClockKind;
    state: 'warning' | 'breached';
  };
  actions: ActionValue[];
}

function valuesOf(rule: EscalationRule | null, position: number): Values {
  const c = rule?.condition;
  return {
    code: rule?.code ?? '',
    name: rule?.name ?? { zh: '', en: '' },
    enabled: rule?.enabled ?? true,
    position: rule?.position ?? position,
    match: {
      categories: rule?.match.categories ?? [],
      types: rule?.match.types ?? [],
      priorities: rule?.match.priorities ?? [],
    },
    condition: {
      trigger: c?.trigger ?? 'elapsed',
      since: c?.trigger === 'elapsed' ? c.since : 'accepted',
      after: c?.trigger === 'elapsed' ? { ...c.after } : { value: 48, unit: 'hours' },
      untilTreated: c?.trigger === 'elapsed' ? c.untilTreated : true,
      clock: c?.trigger === 'clock' ? c.clock : 'resolution',
      state: c?.trigger === 'clock' ? c.state : 'breached',
    },
    actions: rule?.actions.map((a) => ({ ...a })) ?? [{ do: 'alert_supervisors' }],
  };
}

function conditionOf(v: Values['condition']): EscalationCondition {
  return v.trigger === 'clock'
    ? { trigger: 'clock', clock: v.clock, state: v.state }
    : { trigger: 'elapsed', since: v.since, after: v.after, untilTreated: v.untilTreated };
}

function actionOf(a: ActionValue): EscalationAction {
  switch (a.do) {
    case 'set_priority':
      return { do: 'set_priority', priority: a.priority ?? 'red' };
    case 'add_tag':
      return { do: 'add_tag', tag: (a.tag ?? '').trim() };
    case 'set_express_tier':
      return { do: 'set_express_tier', tier: a.tier ?? 2 };
    default:
      return { do: a.do };
  }
}

const SHOWN =
  /^(code|name\.(zh|en)|position|enabled|match\.(categories|types|priorities)|condition\.(trigger|since|after\.value|after\.unit|untilTreated|clock|state)|actions\.\d+\.(do|priority|tag|tier))$/;
const shows = (path: string) => SHOWN.test(path);
const alias = (path: string) =>
  path === 'condition.after' ? 'condition.after.value' : path.replace(/^(match\.\w+)\.\d+$/, '$1');

export function RuleDrawer({
  editing,
  categories,
  nextPosition,
  onClose,
}: {
  editing: { rule: EscalationRule | null } | null;
  categories: Category[];
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const words = useSlaWords();
  const [form] = Form.useForm<Values>();
  const save = useSaveRule();
  const [failure, setFailure] = useState<Failure>(null);
  const [last, setLast] = useState(editing);
  const rule = (editing ?? last)?.rule ?? null;
  const trigger = Form.useWatch(['condition', 'trigger'], form);
  const chosenCategories = Form.useWatch(['match', 'categories'], form) ?? [];
  const condition = Form.useWatch('condition', form);

  useEffect(() => {
    if (!editing) return;
    setLast(editing);
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(valuesOf(editing.rule, nextPosition));
    // Keyed on the rule being opened; a refetch of the list must not wipe what is typed.
    // nextPosition only seeds a new rule.
  }, [editing, form]);

  const typeOptions = categories
    .filter((c) => chosenCategories.length === 0 || chosenCategories.includes(c.code))
    .map((c) => ({
      label: local(c.name),
      options: c.types.map((x) => ({ value: x.code, label: local(x.name) })),
    }));

  const onFinish = (values: Values) => {
    setFailure(null);
    const input: EscalationRuleInput = {
      code: values.code.trim(),
      name: { zh: values.name.zh.trim(), en: (values.name.en ?? '').trim() },
      enabled: values.enabled,
      position: values.position,
      match: Object.fromEntries(
        Object.entries(values.match).filter(([, list]) => list && list.length > 0),
      ),
      condition: conditionOf(values.condition),
      actions: values.actions.map(actionOf),
    };
    save.mutate(
      { id: rule?.id ?? null, input },
      {
        onSuccess: (saved) => {
          void message.success(t('slaAdmin.rules.saved', { name: local(saved.name) }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'rule_code_taken') {
            form.setFields([{ name: 'code', errors: [error.message] }]);
            form.scrollToField('code');
            return;
          }
          const specific = specificFields(error);
          const rest = applyServerErrors(form, specific, shows, alias);
          const first = firstErrorPath(specific, shows, alias);
          if (first) form.scrollToField(first);
          if (!first || rest.length > 0) setFailure([errorMessage(error, t), ...rest]);
        },
      },
    );
  };

  return (
    <EditDrawer
      open={editing !== null}
      onClose={onClose}
      size={720}
      title={rule ? t('slaAdmin.rules.editTitle') : t('slaAdmin.rules.newTitle')}
      form={form}
      saving={save.isPending}
      failure={failure}
      saveTestId="rule-save"
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="rule-form">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="code"
              label={t('slaAdmin.rules.code')}
              rules={CODE_RULE(t)}
              extra={rule ? undefined : t('slaAdmin.rules.codeHint')}
            >
              <Input maxLength={40} disabled={Boolean(rule)} data-testid="rule-code" />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item
              name="position"
              label={t('slaAdmin.rules.position')}
              rules={[{ required: true, message: t('slaAdmin.required') }]}
            >
              <InputNumber min={0} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="enabled" label={t('slaAdmin.rules.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <BilingualInputs
          name="name"
          label={t('slaAdmin.rules.nameField')}
          required
          maxLength={80}
          testId="rule-name"
        />

        <div className="sla-form-section">{t('slaAdmin.rules.match')}</div>
        <Typography.Paragraph type="secondary" className="sla-small">
          {t('slaAdmin.rules.matchHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['match', 'categories']} label={t('slaAdmin.rules.categories')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('slaAdmin.rules.any')}
                options={categories.map((c) => ({ value: c.code, label: local(c.name) }))}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['match', 'priorities']} label={t('slaAdmin.rules.priorities')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('slaAdmin.rules.any')}
                options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['match', 'types']} label={t('slaAdmin.rules.types')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('slaAdmin.rules.any')}
            options={typeOptions}
            optionFilterProp="label"
          />
        </Form.Item>

        <div className="sla-form-section">{t('slaAdmin.rules.condition')}</div>
        <Form.Item name={['condition', 'trigger']}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'elapsed', label: t('slaAdmin.rules.trigger.elapsed') },
              { value: 'clock', label: t('slaAdmin.rules.trigger.clock') },
            ]}
          />
        </Form.Item>
        {trigger === 'clock' ? (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={['condition', 'clock']} label={t('slaAdmin.rules.clock')}>
                <Select
                  options={CLOCK_KINDS.map((k) => ({ value: k, label: t(`slaAdmin.clock.${k}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['condition', 'state']} label={t('slaAdmin.rules.state')}>
                <Select
                  options={(['warning', 'breached'] as const).map((s) => ({
                    value: s,
                    label: t(`slaAdmin.rules.stateName.${s}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['condition', 'since']} label={t('slaAdmin.rules.since')}>
                <Select
                  options={(['accepted', 'last_progress'] as const).map((s) => ({
                    value: s,
                    label: t(`slaAdmin.rules.sinceName.${s}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={t('slaAdmin.rules.after')} required>
                <Space.Compact block>
                  <Form.Item
                    name={['condition', 'after', 'value']}
                    noStyle
                    rules={[{ required: true, message: t('slaAdmin.required') }]}
                  >
                    <InputNumber min={0} max={8760} style={{ width: '50%' }} />
                  </Form.Item>
                  <Form.Item name={['condition', 'after', 'unit']} noStyle>
                    <Select
                      style={{ width: '50%' }}
                      options={SLA_UNITS.map((u) => ({
                        value: u,
                        label: t(`slaAdmin.unitShort.${u}`),
                      }))}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name={['condition', 'untilTreated']}
                label={t('slaAdmin.rules.untilTreated')}
                valuePropName="checked"
                tooltip={t('slaAdmin.rules.untilTreatedHint')}
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        )}
        {condition?.trigger && (
          <div className="sla-condition-preview">
            {t('slaAdmin.rules.readsAs')}
            <b>{words.condition(conditionOf(condition))}</b>
          </div>
        )}

        <div className="sla-form-section">{t('slaAdmin.rules.actions')}</div>
        <RuleActions form={form} />
      </Form>
    </EditDrawer>
  );
}
