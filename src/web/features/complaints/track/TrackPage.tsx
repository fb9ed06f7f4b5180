// /track — 进度查询 without logging in: the complaint number plus the phone or email given at
// filing. The check character is the server's to judge; we only check the shape.
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { errorMessage } from '../../../shared/formErrors';
import { useTrack } from '../api';
import { ComplaintView } from '../components/ComplaintView';
import { COMPLAINT_NUMBER, normaliseNumber } from '../rules';
import '../complaints.css';

interface Values {
  number: string;
  contact: string;
}

const CONTACT = /^(1[3-9]\d{9}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;

export default function TrackPage() {
  const { t } = useTranslation();
  const p = 'portalComplaints.track';
  const [form] = Form.useForm<Values>();
  const track = useTrack();
  const result = useRef<HTMLDivElement>(null);
  // On a phone the result starts below the fold; bring it up rather than leave the person
  // wondering whether anything happened.
  useEffect(() => {
    if (track.data) result.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [track.data]);

  const onFinish = (values: Values) => {
    track.mutate(
      { number: normaliseNumber(values.number), contact: values.contact.trim() },
      {
        onError: (error) => {
          if (!(error instanceof ApiError) || !error.fields) return;
          form.setFields(
            (['number', 'contact'] as const)
              .filter((name) => error.fields?.[name])
              .map((name) => ({ name, errors: [error.fields?.[name] ?? ''] })),
          );
        },
      },
    );
  };

  const error = track.error;
  const fieldError = error instanceof ApiError && (error.fields?.number || error.fields?.contact);
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {t(`${p}.title`)}
      </Typography.Title>
      <div className="page-intro">{t(`${p}.intro`)}</div>
      <Card className="cx-gap-bottom">
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="number"
            label={t(`${p}.number`)}
            normalize={(v: string) => v.toUpperCase()}
            rules={[
              { required: true, message: t(`${p}.numberRequired`) },
              {
                validator: (_, value: string | undefined) =>
                  !value || COMPLAINT_NUMBER.test(normaliseNumber(value))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`${p}.numberInvalid`))),
              },
            ]}
          >
            <Input
              size="large"
              placeholder="TS20261122-000123-7"
              autoComplete="off"
              spellCheck={false}
              className="cx-mono-input"
              data-testid="track-number"
            />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t(`${p}.contact`)}
            extra={t(`${p}.contactHint`)}
            rules={[
              { required: true, message: t(`${p}.contactRequired`) },
              { pattern: CONTACT, message: t(`${p}.contactInvalid`) },
            ]}
          >
            <Input size="large" autoComplete="tel" data-testid="track-contact" />
          </Form.Item>
          {error && !fieldError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(error, t)}
              style={{ marginBottom: 16 }}
              data-testid="track-error"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            icon={<SearchOutlined />}
            loading={track.isPending}
            data-testid="track-submit"
          >
            {t(`${p}.submit`)}
          </Button>
        </Form>
      </Card>
      <div ref={result} className="cx-scroll-target">
        {track.data && <ComplaintView complaint={track.data} readOnly />}
      </div>
    </div>
  );
}
