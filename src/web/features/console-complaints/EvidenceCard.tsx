// 证据材料: the type's checklist (what should be here and what is), the files themselves, the
// chain check, and staff upload.
import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../app/types';
import { useLocalText } from '../../shared/text';
import { useVerifyEvidence } from './api';
import { EvidenceTile } from './EvidenceTile';
import { EvidenceUpload } from './EvidenceUpload';
import { VerifyButton, VerifyResult } from './VerifyEvidence';

function Checklist({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const required = complaint.rules.requiredEvidence;
  if (required.length === 0) return null;
  const count = (key: string) => complaint.evidence.filter((e) => e.evidenceKey === key).length;
  return (
    <>
      <div className="cc-block-title" style={{ marginTop: 0 }}>
        {t('consoleComplaints.evidence.checklist')}
      </div>
      <ul className="cc-checklist" data-testid="evidence-checklist">
        {required.map((item) => {
          const n = count(item.key);
          return (
            <li key={item.key}>
              <Tag
                color={n > 0 ? 'success' : 'warning'}
                icon={n > 0 ? <CheckCircleFilled /> : <ExclamationCircleOutlined />}
                data-supplied={n > 0}
              >
                {local(item.label)}
                {n > 0
                  ? ` · ${t('consoleComplaints.evidence.supplied', { count: n })}`
                  : ` · ${t('consoleComplaints.evidence.missing')}`}
              </Tag>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function EvidenceCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const verify = useVerifyEvidence(complaint.number);
  const labels = new Map(complaint.rules.requiredEvidence.map((e) => [e.key, local(e.label)]));
  const files = [...complaint.evidence].sort((a, b) => a.seq - b.seq);
  const lastSeq = files.at(-1)?.seq ?? 0;
  const { reset } = verify;
  // A check made before a new file arrived says nothing about the new chain: drop it.
  useEffect(() => reset(), [lastSeq, reset]);

  return (
    <Card
      title={t('consoleComplaints.evidence.title', { count: files.length })}
      extra={
        files.length > 0 && (
          <VerifyButton onClick={() => verify.mutate()} loading={verify.isPending} />
        )
      }
      data-testid="evidence-card"
    >
      <Checklist complaint={complaint} />
      <VerifyResult verify={verify} />
      {files.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('consoleComplaints.evidence.none')}
          style={{ margin: '8px 0 16px' }}
        />
      ) : (
        <div className="cc-evidence-grid">
          {files.map((item) => (
            <EvidenceTile
              key={item.seq}
              item={item}
              checklistLabel={item.evidenceKey ? labels.get(item.evidenceKey) : undefined}
            />
          ))}
        </div>
      )}
      {complaint.canUploadEvidence && (
        <>
          <div className="cc-block-title">{t('consoleComplaints.upload.title')}</div>
          <EvidenceUpload complaint={complaint} />
        </>
      )}
    </Card>
  );
}
