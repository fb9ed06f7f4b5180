// Required fields and evidence of one problem type, as tag lists.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProblemType } from '../../app/types';
import { useLocalText } from '../../shared/text';

export function RequiredFieldTags({ type }: { type: ProblemType }) {
  const { t } = useTranslation();
  const local = useLocalText();
  if (type.requiredFields.length === 0) return <span>{t('common.none')}</span>;
  return (
    <div className="tag-wrap">
      {type.requiredFields.map((field) => (
        <Tag key={field.key} color={field.required ? 'blue' : 'default'}>
          {field.required
            ? local(field.label)
            : t('catalog.optionalField', { label: local(field.label) })}
        </Tag>
      ))}
    </div>
  );
}

export function EvidenceTags({ type }: { type: ProblemType }) {
  const { t } = useTranslation();
  const local = useLocalText();
  if (type.requiredEvidence.length === 0) return <span>{t('common.none')}</span>;
  return (
    <div className="tag-wrap">
      {type.requiredEvidence.map((item) => (
        <Tag key={item.key} color="cyan">
          {local(item.label)}
        </Tag>
      ))}
    </div>
  );
}
