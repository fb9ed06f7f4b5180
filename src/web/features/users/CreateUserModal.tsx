// 新建用户: staff accounts only; complainants sign themselves up with a one-time code.
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../app/types';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useCreateUser, useMerchants, type NewUser } from './api';

const FIELDS = ['role', 'name', 'email', 'password', 'phone', 'merchantId'] as const;
const MIN_PASSWORD = 10;

interface Values {
  role: StaffRole;
  name: string;
  email: string;
  password: string;
  phone?: string;
  merchantId?: string;
}

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const merchants = useMerchants(open);
  const create = useCreateUser();
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    form.resetFields();
    create.reset();
    onClose();
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    const input: NewUser = {
      role: values.role,
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
    };
    if (values.phone?.trim()) input.phone = values.phone.trim();
    if (values.role === 'merchant' && values.merchantId) input.merchantId = values.merchantId;
    create.mutate(input, {
      onSuccess: (user) => {
        message.success(t('users.created', { name: user.name }));
        close();
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, FIELDS)) setFailure(errorMessage(error, t));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
      width={520}
    >
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ role: 'agent' }}
        data-testid="create-user-form"
      >
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select
            options={STAFF_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
            data-testid="create-user-role"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="create-user-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[
            { required: true, message: t('users.emailRequired') },
            { type: 'email', message: t('users.emailInvalid') },
          ]}
        >
          <Input autoComplete="off" data-testid="create-user-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHint', { count: MIN_PASSWORD })}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            { min: MIN_PASSWORD, message: t('users.passwordTooShort', { count: MIN_PASSWORD }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="create-user-password" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phoneOptional')}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('users.phoneInvalid') }]}
        >
          <Input inputMode="tel" maxLength={11} data-testid="create-user-phone" />
        </Form.Item>
        {role === 'merchant' && (
          <Form.Item
            name="merchantId"
            label={t('users.merchant')}
            rules={[{ required: true, message: t('users.merchantRequired') }]}
          >
            <Select
              loading={merchants.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('users.merchantPlaceholder')}
              options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              notFoundContent={merchants.isError ? errorMessage(merchants.error, t) : undefined}
              data-testid="create-user-merchant"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
