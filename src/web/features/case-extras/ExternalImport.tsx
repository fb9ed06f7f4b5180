// CSV import of status updates from external platforms: pick a file, upload it, see each row's
// result (row numbers count data rows, the header excluded) with the reason a row was refused.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  InboxOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import type { ExternalUpdateResult } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { useExternalImport } from './api';

/** Beyond this the file is surely not a status export; refuse before reading it. */
const MAX_BYTES = 2 * 1024 * 1024;

export const CSV_HEADER = 'platform,external_number,status,note,at';

export function ExternalImport() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const run = useExternalImport(session?.csrfToken ?? null);
  const report = run.data;

  const upload = async () => {
    if (!file) return;
    run.mutate(await file.text());
  };

  const columns: TableColumnsType<ExternalUpdateResult> = [
    { title: t('caseExtras.import.row'), dataIndex: 'row', key: 'row', width: 70, align: 'right' },
    {
      title: t('caseExtras.import.result'),
      key: 'ok',
      width: 100,
      render: (_, row) =>
        row.ok ? (
          <span className="ce-ok">
            <CheckCircleFilled style={{ color: '#52c41a' }} /> {t('caseExtras.import.ok')}
          </span>
        ) : (
          <span>
            <CloseCircleFilled style={{ color: '#ff4d4f' }} /> {t('caseExtras.import.failed')}
          </span>
        ),
    },
    {
      title: t('caseExtras.field.number'),
      dataIndex: 'number',
      key: 'number',
      width: 210,
      render: (number: string | null) =>
        number ? (
          <LinkButton
            type="link"
            size="small"
            style={{ padding: 0 }}
            to={`/console/complaints/${encodeURIComponent(number)}`}
          >
            <span className="ce-number">{number}</span>
          </LinkButton>
        ) : (
          '—'
        ),
    },
    {
      title: t('caseExtras.import.error'),
      key: 'error',
      render: (_, row) =>
        row.error ? (
          <span style={{ color: '#cf1322' }}>
            {row.error.field && (
              <b>
                {t(`caseExtras.import.column.${row.error.field}`, {
                  defaultValue: row.error.field,
                })}
                {t('caseExtras.colon')}
              </b>
            )}
            {row.error.message}
          </span>
        ) : (
          ''
        ),
    },
  ];

  return (
    <Card title={t('caseExtras.import.title')} data-testid="external-import">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('caseExtras.import.intro')}
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code copyable>
          {CSV_HEADER}
        </Typography.Text>
        <span className="ce-muted"> {t('caseExtras.import.headerZh')}</span>
      </Typography.Paragraph>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".csv,text/csv"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(picked) => {
            setTooLarge(picked.size > MAX_BYTES);
            setFile(picked.size > MAX_BYTES ? null : picked);
            run.reset();
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {file ? (
              <span data-testid="import-file-name">{file.name}</span>
            ) : (
              t('caseExtras.import.pick')
            )}
          </p>
          <p className="ant-upload-hint">{t('caseExtras.import.pickHint')}</p>
        </Upload.Dragger>
      </div>
      {tooLarge && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('caseExtras.import.tooLarge')}
          style={{ marginTop: 12 }}
        />
      )}
      <Button
        type="primary"
        icon={<UploadOutlined />}
        disabled={!file}
        loading={run.isPending}
        onClick={() => void upload()}
        style={{ marginTop: 12 }}
        data-testid="import-submit"
      >
        {t('caseExtras.import.submit')}
      </Button>
      {run.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(run.error, t)}
          description={run.error instanceof ApiError ? run.error.detail : undefined}
          style={{ marginTop: 12 }}
          data-testid="import-error"
        />
      )}
      {report && (
        <div style={{ marginTop: 16 }} data-testid="import-report">
          <Space size={32} style={{ marginBottom: 12 }}>
            <Statistic title={t('caseExtras.import.total')} value={report.total} />
            <Statistic
              title={t('caseExtras.import.applied')}
              value={report.applied}
              styles={{ content: { color: '#389e0d' } }}
            />
            <Statistic
              title={t('caseExtras.import.failedCount')}
              value={report.failed}
              styles={{ content: { color: report.failed > 0 ? '#cf1322' : undefined } }}
            />
          </Space>
          <Table
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={report.results}
            pagination={report.results.length > 20 ? { pageSize: 20 } : false}
            rowClassName={(row) => (row.ok ? '' : 'ce-row-failed')}
            data-testid="import-results"
          />
        </div>
      )}
    </Card>
  );
}
