// 案件去向: where the case is besides with us, in plain words — passed to the merchant (and what
// it offered), sent to an external platform with that platform's number and status, or handled
// together with other complaints as a collective case, with its latest progress.
import { GlobalOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, ExternalCase, Remedy } from '../../../app/types';
import { useFormatDateTime, useLocalText } from '../../../shared/text';
import { useRemedyLabel } from './remedyLabel';

function Merchant({ merchant }: { merchant: NonNullable<ComplaintDetail['merchant']> }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const label = useRemedyLabel();
  const p = 'portalComplaints.where';
  const accepted = merchant.remedies.find((r: Remedy) => r.status === 'accepted');
  // Offers that did not settle it stay listed; an accepted one is the status line itself.
  const others = merchant.remedies.filter(
    (r: Remedy) => r.status === 'refused' || r.status === 'expired',
  );
  return (
    <li className="cx-where" data-testid="where-merchant">
      <ShopOutlined className="cx-where-icon" />
      <div className="cx-where-body">
        <div className="cx-where-title">
          {t(`${p}.merchant`, { name: merchant.shop ?? merchant.name })}
        </div>
        {merchant.phase === 'remedy_accepted' && accepted ? (
          <div className="cx-where-status cx-where-good">
            {t(`${p}.acceptedRemedy`, { remedy: label(accepted) })}
          </div>
        ) : (
          merchant.phase && (
            <div className="cx-where-status">{t(`${p}.phase.${merchant.phase}`)}</div>
          )
        )}
        {merchant.phase === 'awaiting_reply' && merchant.replyDueAt && (
          <div className="cx-muted">
            {t(`${p}.replyDue`, { time: formatTime(merchant.replyDueAt) })}
          </div>
        )}
        {others.map((remedy) => (
          <div key={remedy.id} className="cx-muted">
            {t(`${p}.remedy.${remedy.status}`, { remedy: label(remedy) })}
          </div>
        ))}
      </div>
    </li>
  );
}

function External({ item }: { item: ExternalCase }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.where';
  return (
    <li className="cx-where" data-testid="where-external">
      <GlobalOutlined className="cx-where-icon" />
      <div className="cx-where-body">
        <div className="cx-where-title">
          {t(item.direction === 'inbound' ? `${p}.externalFrom` : `${p}.external`, {
            platform: local(item.platform.name),
          })}
        </div>
        <div>
          {t(`${p}.externalNumber`)}
          <span className="cx-number">{item.externalNumber}</span>
        </div>
        <div className="cx-where-status">
          {t(`${p}.externalStatus`, { status: local(item.statusLabel) })}
          <span className="cx-muted"> · {formatTime(item.statusAt)}</span>
        </div>
        {item.statusNote && <div className="cx-where-note">{item.statusNote}</div>}
      </div>
    </li>
  );
}

function Collective({ collective }: { collective: NonNullable<ComplaintDetail['collective']> }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.where';
  return (
    <li className="cx-where" data-testid="where-collective">
      <TeamOutlined className="cx-where-icon" />
      <div className="cx-where-body">
        <div className="cx-where-title">
          {t(`${p}.collective`, { title: collective.title, count: collective.memberCount })}
        </div>
        {collective.progress ? (
          <div className="cx-where-note" data-testid="collective-progress">
            <div className="cx-muted">
              {t(`${p}.collectiveProgress`, { time: formatTime(collective.progressAt) })}
            </div>
            {collective.progress}
          </div>
        ) : (
          <div className="cx-muted">{t(`${p}.collectiveNoProgress`)}</div>
        )}
      </div>
    </li>
  );
}

export function WhereCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { merchant, externalCases, collective } = complaint;
  if (!merchant && externalCases.length === 0 && !collective) return null;
  return (
    <Card title={t('portalComplaints.where.title')} size="small" data-testid="where-card">
      <ul className="cx-where-list">
        {collective && <Collective collective={collective} />}
        {merchant && <Merchant merchant={merchant} />}
        {externalCases.map((item) => (
          <External key={`${item.platform.code}-${item.externalNumber}`} item={item} />
        ))}
      </ul>
    </Card>
  );
}
