// 要求补充材料: the items the complainant must supply, prefilled with the type's evidence they
// have not given yet; agents may add their own. The complainant sees exactly these items.
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../app/types';
import { applyFieldErrors } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import type { Refresh } from '../casework/WorkPanel';
import { WriteError } from '../casework/WriteError';
import { useRequestMaterials } from './api';

const MAX_ITEMS = 10;
const ITEM_MAX = 100;
const NOTE_MAX = 500;

interface Values {
  items: string[];
  note?: string;
}

interface Props {
  open: boolean;
  complaint: ComplaintDetail;
  refresh: Refresh;
  onClose: () => void;
}

export function MaterialsModal({ open, complaint, refresh, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const [form] = Form.useForm<Values>();
  const request = useRequestMaterials(complaint.number);
  const [failure, setFailure] = useState<unknown>(null);
  // The version on screen when the dialog opened; a change made meanwhile is a conflict.
  const [version, setVersion] = useState(complaint.version);
  useEffect(() => {
    if (open) setVersion(complaint.version);
  }, [open]);

  const supplied = new Set(complaint.evidence.map((e) => e.evidenceKey));
  const options = complaint.rules.requiredEvidence.map((e) => ({
    value: local(e.label),
    label: local(e.label),
  }));
  const missing = complaint.rules.requiredEvidence
    .filter((e) => !supplied.has(e.key))
    .map((e) => local(e.label));

  // The form unmounts with the modal (destroyOnHidden), so it starts afresh on every opening.
  const close = () => {
    setFailure(null);
    request.reset();
    onClose();
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    const items = values.items.map((item) => item.trim()).filter(Boolean);
    const note = values.note?.trim();
    request.mutate(
      { items, version, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          message.success(t('consoleComplaints.materials.sent'));
          close();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['items', 'note'])) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('consoleComplaints.materials.title')}
      okText={t('consoleComplaints.materials.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={request.isPending}
      destroyOnHidden
      width={600}
    >
      {failure ? (
        <div style={{ marginBottom: 16 }}>
          <WriteError
            error={failure}
            kept
            onRefresh={async () => {
              const fresh = await refresh();
              if (fresh) setVersion(fresh.version);
              setFailure(null);
            }}
            testId="materials-error"
          />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ items: missing.slice(0, MAX_ITEMS) }}
        data-testid="materials-form"
      >
        <Form.Item
          name="items"
          label={t('consoleComplaints.materials.items')}
          extra={t('consoleComplaints.materials.itemsHint', { count: MAX_ITEMS })}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('consoleComplaints.materials.itemsRequired'),
            },
            {
              type: 'array',
              max: MAX_ITEMS,
              message: t('consoleComplaints.materials.tooMany', { count: MAX_ITEMS }),
            },
            {
              validator: (_, items: string[] | undefined) =>
                (items ?? []).some((item) => item.trim().length > ITEM_MAX)
                  ? Promise.reject(
                      new Error(t('consoleComplaints.materials.itemTooLong', { count: ITEM_MAX })),
                    )
                  : Promise.resolve(),
            },
          ]}
        >
          <Select
            mode="tags"
            options={options}
            tokenSeparators={['\n']}
            placeholder={t('consoleComplaints.materials.itemsPlaceholder')}
            data-testid="materials-items"
          />
        </Form.Item>
        <Form.Item name="note" label={t('consoleComplaints.materials.note')}>
          <Input.TextArea
            rows={3}
            maxLength={NOTE_MAX}
            showCount
            placeholder={t('consoleComplaints.materials.notePlaceholder')}
            data-testid="materials-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
