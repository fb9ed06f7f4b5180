// 身份核验 during a call: a one-time code sent to the caller's phone, or a complaint number and the
// name on it. Nothing about the caller's complaints is shown until one of them succeeds.
import { LockOutlined, MessageOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../app/types';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { useCountdown } from '../../shared/useCountdown';
import { useCallActions } from './api';

export function VerificationGate({ call }: { call: Call }) {
  const { t } = useTranslation();
  if (call.verified) {
    return (
      <div className="ce-gate ce-gate-open" data-testid="call-gate" data-verified="true">
        <SafetyCertificateOutlined />
        <div>
          {t('caseExtras.calls.verified')}
          <small>{t(`caseExtras.calls.method.${call.verificationMethod ?? 'sms_code'}`)}</small>
        </div>
      </div>
    );
  }
  return (
    <div className="ce-gate ce-gate-locked" data-testid="call-gate" data-verified="false">
      <LockOutlined />
      <div>
        {t('caseExtras.calls.unverified')}
        <small>{t('caseExtras.calls.unverifiedHint')}</small>
      </div>
    </div>
  );
}

export function VerifyCard({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useCallActions(call.id);
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [resendIn, startResend] = useCountdown();
  const [byNumber] = Form.useForm<{ complaintNumber: string; name: string }>();
  const verify = actions.verify;
  const verifyError = verify.isError ? errorMessage(verify.error, t) : null;
  // A wrong answer says how many attempts are left in the error's detail.
  const verifyDetail = verify.error instanceof ApiError ? verify.error.detail : undefined;

  const sendCode = () =>
    actions.sendCode.mutate(undefined, {
      onSuccess: (answer) => {
        setSent(true);
        startResend(answer.resendAfterSeconds);
        void message.success(t('caseExtras.calls.codeSent'));
      },
    });

  return (
    <Card title={t('caseExtras.calls.verifyTitle')} data-testid="call-verify">
      {verifyError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={verifyError}
          description={verifyDetail}
          style={{ marginBottom: 16 }}
          data-testid="call-verify-error"
        />
      )}
      <div className="ce-muted" style={{ marginBottom: 12 }} data-testid="call-attempts">
        {t('caseExtras.calls.attemptsLeft', { count: call.verifyAttemptsLeft })}
      </div>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <div className="ce-section-title">
            <MessageOutlined /> {t('caseExtras.calls.bySms')}
          </div>
          <p className="ce-muted">
            {call.callerKnown
              ? t('caseExtras.calls.bySmsHint')
              : t('caseExtras.calls.unknownCaller')}
          </p>
          <Button
            onClick={sendCode}
            loading={actions.sendCode.isPending}
            disabled={resendIn > 0 || call.verifyAttemptsLeft === 0}
            data-testid="call-send-code"
          >
            {resendIn > 0
              ? t('caseExtras.calls.resendIn', { count: resendIn })
              : t(sent ? 'caseExtras.calls.resendCode' : 'caseExtras.calls.sendCode')}
          </Button>
          {actions.sendCode.isError && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(actions.sendCode.error, t)}
              style={{ marginTop: 8 }}
            />
          )}
          <Input.Search
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            onSearch={() => code && verify.mutate({ code })}
            enterButton={t('caseExtras.calls.verify')}
            placeholder={t('caseExtras.calls.codePlaceholder')}
            maxLength={6}
            inputMode="numeric"
            disabled={!sent}
            loading={verify.isPending}
            style={{ marginTop: 12, maxWidth: 320 }}
            data-testid="call-code"
          />
        </Col>
        <Col xs={24} lg={12}>
          <div className="ce-section-title">
            <SafetyCertificateOutlined /> {t('caseExtras.calls.byComplaint')}
          </div>
          <p className="ce-muted">{t('caseExtras.calls.byComplaintHint')}</p>
          <Form
            form={byNumber}
            layout="vertical"
            onFinish={(values) =>
              verify.mutate({
                complaintNumber: values.complaintNumber.trim().toUpperCase(),
                name: values.name.trim(),
              })
            }
          >
            <Form.Item
              name="complaintNumber"
              label={t('caseExtras.field.number')}
              rules={[
                { required: true, whitespace: true, message: t('caseExtras.links.numberRequired') },
              ]}
            >
              <Input className="ce-number" autoComplete="off" data-testid="call-verify-number" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('caseExtras.calls.name')}
              rules={[
                { required: true, whitespace: true, message: t('caseExtras.calls.nameRequired') },
              ]}
            >
              <Input autoComplete="off" data-testid="call-verify-name" />
            </Form.Item>
            <Button htmlType="submit" loading={verify.isPending} data-testid="call-verify-submit">
              {t('caseExtras.calls.verify')}
            </Button>
          </Form>
        </Col>
      </Row>
    </Card>
  );
}
