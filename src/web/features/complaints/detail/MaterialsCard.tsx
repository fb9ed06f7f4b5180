// 待补充材料: exactly what the agent asked for, an upload area and 提交补充材料.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialRequest } from '../../../app/types';
import { errorMessage } from '../../../shared/formErrors';
import { useFormatDateTime } from '../../../shared/text';
import { useSupplyMaterials } from '../api';
import { FilePicker } from '../components/FilePicker';
import { UploadFailures, UploadProgress } from '../components/UploadProgress';
import { useEvidenceUpload } from '../useEvidenceUpload';

/** The server's limit for the note handed in with materials (NoteBody). */
const NOTE_MAX = 500;

export function MaterialsCard({ number, request }: { number: string; request: MaterialRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.materials';
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const uploader = useEvidenceUpload();
  const supply = useSupplyMaterials(number);
  const busy = uploader.state.running || supply.isPending;

  const submit = async () => {
    setProblem(null);
    if (files.length === 0 && !note.trim()) {
      setProblem(t(`${p}.needSomething`));
      return;
    }
    if (files.length > 0) {
      const failures = await uploader.run(number, [{ key: null, files }]);
      // What went through is on the complaint now; keep only what still needs sending.
      setFiles(failures.flatMap((f) => f.files));
      if (failures.length > 0) return;
    }
    supply.mutate(
      { note: note.trim() || undefined },
      {
        onSuccess: () => void message.success(t(`${p}.done`)),
        onError: (error) => setProblem(errorMessage(error, t)),
      },
    );
  };

  return (
    <Card
      className="cx-attention"
      data-testid="materials-card"
      title={
        <span className="cx-card-title">
          <ExclamationCircleOutlined /> {t(`${p}.title`)}
        </span>
      }
    >
      <div className="cx-muted" style={{ marginBottom: 8 }}>
        {t(`${p}.askedBy`, { name: request.requestedBy, time: formatTime(request.requestedAt) })}
      </div>
      <ol className="cx-request-items" data-testid="requested-items">
        {request.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
      {request.note && <div className="cx-request-note">{request.note}</div>}
      <FilePicker files={files} onChange={setFiles} disabled={busy} testId="materials-files" />
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t(`${p}.notePlaceholder`)}
        maxLength={NOTE_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        disabled={busy}
        style={{ marginTop: 12 }}
        data-testid="materials-note"
      />
      <UploadProgress state={uploader.state} />
      <UploadFailures failures={uploader.state.failures} />
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="cx-gap" />}
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={() => void submit()}
        className="cx-gap"
        data-testid="materials-submit"
      >
        {t(`${p}.submit`)}
      </Button>
    </Card>
  );
}
