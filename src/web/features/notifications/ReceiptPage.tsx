// /receipts/:code — what the QR code on a receipt (处理回执) opens, public: whether the receipt
// is the one we issued and unaltered, its facts, and the SHA-256 of the PDF as issued so the
// holder can compare their copy. An unknown code asks for the code again.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  FileSearchOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { ErrorResult } from '../../shared/ErrorResult';
import { useFormatDateTime } from '../../shared/text';
import { useReceiptCheck, type ReceiptCheck } from './api';
import '../complaints/complaints.css';
import './notifications.css';
import './receipt.css';

/** Crockford's alphabet (no I, L, O, U), as the server prints codes; case and dashes are free. */
const CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

function normalise(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  return CODE.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : null;
}

/** 64 hex digits in blocks of eight, easier to compare by eye; copying gives the plain digest. */
function Digest({ value, testId }: { value: string; testId: string }) {
  return (
    <Typography.Text copyable={{ text: value }} className="nt-digest" data-testid={testId}>
      {value.match(/.{1,8}/g)?.join(' ') ?? value}
    </Typography.Text>
  );
}

function CodeForm({ initial, compact = false }: { initial?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const p = 'notifications.receipt';
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      initialValues={{ code: initial ?? '' }}
      onFinish={({ code }: { code: string }) =>
        void navigate(`/receipts/${normalise(code) ?? code}`)
      }
      className={compact ? 'nt-code-form nt-code-form-compact' : 'nt-code-form'}
    >
      <Form.Item
        name="code"
        label={compact ? t(`${p}.another`) : t(`${p}.tryCode`)}
        rules={[
          { required: true, message: t(`${p}.codeRequired`) },
          {
            validator: (_, value: string | undefined) =>
              !value || normalise(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t(`${p}.codeInvalid`))),
          },
        ]}
      >
        <Input
          size="large"
          placeholder="K7QM-2D9X-HT4C"
          autoComplete="off"
          spellCheck={false}
          className="cx-mono-input"
          data-testid="receipt-code-input"
        />
      </Form.Item>
      <Button
        type={compact ? 'default' : 'primary'}
        htmlType="submit"
        size="large"
        icon={<FileSearchOutlined />}
        block={!compact}
        data-testid="receipt-code-submit"
      >
        {t(`${p}.check`)}
      </Button>
    </Form>
  );
}

function Verdict({ check }: { check: ReceiptCheck }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const p = 'notifications.receipt';
  return (
    <div className="cx-stack">
      <div
        className={check.valid ? 'nt-verdict nt-verdict-ok' : 'nt-verdict nt-verdict-bad'}
        data-testid="receipt-verdict"
        data-valid={check.valid}
        role="status"
      >
        {check.valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
        <div>
          <div className="nt-verdict-title">{t(check.valid ? `${p}.valid` : `${p}.invalid`)}</div>
          <div className="nt-verdict-text">
            {t(check.valid ? `${p}.validText` : `${p}.invalidText`)}
          </div>
          {check.problems.length > 0 && (
            <ul className="nt-verdict-problems" data-testid="receipt-problems">
              {check.problems.map((problem) => (
                <li key={problem}>{t(`${p}.problem.${problem}`)}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          data-testid="receipt-facts"
          items={[
            {
              key: 'code',
              label: t(`${p}.code`),
              children: <span className="nt-mono">{check.code}</span>,
            },
            {
              key: 'number',
              label: t(`${p}.number`),
              children: <span className="nt-mono">{check.number}</span>,
            },
            { key: 'type', label: t(`${p}.type`), children: check.type },
            {
              key: 'outcome',
              label: t(`${p}.outcome`),
              children: t(`${p}.outcomeValue.${check.outcome}`, { defaultValue: check.outcome }),
            },
            {
              key: 'resolvedAt',
              label: t(`${p}.resolvedAt`),
              children: formatDateTime(check.resolvedAt),
            },
            {
              key: 'issuedAt',
              label: t(`${p}.issuedAt`),
              children: formatDateTime(check.issuedAt),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={
          <span>
            <SafetyCertificateOutlined /> {t(`${p}.pdfSha256`)}
          </span>
        }
      >
        <Digest value={check.pdfSha256} testId="receipt-pdf-sha256" />
        <p className="nt-muted nt-digest-hint">{t(`${p}.pdfHint`)}</p>
        <dl className="nt-commands">
          <dt>{t(`${p}.cmdWindows`)}</dt>
          <dd>
            <code>{`certutil -hashfile receipt-${check.number}.pdf SHA256`}</code>
          </dd>
          <dt>{t(`${p}.cmdUnix`)}</dt>
          <dd>
            <code>{`shasum -a 256 receipt-${check.number}.pdf`}</code>
          </dd>
        </dl>
        <div className="nt-digest-secondary">
          <div className="nt-muted">{t(`${p}.contentSha256`)}</div>
          <Digest value={check.contentSha256} testId="receipt-content-sha256" />
        </div>
      </Card>
      <Card size="small">
        <CodeForm compact />
      </Card>
    </div>
  );
}

export default function ReceiptPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useReceiptCheck(code);
  const p = 'notifications.receipt';

  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (query.isError) {
    const error = query.error;
    body =
      error instanceof ApiError && error.code === 'receipt_not_found' ? (
        <div data-testid="receipt-not-found">
          <Result
            status="warning"
            title={t(`${p}.notFound`)}
            subTitle={t(`${p}.notFoundHint`)}
            extra={<CodeForm initial={code} />}
          />
        </div>
      ) : (
        <ErrorResult error={error} onRetry={() => void query.refetch()} />
      );
  } else body = <Verdict check={query.data} />;

  return (
    <div data-testid="receipt-page">
      <Typography.Title level={3} className="page-title">
        {t(`${p}.title`)}
      </Typography.Title>
      <div className="page-intro">{t(`${p}.intro`)}</div>
      {body}
    </div>
  );
}
