// A modal that asks why (and, for a transfer, where to): release, 转派 and escalation share it.
// The version is the one on screen when the modal opened; a conflict keeps what was typed.
import { Form, Input, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../shared/formErrors';
import type { Refresh } from './WorkPanel';
import { WriteError } from './WriteError';

const REASON_MAX = 500;

export interface ReasonValues {
  reason: string;
  teamCode?: string;
  assigneeId?: string | null;
}

interface Props {
  open: boolean;
  title: string;
  okText: string;
  reasonLabel: string;
  reasonPlaceholder?: string;
  hint?: ReactNode;
  /** Extra fields above the reason (the transfer's team and person). */
  children?: ReactNode;
  initialValues?: Partial<ReasonValues>;
  version: number;
  refresh: Refresh;
  onSubmit: (values: ReasonValues, version: number) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}

export function ReasonModal(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReasonValues>();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [version, setVersion] = useState(props.version);
  const { open } = props;

  useEffect(() => {
    if (!open) return;
    setError(null);
    setVersion(props.version);
    // Only on opening: a live refresh while it is open must not move the base version.
  }, [open]);

  const onFinish = (values: ReasonValues) => {
    setError(null);
    setPending(true);
    props
      .onSubmit({ ...values, reason: values.reason.trim() }, version)
      .then(() => props.onClose())
      .catch((e: unknown) => {
        if (!applyFieldErrors(form, e, ['reason', 'teamCode', 'assigneeId'])) setError(e);
      })
      .finally(() => setPending(false));
  };

  return (
    <Modal
      open={open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={560}
    >
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <WriteError
            error={error}
            kept
            onRefresh={async () => {
              const fresh = await props.refresh();
              if (fresh) setVersion(fresh.version);
              setError(null);
            }}
            testId={`${props.testId}-error`}
          />
        </div>
      ) : null}
      {props.hint}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={props.initialValues}
        data-testid={props.testId}
      >
        {props.children}
        <Form.Item
          name="reason"
          label={props.reasonLabel}
          rules={[
            { required: true, whitespace: true, message: t('caseWork.reason.required') },
            { max: REASON_MAX, message: t('caseWork.reason.tooLong', { count: REASON_MAX }) },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REASON_MAX}
            showCount
            placeholder={props.reasonPlaceholder}
            data-testid={`${props.testId}-reason`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
