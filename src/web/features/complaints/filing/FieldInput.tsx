// One required field of a problem type, as a form item whose input and check fit its kind.
import { DatePicker, Form, Input } from 'antd';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldKind, RequiredField } from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { checkFieldValue, normaliseNumber } from '../rules';

const INPUT_MODE: Partial<Record<FieldKind, 'decimal' | 'tel' | 'email' | 'url'>> = {
  amount: 'decimal',
  phone: 'tel',
  email: 'email',
  url: 'url',
};

const MAX_LENGTH: Partial<Record<FieldKind, number>> = {
  order_number: 40,
  waybill_number: 30,
  phone: 20,
  id_number: 18,
  case_number: 24,
  text: 200,
  url: 200,
};

export function FieldInput({ field }: { field: RequiredField }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const p = 'portalComplaints';
  const label = local(field.label);
  const rules: FormRule[] = [
    { required: field.required, whitespace: true, message: t(`${p}.fieldRequired`, { label }) },
    {
      validator: (_, value: string | undefined) => {
        const problem = value?.trim() ? checkFieldValue(field.kind, value) : null;
        return problem
          ? Promise.reject(new Error(t(`${p}.fieldError.${problem}`)))
          : Promise.resolve();
      },
    },
  ];
  const name = ['fields', field.key];
  const testId = `field-${field.key}`;
  const placeholder = t(`${p}.fieldPlaceholder.${field.kind}`, { defaultValue: '' }) || undefined;
  const shownLabel = field.required ? label : t('catalog.optionalField', { label });

  if (field.kind === 'date') {
    // Kept as YYYY-MM-DD in the form, the format the server takes; the picker works on dayjs.
    return (
      <Form.Item
        name={name}
        label={shownLabel}
        rules={rules}
        getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : null })}
        normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : '')}
      >
        <DatePicker
          style={{ width: '100%' }}
          size="large"
          inputReadOnly
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          placeholder={placeholder}
          data-testid={testId}
        />
      </Form.Item>
    );
  }

  const upper = field.kind === 'case_number' || field.kind === 'waybill_number';
  return (
    <Form.Item
      name={name}
      label={shownLabel}
      rules={rules}
      normalize={upper ? (v: string) => normaliseNumber(v).replace(/\s/g, '') : undefined}
      validateFirst
    >
      <Input
        size="large"
        inputMode={INPUT_MODE[field.kind]}
        type={field.kind === 'email' ? 'email' : 'text'}
        prefix={field.kind === 'amount' ? '¥' : undefined}
        maxLength={MAX_LENGTH[field.kind]}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        data-testid={testId}
      />
    </Form.Item>
  );
}
