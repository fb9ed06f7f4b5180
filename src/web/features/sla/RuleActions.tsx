// The action list of an escalation rule: each row an action, with the one setting it needs
// (the priority, the tag, the express tier).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../shared/catalog';
import {
  ESCALATION_ACTIONS,
  EXPRESS_TIER_LABELS,
  EXPRESS_TIERS,
  type EscalationActionKind,
} from '../../../shared/sla';
import { useLocalText } from '../../shared/text';

export function RuleActions({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="actions"
      rules={[
        {
          validator: (_, list: unknown[] | undefined) =>
            list && list.length > 0
              ? Promise.resolve()
              : Promise.reject(new Error(t('slaAdmin.rules.actionsRequired'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <div className="sla-action-row" key={field.key}>
              <Form.Item name={[field.name, 'do']} style={{ marginBottom: 12 }}>
                <Select
                  options={ESCALATION_ACTIONS.map((a) => ({
                    value: a,
                    label: t(`slaAdmin.action.${a}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(a, b) => a.actions?.[field.name]?.do !== b.actions?.[field.name]?.do}
              >
                {() => (
                  <ActionParam
                    name={field.name}
                    kind={form.getFieldValue(['actions', field.name, 'do'])}
                  />
                )}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('slaAdmin.remove')}
                onClick={() => remove(field.name)}
              />
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ do: 'add_tag', tag: '' })}
            block
            style={{ marginTop: 4 }}
          >
            {t('slaAdmin.rules.addAction')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function ActionParam({ name, kind }: { name: number; kind: EscalationActionKind | undefined }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const style = { marginBottom: 12 };
  if (kind === 'set_priority') {
    return (
      <Form.Item name={[name, 'priority']} initialValue="red" style={style}>
        <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
      </Form.Item>
    );
  }
  if (kind === 'add_tag') {
    return (
      <Form.Item
        name={[name, 'tag']}
        style={style}
        rules={[{ required: true, whitespace: true, message: t('slaAdmin.rules.tagRequired') }]}
      >
        <Input maxLength={20} placeholder={t('slaAdmin.rules.tagPlaceholder')} />
      </Form.Item>
    );
  }
  if (kind === 'set_express_tier') {
    return (
      <Form.Item name={[name, 'tier']} initialValue={2} style={style}>
        <Select
          options={EXPRESS_TIERS.map((tier) => ({
            value: tier,
            label: local(EXPRESS_TIER_LABELS[tier]),
          }))}
        />
      </Form.Item>
    );
  }
  return <span className="sla-muted sla-action-none">{t('slaAdmin.rules.noParam')}</span>;
}
