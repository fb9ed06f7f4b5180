// Staff add evidence to a case (e.g. a caller's photos received by e-mail): up to three files per
// upload, optionally marked as answering one checklist item. The server decides the real type
// from the content; the checks here only spare a pointless upload.
import { CloudUploadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Select, Tag, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILES_PER_SUBMISSION, type ComplaintDetail } from '../../app/types';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useUploadEvidence } from './api';

const MB = 1024 * 1024;
const LIMITS: Record<string, number> = {
  'image/png': 5 * MB,
  'image/jpeg': 10 * MB,
  'application/pdf': 10 * MB,
  'video/mp4': 50 * MB,
};
const ACCEPT = '.png,.jpg,.jpeg,.pdf,.mp4,image/png,image/jpeg,application/pdf,video/mp4';

export function EvidenceUpload({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const upload = useUploadEvidence(complaint.number);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [evidenceKey, setEvidenceKey] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [percent, setPercent] = useState(0);

  const onBefore = (file: File) => {
    const limit = LIMITS[file.type];
    if (limit !== undefined && file.size > limit) {
      setFailure(t('consoleComplaints.upload.tooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    // Keep the file for our own multipart request instead of antd's automatic upload.
    return false;
  };

  // The server names refused files as files[i]; say which file and why.
  const describeFailure = (error: unknown, sent: File[]): string => {
    const general = errorMessage(error, t);
    if (!(error instanceof ApiError) || !error.fields) return general;
    const reasons = Object.entries(error.fields).map(([field, reason]) => {
      const index = /^files\[(\d+)\]$/.exec(field)?.[1];
      const name = index === undefined ? field : (sent[Number(index)]?.name ?? field);
      return t('consoleComplaints.upload.failedFile', { name, reason });
    });
    return [general, ...reasons].join('\n');
  };

  const submit = () => {
    setFailure(null);
    const raw = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    setPercent(0);
    upload.mutate(
      {
        files: raw,
        evidenceKey,
        onProgress: (loaded, total) => setPercent(Math.floor((loaded / total) * 100)),
      },
      {
        onSuccess: () => {
          message.success(t('consoleComplaints.upload.done', { count: raw.length }));
          setFiles([]);
          setEvidenceKey(undefined);
        },
        onError: (error) => setFailure(describeFailure(error, raw)),
      },
    );
  };

  return (
    <div data-testid="evidence-upload">
      <div className="toolbar" style={{ marginBottom: 8 }}>
        <Upload
          multiple
          accept={ACCEPT}
          fileList={files}
          maxCount={MAX_FILES_PER_SUBMISSION}
          beforeUpload={onBefore}
          onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES_PER_SUBMISSION))}
          showUploadList={false}
        >
          <Button icon={<PaperClipOutlined />} data-testid="evidence-choose">
            {t('consoleComplaints.upload.choose', { count: MAX_FILES_PER_SUBMISSION })}
          </Button>
        </Upload>
        {complaint.rules.requiredEvidence.length > 0 && (
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('consoleComplaints.upload.forItem')}
            value={evidenceKey}
            onChange={(value: string | undefined) => setEvidenceKey(value)}
            options={complaint.rules.requiredEvidence.map((e) => ({
              value: e.key,
              label: local(e.label),
            }))}
            data-testid="evidence-key"
          />
        )}
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={files.length === 0}
          loading={upload.isPending}
          onClick={submit}
          data-testid="evidence-submit"
        >
          {t('consoleComplaints.upload.submit')}
        </Button>
      </div>
      {files.length > 0 && (
        <div className="tag-wrap" data-testid="evidence-chosen">
          {files.map((file) => (
            <Tag
              key={file.uid}
              icon={<PaperClipOutlined />}
              closable
              onClose={() => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
            >
              {file.name}
            </Tag>
          ))}
        </div>
      )}
      {upload.isPending && <Progress percent={percent} size="small" style={{ maxWidth: 360 }} />}
      <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 4 }}>
        {t('consoleComplaints.upload.rules', { count: MAX_FILES_PER_SUBMISSION })}
      </div>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          role="alert"
          style={{ marginTop: 8, whiteSpace: 'pre-line' }}
          closable={{ onClose: () => setFailure(null) }}
          data-testid="upload-error"
        />
      )}
    </div>
  );
}
