// Step ④: the type's evidence checklist, one picker per item; files are held until submission.
import { CheckCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProblemType } from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { FilePicker } from '../components/FilePicker';
import { OTHER, type HeldFiles } from './draft';

interface Props {
  type: ProblemType;
  files: HeldFiles;
  onChange: (files: HeldFiles) => void;
  onBack: () => void;
  onNext: () => void;
}

export function StepEvidence({ type, files, onChange, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const p = 'portalComplaints.file';
  const items = [
    ...type.requiredEvidence.map((item) => ({ key: item.key, label: local(item.label) })),
    { key: OTHER, label: t(`${p}.otherEvidence`) },
  ];
  return (
    <div data-testid="step-evidence">
      <div className="cx-step-lead">{t(`${p}.evidenceLead`)}</div>
      <div className="cx-hint cx-gap-bottom">{t('portalComplaints.files.hint')}</div>
      {items.map((item) => {
        const held = files[item.key] ?? [];
        return (
          <section key={item.key || 'other'} className="cx-evidence-slot">
            <div className="cx-evidence-slot-head">
              {held.length > 0 && <CheckCircleFilled className="cx-ok" />}
              <span>{item.label}</span>
            </div>
            <FilePicker
              files={held}
              onChange={(next) => onChange({ ...files, [item.key]: next })}
              testId={`evidence-${item.key || 'other'}`}
              showHint={false}
            />
          </section>
        );
      })}
      <div className="cx-step-nav">
        <Button size="large" onClick={onBack}>
          {t(`${p}.back`)}
        </Button>
        <Button type="primary" size="large" onClick={onNext} data-testid="evidence-next">
          {t(`${p}.next`)}
        </Button>
      </div>
    </div>
  );
}
