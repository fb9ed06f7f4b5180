// 待补充材料: exactly what the agent asked for, an upload area and 提交补充材料.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialRequest } from '../../../app/types';
import { useFormatDateTime } from '../../../shared/text';
import { useSupplyMaterials } from '../api';
import { FilePicker } from '../components/FilePicker';
import { UploadThenSendFooter, useUploadThenSend } from './useUploadThenSend';

/** The server's limit for the note handed in with materials (NoteBody). */
const NOTE_MAX = 500;

export function MaterialsCard({ number, request }: { number: string; request: MaterialRequest }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.materials';
  const supply = useSupplyMaterials(number);
  const flow = useUploadThenSend({
    number,
    send: (note) => supply.mutateAsync({ note }),
    sending: supply.isPending,
    prefix: p,
  });

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
      <FilePicker
        files={flow.files}
        onChange={flow.setFiles}
        disabled={flow.busy}
        testId="materials-files"
      />
      <Input.TextArea
        value={flow.text}
        onChange={(e) => flow.setText(e.target.value)}
        placeholder={t(`${p}.notePlaceholder`)}
        maxLength={NOTE_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        disabled={flow.busy}
        style={{ marginTop: 12 }}
        data-testid="materials-note"
      />
      <UploadThenSendFooter flow={flow} label={t(`${p}.submit`)} testId="materials-submit" />
    </Card>
  );
}
