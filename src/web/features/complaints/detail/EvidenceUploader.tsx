// 补充证据: more evidence while the case is open, optionally naming the checklist item it answers.
// Also where an upload that failed during filing is retried. Folded until asked for, so it does
// not push the processing chain down the screen.
import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { FilePicker } from '../components/FilePicker';
import { UploadFailures, UploadProgress } from '../components/UploadProgress';
import { useEvidenceUpload } from '../useEvidenceUpload';

export function EvidenceUploader({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const p = 'portalComplaints.addEvidence';
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [key, setKey] = useState<string | null>(null);
  const uploader = useEvidenceUpload();
  const checklist = complaint.rules.requiredEvidence;

  if (!open) {
    return (
      <Button
        icon={<CloudUploadOutlined />}
        onClick={() => setOpen(true)}
        className="cx-gap"
        data-testid="add-evidence"
      >
        {t(`${p}.title`)}
      </Button>
    );
  }

  const submit = async () => {
    const failures = await uploader.run(complaint.number, [{ key, files }]);
    setFiles(failures.flatMap((f) => f.files));
    if (failures.length === 0) {
      void message.success(t(`${p}.done`));
      setOpen(false);
    }
  };

  return (
    <div className="cx-uploader" data-testid="add-evidence-form">
      <div className="cx-label">{t(`${p}.title`)}</div>
      {checklist.length > 0 && (
        <Select<string | null>
          value={key}
          onChange={setKey}
          style={{ width: '100%', marginBottom: 12 }}
          aria-label={t(`${p}.item`)}
          options={[
            { value: null, label: t(`${p}.anyItem`) },
            ...checklist.map((item) => ({ value: item.key, label: local(item.label) })),
          ]}
        />
      )}
      <FilePicker
        files={files}
        onChange={setFiles}
        disabled={uploader.state.running}
        testId="add-evidence-files"
      />
      <UploadProgress state={uploader.state} />
      <UploadFailures failures={uploader.state.failures} />
      <div className="cx-step-nav">
        <Button onClick={() => setOpen(false)} disabled={uploader.state.running}>
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          disabled={files.length === 0}
          loading={uploader.state.running}
          onClick={() => void submit()}
          data-testid="add-evidence-submit"
        >
          {t(`${p}.submit`, { count: files.length })}
        </Button>
      </div>
    </div>
  );
}
