// Turns an SLA record into the short sentences a complainant or agent reads.
import { useTranslation } from 'react-i18next';
import type { Sla } from '../../app/types';
import { useLocalText } from '../../shared/text';

export function useSlaLines(): (sla: Sla) => string[] {
  const { t } = useTranslation();
  return (sla) => {
    const lines: string[] = [];
    if (sla.firstResponseHours !== null) {
      lines.push(t('sla.firstResponse', { count: sla.firstResponseHours }));
    }
    if (sla.resolutionHours !== null) {
      lines.push(t('sla.resolutionHours', { count: sla.resolutionHours }));
    }
    if (sla.resolutionWorkingDays !== null) {
      lines.push(t('sla.resolutionDays', { count: sla.resolutionWorkingDays }));
    }
    if (sla.maxWorkingDays !== null) {
      lines.push(t('sla.maxDays', { count: sla.maxWorkingDays }));
    }
    return lines;
  };
}

/**
 * `brief` (the portal) shows the catalogue's own wording when it has one, since complainants
 * need one plain sentence; the console shows the exact targets and the note beneath them.
 */
export function SlaText({ sla, brief = false }: { sla: Sla; brief?: boolean }) {
  const lines = useSlaLines()(sla);
  const note = useLocalText()(sla.note);
  const { t } = useTranslation();
  if (lines.length === 0 && !note) return <span>{t('sla.none')}</span>;
  if (brief && note) return <span>{note}</span>;
  return (
    <div>
      {lines.length > 0 && <div>{lines.join(t('common.listSeparator'))}</div>}
      {note && <div style={{ color: 'rgba(0,0,0,0.55)' }}>{note}</div>}
    </div>
  );
}
