// The frames every edit form in the console shares: a drawer with cancel/save in its header, a
// modal with the form's submit as OK, and the server's refusal shown above the fields (what it
// says about a single field goes under that field; see formErrors.ts). Both render while closed
// (forceRender) so the form instance stays connected to its fields.
import { Alert, Button, Drawer, Modal, Space, type ButtonProps, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The refusal: one message, or a message with more lines under it. */
export type Failure = string | string[] | null;

export function FailureAlert({ failure, testId }: { failure: Failure; testId?: string }) {
  if (!failure || failure.length === 0) return null;
  const [title, ...more] = Array.isArray(failure) ? failure : [failure];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={more.length > 0 ? more.join('\n') : undefined}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  );
}

export function EditDrawer({
  open,
  title,
  size,
  form,
  saving,
  failure,
  saveTestId,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  size: number;
  form: FormInstance;
  saving: boolean;
  failure: Failure;
  saveTestId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid={saveTestId}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <FailureAlert failure={failure} />
      {children}
    </Drawer>
  );
}

export function FormModal({
  open,
  title,
  okText,
  form,
  saving,
  failure,
  okTestId,
  failureTestId,
  okDisabled,
  intro,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance;
  saving: boolean;
  failure: Failure;
  okTestId: string;
  failureTestId?: string;
  okDisabled?: boolean;
  /** Shown above the refusal and the fields. */
  intro?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      forceRender
      okButtonProps={{ 'data-testid': okTestId, disabled: okDisabled } as ButtonProps}
    >
      {intro}
      <FailureAlert failure={failure} testId={failureTestId} />
      {children}
    </Modal>
  );
}
