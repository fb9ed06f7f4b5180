// 代客登记: an agent files a complaint for a caller (phone by default). The caller's account is
// found or created from the phone or e-mail, so they can follow it in the portal afterwards.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMAND_MAX, DESCRIPTION_MAX, type FilingResult } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { useFileComplaint } from './api';
import { CallerFields } from './CallerFields';
import { FilingDone } from './FilingDone';
import { toBody, type FilingValues } from './filing';
import { newIdempotencyKey } from './idempotency';
import { applyNestedFieldErrors } from './nestedFieldErrors';
import { TypeFieldInputs } from './TypeFieldInputs';
import { TypePicker, useTypeLookup } from './TypePicker';
import './console-complaints.css';

// The server's names for the inputs always on the form (the type's own fields come on top).
const BASE_FIELDS = [
  'complainant.name',
  'complainant.phone',
  'complainant.email',
  'channel',
  'type',
  'description',
  'demand',
];

export default function NewComplaintPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilingValues>();
  const file = useFileComplaint();
  // One key per form: a double click or a retry after a lost answer returns the first filing.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<FilingResult | null>(null);
  const typePath = Form.useWatch('typePath', form);
  const lookup = useTypeLookup();
  const selected = lookup(typePath?.[1]);

  const onFinish = (values: FilingValues) => {
    if (!values.typePath) return;
    setFailure(null);
    file.mutate(
      { body: toBody(values, values.typePath[1]), idempotencyKey },
      {
        onSuccess: setDone,
        onError: (error) => {
          const shown = [
            ...BASE_FIELDS,
            ...(selected?.type.requiredFields.map((f) => `fields.${f.key}`) ?? []),
          ];
          const all = applyNestedFieldErrors(form, error, shown, { type: ['typePath'] });
          if (!all) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  const startAgain = () => {
    form.resetFields();
    file.reset();
    setDone(null);
    setFailure(null);
    setIdempotencyKey(newIdempotencyKey());
  };

  const back = (
    <LinkButton
      to="/console/complaints"
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0, marginBottom: 8 }}
    >
      {t('consoleComplaints.list.title')}
    </LinkButton>
  );

  if (done) {
    return (
      <div style={{ maxWidth: 980 }}>
        {back}
        <FilingDone result={done} onAnother={startAgain} />
      </div>
    );
  }

  return (
    <div style={{ maxWidth: 980 }}>
      {back}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('consoleComplaints.new.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('consoleComplaints.new.intro')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ channel: 'phone' }}
        scrollToFirstError
        data-testid="filing-form"
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('consoleComplaints.new.callerTitle')}>
            <CallerFields form={form} />
          </Card>
          <Card title={t('consoleComplaints.new.caseTitle')}>
            <TypePicker selected={selected} />
            {selected && (
              <TypeFieldInputs key={selected.type.code} fields={selected.type.requiredFields} />
            )}
            <Form.Item
              name="description"
              label={t('consoleComplaints.field.description')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('consoleComplaints.new.descriptionRequired'),
                },
                {
                  max: DESCRIPTION_MAX,
                  message: t('consoleComplaints.new.tooLong', { count: DESCRIPTION_MAX }),
                },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={DESCRIPTION_MAX}
                showCount
                placeholder={t('consoleComplaints.new.descriptionPlaceholder')}
                data-testid="filing-description"
              />
            </Form.Item>
            <Form.Item
              name="demand"
              label={t('consoleComplaints.field.demand')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('consoleComplaints.new.demandRequired'),
                },
                {
                  max: DEMAND_MAX,
                  message: t('consoleComplaints.new.tooLong', { count: DEMAND_MAX }),
                },
              ]}
            >
              <Input
                maxLength={DEMAND_MAX}
                showCount
                placeholder={t('consoleComplaints.new.demandPlaceholder')}
                data-testid="filing-demand"
              />
            </Form.Item>
          </Card>
          {failure && (
            <Alert type="error" showIcon title={failure} role="alert" data-testid="filing-error" />
          )}
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={file.isPending}
              data-testid="filing-submit"
            >
              {t('consoleComplaints.new.submit')}
            </Button>
            <LinkButton to="/console/complaints">{t('common.cancel')}</LinkButton>
          </Space>
        </Space>
      </Form>
    </div>
  );
}
