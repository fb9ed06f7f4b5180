// Step ②: the problem type within the category, with what it will ask for.
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../app/types';
import { PriorityTag } from '../../../shared/PriorityTag';
import { useLocalText } from '../../../shared/text';

interface Props {
  category: Category;
  selected: string | null;
  onSelect: (typeCode: string) => void;
}

export function StepType({ category, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const sep = t('common.listSeparator');
  return (
    <div className="cx-choices" data-testid="step-type">
      <div className="cx-step-lead">
        {t('portalComplaints.file.typeLead', { category: local(category.name) })}
      </div>
      {category.types.map((type) => {
        const fields = type.requiredFields.filter((f) => f.required).map((f) => local(f.label));
        const evidence = type.requiredEvidence.map((e) => local(e.label));
        return (
          <button
            type="button"
            key={type.code}
            className={`cx-choice${type.code === selected ? ' cx-choice-active' : ''}`}
            onClick={() => onSelect(type.code)}
            aria-pressed={type.code === selected}
            data-testid={`type-${type.code}`}
          >
            <span className="cx-choice-body">
              <span className="cx-choice-name">
                {local(type.name)} <PriorityTag priority={type.priority} />
              </span>
              {fields.length > 0 && (
                <span className="cx-choice-desc">
                  {t('portalComplaints.file.needsFields', { list: fields.join(sep) })}
                </span>
              )}
              {evidence.length > 0 && (
                <span className="cx-choice-desc">
                  {t('portalComplaints.file.needsEvidence', { list: evidence.join(sep) })}
                </span>
              )}
            </span>
            <RightOutlined className="cx-choice-arrow" />
          </button>
        );
      })}
    </div>
  );
}
