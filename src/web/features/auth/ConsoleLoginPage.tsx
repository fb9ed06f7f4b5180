// Staff sign-in for the console (email + password).
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth, useStaffLogin } from '../../app/auth';
import { BareFrame } from '../../shared/BareFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { safeRedirect } from '../../shared/redirect';

interface Values {
  email: string;
  password: string;
}

export default function ConsoleLoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session } = useAuth();
  const login = useStaffLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const target = safeRedirect(params.get('redirect'), '/console');

  // Already signed in as staff (e.g. the back button): nothing to do here.
  if (session?.permissions.includes('console.access') && !login.isPending && !login.isSuccess) {
    return <Navigate to={target} replace />;
  }

  const onFinish = (values: Values) => {
    setFailure(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(target, { replace: true }),
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['email', 'password'])) {
            setFailure(errorMessage(error, t));
          }
        },
      },
    );
  };

  return (
    <BareFrame center>
      <Card className="console-login-card">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('consoleLogin.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('consoleLogin.intro')}</Typography.Paragraph>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="email"
            label={t('consoleLogin.email')}
            rules={[
              { required: true, message: t('consoleLogin.emailRequired') },
              { type: 'email', message: t('consoleLogin.emailInvalid') },
            ]}
          >
            <Input
              size="large"
              prefix={<MailOutlined />}
              autoComplete="username"
              placeholder="name@example.com"
              data-testid="login-email"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('consoleLogin.password')}
            rules={[{ required: true, message: t('consoleLogin.passwordRequired') }]}
          >
            <Input.Password
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t('consoleLogin.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/">{t('consoleLogin.toPortal')}</Link>
        </div>
      </Card>
    </BareFrame>
  );
}
