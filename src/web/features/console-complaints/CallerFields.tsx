// 来电人: who the complaint is for and how to reach them; a phone or an e-mail is needed, since
// that is how the caller's own account is found and how they log in to follow the case.
import { Col, Form, Input, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../app/types';
import type { FilingValues } from './filing';
import { useChannelLabel } from './tags';

// API channels belong to machine callers (tokens, merchant integrations), not to a person at a desk.
const STAFF_CHANNELS: readonly Channel[] = [
  'phone',
  ...CHANNELS.filter((c) => c !== 'phone' && c !== 'api' && c !== 'merchant_api'),
];

export function CallerFields({ form }: { form: FormInstance<FilingValues> }) {
  const { t } = useTranslation();
  const channelLabel = useChannelLabel();

  const eitherContact = () => {
    const { phone, email } = form.getFieldValue('complainant') ?? {};
    return phone?.trim() || email?.trim()
      ? Promise.resolve()
      : Promise.reject(new Error(t('consoleComplaints.new.contactRequired')));
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={['complainant', 'name']}
          label={t('consoleComplaints.new.callerName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('consoleComplaints.new.callerNameRequired'),
            },
          ]}
        >
          <Input maxLength={50} autoComplete="off" data-testid="caller-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['complainant', 'phone']}
          label={t('consoleComplaints.new.callerPhone')}
          dependencies={[['complainant', 'email']]}
          rules={[
            { validator: eitherContact },
            { pattern: /^1[3-9]\d{9}$/, message: t('consoleComplaints.new.kindInvalid.phone') },
          ]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" data-testid="caller-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['complainant', 'email']}
          label={t('consoleComplaints.new.callerEmail')}
          extra={t('consoleComplaints.new.contactHint')}
          rules={[{ type: 'email', message: t('consoleComplaints.new.kindInvalid.email') }]}
        >
          <Input type="email" autoComplete="off" data-testid="caller-email" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="channel"
          label={t('consoleComplaints.field.channel')}
          rules={[{ required: true }]}
        >
          <Select
            options={STAFF_CHANNELS.map((value) => ({ value, label: channelLabel(value) }))}
            data-testid="filing-channel"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
