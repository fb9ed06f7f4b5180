// The remedies a merchant has offered on one complaint, newest first, with the complainant's
// answer (the merchant page and the staff card both show it).
import { useTranslation } from 'react-i18next';
import type { Remedy } from '../../app/types';
import { useFormatDateTime } from '../../shared/text';
import { RemedyStatusTag, useRemedyText } from './parts';

export function RemedyList({ remedies }: { remedies: readonly Remedy[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const remedyText = useRemedyText();
  if (remedies.length === 0) {
    return <div className="ce-muted">{t('caseExtras.remedy.none')}</div>;
  }
  const newestFirst = [...remedies].sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));
  return (
    <ul className="ce-list" data-testid="remedy-list">
      {newestFirst.map((remedy) => (
        <li key={remedy.id} className="ce-item" data-testid="remedy-item">
          <div className="ce-item-head">
            <span className="ce-item-title">{remedyText(remedy)}</span>
            <RemedyStatusTag status={remedy.status} />
            <span className="ce-muted ce-item-side">
              {t('caseExtras.remedy.proposedAt', {
                at: formatDateTime(remedy.proposedAt),
                by: remedy.proposedBy,
              })}
            </span>
          </div>
          {remedy.note && <div className="ce-note">{remedy.note}</div>}
          {remedy.status === 'proposed' && (
            <div className="ce-muted" style={{ marginTop: 6 }}>
              {t('caseExtras.remedy.respondBy', { at: formatDateTime(remedy.respondBy) })}
            </div>
          )}
          {remedy.respondedAt && (
            <div className="ce-muted" style={{ marginTop: 6 }}>
              {t(`caseExtras.remedy.answered.${remedy.status}`, {
                at: formatDateTime(remedy.respondedAt),
                defaultValue: formatDateTime(remedy.respondedAt),
              })}
              {remedy.responseNote && (
                <span>
                  {t('caseExtras.colon')}
                  {remedy.responseNote}
                </span>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
