// Evidence on a complaint: what was handed in, when, and its fingerprint (SHA-256) in the chain.
import { FilePdfOutlined, FileOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Empty, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../app/types';
import { useFormatDateTime } from '../../../shared/text';
import { formatSize } from '../files';
import { EvidenceVerify } from './EvidenceVerify';
import '../complaints.css';

/** The API gives download paths under /api/v1; accept either form. */
export function evidenceHref(url: string): string {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('/api/')) return url;
  return `/api/v1/${url.replace(/^\/+/, '')}`;
}

function Thumb({ item, showImages }: { item: EvidenceItem; showImages: boolean }) {
  if (item.kind === 'image' && showImages) {
    return (
      <Image
        src={evidenceHref(item.url)}
        alt={item.name}
        width={56}
        height={56}
        className="cx-thumb-img"
        style={{ objectFit: 'cover' }}
      />
    );
  }
  const icon =
    item.kind === 'video' ? (
      <VideoCameraOutlined />
    ) : item.mime === 'application/pdf' ? (
      <FilePdfOutlined />
    ) : (
      <FileOutlined />
    );
  return <div className="cx-thumb-icon">{icon}</div>;
}

interface Props {
  number: string;
  items: readonly EvidenceItem[];
  /** Names of the checklist items (evidenceKey → label), to say what each file answers. */
  labels?: Record<string, string>;
  /** Offer the 核验证据链 button (needs a session that may read the complaint). */
  canVerify?: boolean;
  /** Image thumbnails load the file itself, which only a logged-in reader may fetch. */
  showImages?: boolean;
}

export function EvidenceList({
  number,
  items,
  labels,
  canVerify = true,
  showImages = true,
}: Props) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.evidence';
  const sorted = [...items].sort((a, b) => a.seq - b.seq);
  return (
    <div data-testid="evidence-list">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${p}.none`)} />
      ) : (
        <ul className="cx-evidence">
          {sorted.map((item) => (
            <li key={item.seq} className="cx-evidence-item">
              <Thumb item={item} showImages={showImages} />
              <div className="cx-evidence-body">
                <div className="cx-evidence-name">
                  {showImages ? (
                    <a href={evidenceHref(item.url)} target="_blank" rel="noreferrer">
                      {item.name}
                    </a>
                  ) : (
                    item.name
                  )}
                </div>
                <div className="cx-evidence-meta">
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`${p}.kind.${item.kind}`)}</Tag>
                  <span>{formatSize(item.size)}</span>
                  <span>{formatTime(item.uploadedAt)}</span>
                  {item.evidenceKey && labels?.[item.evidenceKey] && (
                    <span>{labels[item.evidenceKey]}</span>
                  )}
                </div>
                <div className="cx-evidence-hash">
                  <span>SHA-256</span>
                  <Typography.Text
                    code
                    copyable={{
                      text: item.sha256,
                      tooltips: [t('common.copy'), t('common.copied')],
                    }}
                  >
                    {`${item.sha256.slice(0, 12)}…`}
                  </Typography.Text>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canVerify && sorted.length > 0 && <EvidenceVerify number={number} />}
    </div>
  );
}
