// 办结 / 驳回 / 转办 need a written opinion, which the complainant reads on their timeline;
// 代为提交材料 (materials received by phone or mail) takes an optional note.
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_MAX } from '../../../shared/complaints';
import { WriteError } from '../casework/WriteError';

export type OpinionAction = 'transfer' | 'resolve' | 'reject' | 'supply_materials';

const NOTE_MAX = 500;

interface Props {
  action: OpinionAction | null;
  onCancel: () => void;
  onSubmit: (action: OpinionAction, opinion: string) => Promise<unknown>;
  /** After a version conflict: load the complaint again; the typed opinion stays. */
  onRefresh: () => Promise<void>;
}

export function OpinionModal({ action, onCancel, onSubmit, onRefresh }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  // The form unmounts with the modal (destroyOnHidden), so it starts empty on every opening.
  const close = () => {
    setFailure(null);
    onCancel();
  };

  const onFinish = ({ opinion }: { opinion?: string }) => {
    if (!action) return;
    setFailure(null);
    setPending(true);
    onSubmit(action, opinion?.trim() ?? '')
      .catch((error: unknown) => setFailure(error))
      .finally(() => setPending(false));
  };

  const key = action ?? 'resolve';
  const optional = key === 'supply_materials';
  const max = optional ? NOTE_MAX : OPINION_MAX;
  return (
    <Modal
      open={action !== null}
      title={t(`consoleComplaints.opinion.${key}.title`)}
      okText={t(`consoleComplaints.action.${key}`)}
      okButtonProps={{ danger: key === 'reject' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={pending}
      destroyOnHidden
      width={560}
    >
      {failure ? (
        <div style={{ marginBottom: 16 }}>
          <WriteError
            error={failure}
            kept
            onRefresh={async () => {
              await onRefresh();
              setFailure(null);
            }}
            testId="opinion-error"
          />
        </div>
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="opinion-form">
        <Form.Item
          name="opinion"
          label={t(`consoleComplaints.opinion.${key}.label`)}
          extra={t(`consoleComplaints.opinion.${key}.hint`)}
          rules={[
            {
              required: !optional,
              whitespace: true,
              message: t(`consoleComplaints.opinion.${key}.required`),
            },
            { max, message: t('consoleComplaints.opinion.tooLong', { count: max }) },
          ]}
        >
          <Input.TextArea
            rows={6}
            maxLength={max}
            showCount
            placeholder={t(`consoleComplaints.opinion.${key}.placeholder`)}
            data-testid="opinion-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
