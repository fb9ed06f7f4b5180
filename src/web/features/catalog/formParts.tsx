// Pieces shared by the category and problem-type drawers.
import { Col, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The server's rule for codes, checked here too so the common mistake is caught at once. */
export const CODE_RULE = (t: TFunction): Rule[] => [
  { required: true, whitespace: true, message: t('catalogAdmin.codeRequired') },
  { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('catalogAdmin.codeHint') },
];

/** A Chinese and an English input side by side for one bilingual value (name, label, note). */
export function BilingualInputs({
  name,
  label,
  required = false,
  requiredMessage,
  maxLength,
  multiline = false,
  testId,
}: {
  name: (string | number)[] | string;
  label?: string;
  required?: boolean;
  requiredMessage?: string;
  maxLength: number;
  multiline?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const base = Array.isArray(name) ? name : [name];
  const rules: Rule[] = required
    ? [{ required: true, whitespace: true, message: requiredMessage ?? t('catalogAdmin.required') }]
    : [];
  const input = (lang: 'zh' | 'en') =>
    multiline ? (
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={maxLength}
        placeholder={t(`catalogAdmin.lang.${lang}`)}
        data-testid={testId ? `${testId}-${lang}` : undefined}
      />
    ) : (
      <Input
        maxLength={maxLength}
        placeholder={t(`catalogAdmin.lang.${lang}`)}
        data-testid={testId ? `${testId}-${lang}` : undefined}
      />
    );
  return (
    <Form.Item label={label} required={required} style={{ marginBottom: 0 }}>
      <Row gutter={12}>
        {(['zh', 'en'] as const).map((lang) => (
          <Col span={12} key={lang}>
            <Form.Item name={[...base, lang]} rules={rules}>
              {input(lang)}
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}
