// One evidence file as an agent needs to judge it: the content itself (image, video, PDF), what it
// answers, who gave it and when, and its fingerprint.
import { FilePdfOutlined } from '@ant-design/icons';
import { Image, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../app/types';
import { useFormatDateTime } from '../../shared/text';
import { evidenceHref } from './api';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Media({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const href = evidenceHref(item);
  if (item.kind === 'video') {
    // Only the metadata up front: a case page with several videos must not pull them all.
    return <video src={href} controls preload="metadata" data-testid="evidence-video" />;
  }
  if (item.mime === 'application/pdf') {
    return (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="cc-evidence-doc"
        data-testid="evidence-pdf"
      >
        <FilePdfOutlined />
        {t('consoleComplaints.evidence.openPdf')}
      </a>
    );
  }
  // Images, and documents scanned as JPEG: a thumbnail with antd's full-size preview.
  return (
    <Image
      src={href}
      alt={item.name}
      preview={{ cover: t('consoleComplaints.evidence.preview') }}
      data-testid="evidence-image"
    />
  );
}

export function EvidenceTile({
  item,
  checklistLabel,
}: {
  item: EvidenceItem;
  checklistLabel?: string;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="cc-evidence" data-testid="evidence-item">
      <div className="cc-evidence-media">
        <Media item={item} />
      </div>
      <div className="cc-evidence-body">
        <div className="cc-evidence-name" title={item.name}>
          #{item.seq} {item.name}
        </div>
        <div>
          {t(`consoleComplaints.evidence.kind.${item.kind}`)} · {formatSize(item.size)}
          {item.durationSeconds !== null &&
            ` · ${t('consoleComplaints.evidence.seconds', { count: Math.round(item.durationSeconds) })}`}
        </div>
        <div>
          {t(`consoleComplaints.evidence.by.${item.uploadedBy}`)} ·{' '}
          {formatDateTime(item.uploadedAt)}
        </div>
        {checklistLabel && (
          <Tag color="cyan" style={{ marginTop: 4 }}>
            {checklistLabel}
          </Tag>
        )}
        <Tooltip title={`SHA-256 ${item.sha256}`}>
          <Typography.Text className="cc-hash" type="secondary" copyable={{ text: item.sha256 }}>
            SHA-256 {item.sha256.slice(0, 12)}…
          </Typography.Text>
        </Tooltip>
      </div>
    </div>
  );
}
