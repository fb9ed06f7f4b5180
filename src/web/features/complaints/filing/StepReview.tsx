// Step ⑤: everything on one screen, with a way back to each part, then submit.
import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, ProblemType } from '../../../app/types';
import { PriorityTag } from '../../../shared/PriorityTag';
import { useLocalText } from '../../../shared/text';
import { SlaText } from '../../catalog/SlaText';
import { formatSize } from '../files';
import { demandOf, OTHER, STEP, type DetailsValues, type HeldFiles } from './draft';

interface Props {
  category: Category;
  type: ProblemType;
  details: DetailsValues;
  files: HeldFiles;
  submitting: boolean;
  /** Why the last attempt failed (not a field problem), with the server's guidance if any. */
  failure: { message: string; detail?: string } | null;
  onEdit: (step: number) => void;
  onSubmit: () => void;
}

function Section({
  title,
  onEdit,
  children,
}: {
  title: string;
  onEdit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="cx-review">
      <div className="cx-review-head">
        <span>{title}</span>
        <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
          {t('portalComplaints.review.edit')}
        </Button>
      </div>
      {children}
    </section>
  );
}

export function StepReview(props: Props) {
  const { category, type, details, files, submitting, failure, onEdit, onSubmit } = props;
  const { t } = useTranslation();
  const local = useLocalText();
  const p = 'portalComplaints.review';
  const detailItems: DescriptionsProps['items'] = [
    ...type.requiredFields
      .filter((f) => (details.fields[f.key] ?? '').trim())
      .map((f) => ({ key: f.key, label: local(f.label), children: details.fields[f.key] })),
    {
      key: 'description',
      label: t('portalComplaints.facts.description'),
      children: <span className="cx-pre">{details.description}</span>,
    },
    { key: 'demand', label: t('portalComplaints.facts.demand'), children: demandOf(details) },
    {
      key: 'contact',
      label: t('portalComplaints.contactName.label'),
      children: details.contactName,
    },
  ];
  const slots = [
    ...type.requiredEvidence.map((e) => ({ key: e.key, label: local(e.label) })),
    { key: OTHER, label: t('portalComplaints.file.otherEvidence') },
  ];
  const missing = type.requiredEvidence.filter((e) => !(files[e.key]?.length ?? 0));

  return (
    <div data-testid="step-review">
      <Section title={t(`${p}.type`)} onEdit={() => onEdit(STEP.category)}>
        <div className="cx-review-type">
          {local(category.name)} · <strong>{local(type.name)}</strong>{' '}
          <PriorityTag priority={type.priority} />
        </div>
        <div className="cx-muted">
          {t(`${p}.sla`)} <SlaText sla={type.sla} brief />
        </div>
      </Section>
      <Section title={t(`${p}.details`)} onEdit={() => onEdit(STEP.details)}>
        <Descriptions column={1} size="small" items={detailItems} className="cx-facts" />
      </Section>
      <Section title={t(`${p}.evidence`)} onEdit={() => onEdit(STEP.evidence)}>
        <ul className="cx-review-files">
          {slots
            .filter((s) => s.key !== OTHER || (files[OTHER]?.length ?? 0) > 0)
            .map((slot) => {
              const held = files[slot.key] ?? [];
              return (
                <li key={slot.key || 'other'}>
                  <div className="cx-label">{slot.label}</div>
                  {held.length === 0 ? (
                    <div className="cx-warn">
                      <WarningOutlined /> {t(`${p}.noFile`)}
                    </div>
                  ) : (
                    held.map((file, index) => (
                      <div key={index} className="cx-muted">
                        {t(`${p}.fileLine`, { name: file.name, size: formatSize(file.size) })}
                      </div>
                    ))
                  )}
                </li>
              );
            })}
        </ul>
        {missing.length > 0 && (
          <Alert type="warning" showIcon title={t(`${p}.missingEvidence`)} className="cx-gap" />
        )}
      </Section>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.message}
          description={failure.detail}
          className="cx-gap"
          data-testid="filing-error"
        />
      )}
      <div className="cx-muted cx-gap">{t(`${p}.promise`)}</div>
      <Button
        type="primary"
        size="large"
        block
        loading={submitting}
        onClick={onSubmit}
        className="cx-gap"
        data-testid="filing-submit"
      >
        {t(`${p}.submit`)}
      </Button>
    </div>
  );
}
