// The chosen problem type's own fields (运单号, 订单号, 金额 …), each with an input that suits
// its kind. The server checks every kind again; these rules only catch slips while typing.
import { Col, Form, Input, Row } from 'antd';
import type { InputProps } from 'antd';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldKind, RequiredField } from '../../app/types';
import { useLocalText } from '../../shared/text';

const PATTERNS: Partial<Record<FieldKind, RegExp>> = {
  amount: /^\d+(\.\d{1,2})?$/,
  phone: /^1[3-9]\d{9}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

// Form.Item hands value/onChange to its direct child, so they must reach the Input.
type Passed = Omit<InputProps, 'type'>;

function FieldInput({ field, label, ...passed }: { field: RequiredField; label: string } & Passed) {
  const { t } = useTranslation();
  const testId = `field-${field.key}`;
  const placeholder = t(`consoleComplaints.new.kindPlaceholder.${field.kind}`, {
    defaultValue: '',
  });
  switch (field.kind) {
    case 'date':
      // The browser's own date picker: no date library needed, and the value is already ISO.
      return <Input {...passed} type="date" aria-label={label} data-testid={testId} />;
    case 'amount':
      return (
        <Input
          {...passed}
          inputMode="decimal"
          suffix={t('consoleComplaints.new.yuan')}
          placeholder={placeholder}
          data-testid={testId}
        />
      );
    case 'phone':
      return (
        <Input
          {...passed}
          inputMode="tel"
          maxLength={11}
          placeholder={placeholder}
          data-testid={testId}
        />
      );
    case 'email':
      return <Input {...passed} type="email" placeholder={placeholder} data-testid={testId} />;
    default:
      return <Input {...passed} maxLength={200} placeholder={placeholder} data-testid={testId} />;
  }
}

export function TypeFieldInputs({ fields }: { fields: readonly RequiredField[] }) {
  const { t } = useTranslation();
  const local = useLocalText();
  if (fields.length === 0) return null;
  return (
    <Row gutter={16}>
      {fields.map((field) => {
        const label = local(field.label);
        const rules: FormRule[] = [
          {
            required: field.required,
            whitespace: true,
            message: t('consoleComplaints.new.fieldRequired', { label }),
          },
        ];
        const pattern = PATTERNS[field.kind];
        if (pattern) {
          rules.push({
            pattern,
            message: t(`consoleComplaints.new.kindInvalid.${field.kind}`),
          });
        }
        return (
          <Col xs={24} md={12} key={field.key}>
            <Form.Item
              name={['fields', field.key]}
              label={field.required ? label : t('catalog.optionalField', { label })}
              rules={rules}
            >
              <FieldInput field={field} label={label} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
