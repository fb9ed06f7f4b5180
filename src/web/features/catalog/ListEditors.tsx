// Editors for a problem type's required fields and required evidence: one row per item, keys in
// snake_case, labels in both languages.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Tooltip, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
// The list lives with the contracts; app/types re-exports only their types.
import { FIELD_KINDS } from '../../../shared/catalog';
import './catalogAdmin.css';

export const MAX_ITEMS = 20;
const KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

function useRules() {
  const { t } = useTranslation();
  const key: Rule[] = [
    { required: true, whitespace: true, message: t('catalogAdmin.keyRequired') },
    { pattern: KEY, max: 40, message: t('catalogAdmin.keyHint') },
  ];
  const label: Rule[] = [{ required: true, whitespace: true, message: t('catalogAdmin.required') }];
  return { key, label };
}

function RowActions({ onRemove, label }: { onRemove: () => void; label: string }) {
  return (
    <Tooltip title={label}>
      <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={label} />
    </Tooltip>
  );
}

export function RequiredFieldsEditor() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <Form.List name="requiredFields">
      {(items, { add, remove }, { errors }) => (
        <div className="catalog-list-editor" data-testid="fields-editor">
          {items.length > 0 && (
            <div className="catalog-list-row catalog-list-head catalog-fields-row">
              <span>{t('catalogAdmin.key')}</span>
              <span>{t('catalogAdmin.kind')}</span>
              <span>{t('catalogAdmin.labelZh')}</span>
              <span>{t('catalogAdmin.labelEn')}</span>
              <span>{t('catalogAdmin.requiredCol')}</span>
              <span />
            </div>
          )}
          {items.map((item) => (
            <div className="catalog-list-row catalog-fields-row" key={item.key}>
              <Form.Item name={[item.name, 'key']} rules={rules.key}>
                <Input placeholder="order_number" maxLength={40} data-testid="field-key" />
              </Form.Item>
              <Form.Item name={[item.name, 'kind']}>
                <Select
                  options={FIELD_KINDS.map((kind) => ({
                    value: kind,
                    label: t(`catalogAdmin.kinds.${kind}`),
                  }))}
                  data-testid="field-kind"
                />
              </Form.Item>
              <Form.Item name={[item.name, 'label', 'zh']} rules={rules.label}>
                <Input maxLength={60} data-testid="field-label-zh" />
              </Form.Item>
              <Form.Item name={[item.name, 'label', 'en']} rules={rules.label}>
                <Input maxLength={60} data-testid="field-label-en" />
              </Form.Item>
              <Form.Item name={[item.name, 'required']} valuePropName="checked">
                <Checkbox aria-label={t('catalogAdmin.requiredCol')} />
              </Form.Item>
              <RowActions label={t('catalogAdmin.remove')} onRemove={() => remove(item.name)} />
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={items.length >= MAX_ITEMS}
            onClick={() =>
              add({ key: '', kind: 'text', label: { zh: '', en: '' }, required: true })
            }
            data-testid="field-add"
          >
            {t('catalogAdmin.addField', { count: MAX_ITEMS })}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function RequiredEvidenceEditor() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <Form.List name="requiredEvidence">
      {(items, { add, remove }, { errors }) => (
        <div className="catalog-list-editor" data-testid="evidence-editor">
          {items.length > 0 && (
            <div className="catalog-list-row catalog-list-head catalog-evidence-row">
              <span>{t('catalogAdmin.key')}</span>
              <span>{t('catalogAdmin.labelZh')}</span>
              <span>{t('catalogAdmin.labelEn')}</span>
              <span />
            </div>
          )}
          {items.map((item) => (
            <div className="catalog-list-row catalog-evidence-row" key={item.key}>
              <Form.Item name={[item.name, 'key']} rules={rules.key}>
                <Input placeholder="payment_proof" maxLength={40} />
              </Form.Item>
              <Form.Item name={[item.name, 'label', 'zh']} rules={rules.label}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name={[item.name, 'label', 'en']} rules={rules.label}>
                <Input maxLength={60} />
              </Form.Item>
              <RowActions label={t('catalogAdmin.remove')} onRemove={() => remove(item.name)} />
            </div>
          ))}
          {items.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('catalogAdmin.noEvidence')}
            </Typography.Paragraph>
          )}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={items.length >= MAX_ITEMS}
            onClick={() => add({ key: '', label: { zh: '', en: '' } })}
            data-testid="evidence-add"
          >
            {t('catalogAdmin.addEvidence', { count: MAX_ITEMS })}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
