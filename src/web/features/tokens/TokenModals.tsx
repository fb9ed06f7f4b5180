// Creating a token, and the one-time display of its secret.
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../app/types';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useCreateToken } from './api';

interface Values {
  name: string;
  role: StaffRole;
}

export function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    form.resetFields();
    create.reset();
    onClose();
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    create.mutate(
      { name: values.name.trim(), role: values.role },
      {
        onSuccess: (result) => {
          close();
          onCreated(result.token, result.item.name);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['name', 'role'])) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
    >
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ role: 'merchant' }}
        data-testid="create-token-form"
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          extra={t('tokens.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="create-token-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('tokens.role')}
          extra={t('tokens.roleHint')}
          rules={[{ required: true, message: t('tokens.roleRequired') }]}
        >
          <Select
            options={STAFF_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
            data-testid="create-token-role"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TokenSecretModal({
  secret,
  onClose,
}: {
  secret: { token: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open={secret !== null}
      title={t('tokens.secretTitle', { name: secret?.name ?? '' })}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-done">
          {t('tokens.secretDone')}
        </Button>
      }
      data-testid="token-secret-modal"
    >
      <Alert
        type="warning"
        showIcon
        title={t('tokens.secretWarning')}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph
        className="token-box"
        copyable={{
          text: secret?.token ?? '',
          tooltips: [t('common.copy'), t('common.copied')],
          onCopy: () => message.success(t('common.copied')),
        }}
        data-testid="token-secret"
      >
        {secret?.token}
      </Typography.Paragraph>
    </Modal>
  );
}
