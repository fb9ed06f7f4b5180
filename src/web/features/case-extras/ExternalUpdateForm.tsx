// 登记对方进度: one status reported by an external platform for one of its case numbers. Used on
// the external platforms page and, with the case fixed, on the staff complaint page.
import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_STATUS_LABELS, EXTERNAL_STATUSES } from '../../../shared/cases';
import type { ExternalStatus } from '../../app/types';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { useLocalText } from '../../shared/text';
import { useExternalUpdate, usePlatforms } from './api';

interface Values {
  platform: string;
  externalNumber: string;
  status: ExternalStatus;
  note?: string;
  at?: Dayjs | null;
}

const FIELDS = ['platform', 'externalNumber', 'status', 'note', 'at'];
/** The server's limit for a platform's status note. */
const STATUS_NOTE_MAX = 500;

export function ExternalUpdateForm({
  fixed,
  onDone,
  showResult = true,
}: {
  /** The case the update is for, when the form is opened from it. */
  fixed?: { platform: string; externalNumber: string };
  onDone?: () => void;
  showResult?: boolean;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const platforms = usePlatforms();
  const update = useExternalUpdate();
  const [failure, setFailure] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setFailure(null);
    setApplied(null);
    update.mutate(
      {
        platform: fixed?.platform ?? values.platform,
        externalNumber: fixed?.externalNumber ?? values.externalNumber.trim(),
        status: values.status,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(values.at ? { at: values.at.toDate().toISOString() } : {}),
      },
      {
        onSuccess: (result) => {
          if (result && result.ok === false) {
            setFailure(result.error?.message ?? t('error.unknown'));
            return;
          }
          void message.success(
            t(
              result?.handedBack ? 'caseExtras.external.handedBack' : 'caseExtras.external.updated',
            ),
          );
          setApplied(result?.number ?? null);
          form.resetFields(['status', 'note', 'at']);
          onDone?.();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, FIELDS)) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid="external-update-form">
      {!fixed && (
        <>
          <Form.Item
            name="platform"
            label={t('caseExtras.external.platform')}
            rules={[{ required: true, message: t('caseExtras.external.platformRequired') }]}
          >
            <Select
              loading={platforms.isPending}
              options={(platforms.data ?? []).map((p) => ({ value: p.code, label: local(p.name) }))}
              data-testid="update-platform"
            />
          </Form.Item>
          <Form.Item
            name="externalNumber"
            label={t('caseExtras.external.externalNumber')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('caseExtras.external.numberRequired'),
              },
            ]}
          >
            <Input maxLength={60} autoComplete="off" data-testid="update-number" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="status"
        label={t('caseExtras.external.status')}
        rules={[{ required: true, message: t('caseExtras.external.statusRequired') }]}
      >
        <Select
          options={EXTERNAL_STATUSES.map((value) => ({
            value,
            label: local(EXTERNAL_STATUS_LABELS[value]),
          }))}
          data-testid="update-status"
        />
      </Form.Item>
      <Form.Item name="note" label={t('caseExtras.external.note')}>
        <Input.TextArea
          maxLength={STATUS_NOTE_MAX}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          data-testid="update-note"
        />
      </Form.Item>
      <Form.Item
        name="at"
        label={t('caseExtras.external.at')}
        extra={t('caseExtras.external.atHint')}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          style={{ marginBottom: 12 }}
          data-testid="update-error"
        />
      )}
      {showResult && applied && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('caseExtras.external.appliedTo', { number: applied })}
          action={
            <LinkButton size="small" to={`/console/complaints/${applied}`}>
              {t('caseExtras.open')}
            </LinkButton>
          }
          data-testid="update-applied"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        loading={update.isPending}
        data-testid="update-submit"
      >
        {t('caseExtras.external.submitUpdate')}
      </Button>
    </Form>
  );
}
