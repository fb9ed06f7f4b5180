// What a merchant does on a complaint: reply to the complainant (the first reply stops the
// deadline clock) and propose a remedy (refund, reship, compensation) for them to accept.
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMEDY_KINDS, REPLY_MAX } from '../../../shared/cases';
import type { ComplaintDetail, RemedyKind } from '../../app/types';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useMerchantReply, useProposeRemedy } from './api';

const NOTE_MAX = 500;

export function ReplyCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const reply = useMerchantReply(complaint.number);
  const first = !complaint.merchant?.firstReplyAt;

  const send = () =>
    reply.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        void message.success(t('caseExtras.reply.sent'));
      },
    });

  return (
    <Card title={t('caseExtras.reply.title')} data-testid="merchant-reply-card">
      {first && (
        <Alert
          type="warning"
          showIcon
          title={t('caseExtras.reply.firstHint')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('caseExtras.reply.placeholder')}
        maxLength={REPLY_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        disabled={reply.isPending}
        data-testid="merchant-reply-text"
      />
      {reply.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(reply.error, t)}
          style={{ marginTop: 12 }}
        />
      )}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={!text.trim()}
        loading={reply.isPending}
        onClick={send}
        data-testid="merchant-reply-send"
      >
        {t('caseExtras.reply.send')}
      </Button>
    </Card>
  );
}

interface RemedyValues {
  kind: RemedyKind;
  amount?: number | null;
  note: string;
}

const REMEDY_FIELDS = ['kind', 'amount', 'note'];

export function RemedyFormCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RemedyValues>();
  const kind = Form.useWatch('kind', form);
  const propose = useProposeRemedy(complaint.number);
  const [failure, setFailure] = useState<string | null>(null);
  const needsAmount = kind !== 'reship';

  const onFinish = (values: RemedyValues) => {
    setFailure(null);
    propose.mutate(
      {
        kind: values.kind,
        note: values.note.trim(),
        ...(needsAmount && values.amount != null ? { amount: values.amount.toFixed(2) } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('caseExtras.remedy.proposed'));
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, REMEDY_FIELDS)) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Card title={t('caseExtras.remedy.formTitle')} data-testid="remedy-form-card">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'refund' }}
        onFinish={onFinish}
        data-testid="remedy-form"
      >
        <Form.Item name="kind" label={t('caseExtras.remedy.kindLabel')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={REMEDY_KINDS.map((value) => ({
              value,
              label: t(`caseExtras.remedy.kind.${value}`),
            }))}
            data-testid="remedy-kind"
          />
        </Form.Item>
        {needsAmount && (
          <Form.Item
            name="amount"
            label={t('caseExtras.remedy.amount')}
            rules={[{ required: true, message: t('caseExtras.remedy.amountRequired') }]}
          >
            <InputNumber
              min={0.01}
              max={1_000_000}
              step={1}
              precision={2}
              prefix="¥"
              suffix={t('caseExtras.remedy.yuan')}
              style={{ width: 220 }}
              data-testid="remedy-amount"
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('caseExtras.remedy.note')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.remedy.noteRequired') },
          ]}
        >
          <Input.TextArea
            maxLength={NOTE_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('caseExtras.remedy.notePlaceholder')}
            data-testid="remedy-note"
          />
        </Form.Item>
        {failure && (
          <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={propose.isPending}
          data-testid="remedy-submit"
        >
          {t('caseExtras.remedy.submit')}
        </Button>
      </Form>
    </Card>
  );
}
