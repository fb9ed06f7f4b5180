// Complainant login with a one-time code sent to a mobile number or email address.
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth, useOtpRequest, useOtpVerify } from '../../app/auth';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { safeRedirect } from '../../shared/redirect';
import { useCountdown } from '../../shared/useCountdown';

const PHONE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DEFAULT_RESEND_SECONDS = 60;

interface Values {
  target: string;
  code: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requestOtp = useOtpRequest();
  const verifyOtp = useOtpVerify();
  const [left, startCountdown] = useCountdown();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { session } = useAuth();
  const target = safeRedirect(params.get('redirect'), '/me');

  // Already logged in as a complainant (e.g. via the back button): go straight on.
  if (session?.user.role === 'complainant' && !verifyOtp.isPending) {
    return <Navigate to={target} replace />;
  }

  const onSendCode = async () => {
    setFailure(null);
    setNotice(null);
    let target: string;
    try {
      target = ((await form.validateFields(['target'])) as Pick<Values, 'target'>).target.trim();
    } catch {
      return;
    }
    requestOtp.mutate(
      { target },
      {
        onSuccess: (result) => {
          startCountdown(result.resendAfterSeconds || DEFAULT_RESEND_SECONDS);
          setNotice(
            t(result.channel === 'email' ? 'login.sentEmail' : 'login.sentSms', {
              minutes: Math.max(1, Math.round(result.expiresInSeconds / 60)),
            }),
          );
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['target'])) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    verifyOtp.mutate(
      { target: values.target.trim(), code: values.code.trim() },
      {
        onSuccess: () =>
          void navigate(safeRedirect(params.get('redirect'), '/me'), { replace: true }),
        onError: (error) => {
          if (applyFieldErrors(form, error, ['target', 'code'])) return;
          if (error instanceof ApiError && error.code === 'invalid_code') {
            form.setFields([{ name: 'code', errors: [error.message] }]);
            return;
          }
          setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <div style={{ maxWidth: 440, margin: '0 auto' }}>
      <Typography.Title level={3} className="page-title">
        {t('login.title')}
      </Typography.Title>
      <div className="page-intro">{t('login.intro')}</div>
      <Card>
        {failure && (
          <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />
        )}
        {notice && !failure && (
          <Alert type="success" showIcon title={notice} style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="target"
            label={t('login.target')}
            rules={[
              { required: true, message: t('login.targetRequired') },
              {
                validator: (_, value: string | undefined) => {
                  const v = (value ?? '').trim();
                  return !v || PHONE.test(v) || EMAIL.test(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('login.targetInvalid')));
                },
              },
            ]}
          >
            <Input
              size="large"
              placeholder={t('login.targetPlaceholder')}
              autoComplete="username"
              data-testid="login-target"
            />
          </Form.Item>
          <Form.Item label={t('login.code')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="code"
                noStyle
                rules={[
                  { required: true, message: t('login.codeRequired') },
                  { pattern: /^\d{6}$/, message: t('login.codeInvalid') },
                ]}
              >
                <Input
                  size="large"
                  placeholder={t('login.codePlaceholder')}
                  maxLength={6}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  data-testid="login-code"
                />
              </Form.Item>
              <Button
                size="large"
                onClick={() => void onSendCode()}
                disabled={left > 0}
                loading={requestOtp.isPending}
                data-testid="send-code"
                style={{ minWidth: 120 }}
              >
                {left > 0 ? t('login.resendIn', { seconds: left }) : t('login.sendCode')}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={verifyOtp.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
          {t('login.terms')}
        </div>
      </Card>
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Link to="/console/login">{t('login.staffEntry')}</Link>
      </div>
    </div>
  );
}
