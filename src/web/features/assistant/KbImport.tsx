// Importing a knowledge base from a JSON file (an export of this one, or a list of entries):
// merge (create or update, keep the rest) or replace (remove what the file lacks, asked twice).
// The server imports in one go and retrains the matcher; the counts and training time show after.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Descriptions, Modal, Progress, Radio, Upload, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { useImportKb, type ImportResult } from './api';

function entriesOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (
    typeof json === 'object' &&
    json !== null &&
    Array.isArray((json as { entries?: unknown }).entries)
  ) {
    return (json as { entries: unknown[] }).entries;
  }
  return null;
}

export function KbImport({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const importKb = useImportKb();
  const [file, setFile] = useState<{ name: string; entries: unknown[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [result, setResult] = useState<ImportResult | null>(null);
  const p = 'assistant.kb.import';

  const reset = () => {
    setFile(null);
    setFileError(null);
    setMode('merge');
    setResult(null);
    importKb.reset();
  };

  const read = async (picked: File) => {
    setResult(null);
    importKb.reset();
    try {
      const entries = entriesOf(JSON.parse(await picked.text()));
      if (!entries) throw new Error('shape');
      setFile({ name: picked.name, entries });
      setFileError(null);
    } catch {
      setFile(null);
      setFileError(t(`${p}.badFile`, { name: picked.name }));
    }
  };

  const run = () => {
    if (!file) return;
    importKb.mutate({ mode, entries: file.entries }, { onSuccess: setResult });
  };

  const start = () => {
    if (mode === 'replace') {
      modal.confirm({
        title: t(`${p}.replaceTitle`),
        content: t(`${p}.replaceText`, { count: file?.entries.length ?? 0 }),
        okText: t(`${p}.replaceOk`),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: run,
      });
    } else run();
  };

  const error = importKb.error;
  const fieldProblems =
    error instanceof ApiError && error.fields ? Object.entries(error.fields).slice(0, 8) : [];

  return (
    <Modal
      open={open}
      title={t(`${p}.title`)}
      onCancel={() => {
        reset();
        onClose();
      }}
      okText={result ? t(`${p}.done`) : t(`${p}.start`)}
      onOk={
        result
          ? () => {
              reset();
              onClose();
            }
          : start
      }
      okButtonProps={{ disabled: !file && !result, loading: importKb.isPending }}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      width={560}
      destroyOnHidden
    >
      <div data-testid="kb-import">
        <Upload.Dragger
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(picked) => {
            void read(picked);
            return false;
          }}
          disabled={importKb.isPending}
          data-testid="kb-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {file
              ? t(`${p}.picked`, { name: file.name, count: file.entries.length })
              : t(`${p}.pick`)}
          </p>
          <p className="ant-upload-hint">{t(`${p}.hint`)}</p>
        </Upload.Dragger>
        {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t(`${p}.mode`)}</Typography.Text>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as 'merge' | 'replace')}
            style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 6 }}
            disabled={importKb.isPending || result !== null}
            data-testid="kb-import-mode"
          >
            <Radio value="merge">{t(`${p}.merge`)}</Radio>
            <Radio value="replace">{t(`${p}.replace`)}</Radio>
          </Radio.Group>
        </div>
        {importKb.isPending && (
          <div style={{ marginTop: 16 }}>
            <Progress percent={100} status="active" showInfo={false} />
            <Typography.Text type="secondary">{t(`${p}.running`)}</Typography.Text>
          </div>
        )}
        {error && !importKb.isPending && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={errorMessage(error, t)}
            description={
              fieldProblems.length > 0 ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {fieldProblems.map(([key, reason]) => (
                    <li key={key}>
                      <code>{key}</code>：{reason}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {result && (
          <Descriptions
            bordered
            size="small"
            column={2}
            style={{ marginTop: 16 }}
            title={t(`${p}.result`)}
            data-testid="kb-import-result"
            items={[
              ...(['created', 'updated', 'removed', 'unchanged', 'total'] as const).map((key) => ({
                key,
                label: t(`${p}.count.${key}`),
                children: <span data-testid={`kb-import-${key}`}>{result[key]}</span>,
              })),
              {
                key: 'trainedMs',
                label: t(`${p}.count.trainedMs`),
                children: t(`${p}.ms`, { ms: result.trainedMs }),
              },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
