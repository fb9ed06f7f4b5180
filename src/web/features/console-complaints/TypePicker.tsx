// 问题类型: category → type from the catalogue, then what that type needs and how urgent it is,
// so the agent knows what to ask the caller for while still on the line.
import { Cascader, Descriptions, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, ProblemType } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { useLocalText } from '../../shared/text';
import { useCatalog } from '../catalog/api';
import { EvidenceTags } from '../catalog/TypeDetails';
import { SlaText } from '../catalog/SlaText';

export interface SelectedType {
  category: Category;
  type: ProblemType;
}

export function useTypeLookup(): (code: string | undefined) => SelectedType | undefined {
  const catalog = useCatalog();
  return (code) => {
    if (!code) return undefined;
    for (const category of catalog.data ?? []) {
      const type = category.types.find((t) => t.code === code);
      if (type) return { category, type };
    }
    return undefined;
  };
}

export function TypePicker({ selected }: { selected: SelectedType | undefined }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const catalog = useCatalog();

  const options = (catalog.data ?? []).map((category) => ({
    value: category.code,
    // Refused categories stay visible, so the agent can tell the caller why, but cannot be picked.
    label: category.accepted
      ? local(category.name)
      : `${local(category.name)}（${t('scope.notAccepted')}）`,
    disabled: !category.accepted,
    children: category.types.map((type) => ({ value: type.code, label: local(type.name) })),
  }));

  return (
    <>
      <Form.Item
        name="typePath"
        label={t('consoleComplaints.field.type')}
        rules={[{ required: true, message: t('consoleComplaints.new.typeRequired') }]}
      >
        <Cascader
          options={options}
          loading={catalog.isPending}
          showSearch
          expandTrigger="hover"
          placeholder={t('consoleComplaints.new.typePlaceholder')}
          style={{ maxWidth: 420 }}
          data-testid="filing-type"
        />
      </Form.Item>
      {selected && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16, background: '#f6f8fb', padding: '8px 12px', borderRadius: 8 }}
          data-testid="type-hint"
          items={[
            {
              key: 'priority',
              label: t('catalog.priority'),
              children: <PriorityTag priority={selected.type.priority} />,
            },
            { key: 'sla', label: t('catalog.sla'), children: <SlaText sla={selected.type.sla} /> },
            {
              key: 'evidence',
              label: t('catalog.requiredEvidence'),
              children: (
                <div>
                  <EvidenceTags type={selected.type} />
                  <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12, marginTop: 4 }}>
                    {t('consoleComplaints.new.evidenceLater')}
                  </div>
                </div>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
