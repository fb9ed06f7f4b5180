// 受理范围: what the platform accepts, per category and problem type. Public.
import { Alert, Collapse, Tag, Typography } from 'antd';
import type { CollapseProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Category } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { QueryState } from '../../shared/QueryState';
import { useLocalText } from '../../shared/text';
import { useCatalog } from './api';
import { RefusalNotice } from './RefusalNotice';
import { SlaText } from './SlaText';
import { EvidenceTags, RequiredFieldTags } from './TypeDetails';

function CategoryBody({ category }: { category: Category }) {
  const { t } = useTranslation();
  const local = useLocalText();
  return (
    <div>
      {local(category.description) && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {local(category.description)}
        </Typography.Paragraph>
      )}
      {!category.accepted && <RefusalNotice category={category} />}
      {/* A refused category's types only name what is refused; the guidance says it all. */}
      {category.accepted &&
        category.types.map((type) => (
          <div className="type-block" key={type.code} data-testid={`type-${type.code}`}>
            <div className="type-block-head">
              <span className="type-block-name">{local(type.name)}</span>
              <PriorityTag priority={type.priority} />
            </div>
            <div className="kv">
              <span className="kv-label">{t('catalog.requiredFields')}</span>
              <span className="kv-value">
                <RequiredFieldTags type={type} />
              </span>
            </div>
            <div className="kv">
              <span className="kv-label">{t('catalog.requiredEvidence')}</span>
              <span className="kv-value">
                <EvidenceTags type={type} />
              </span>
            </div>
            <div className="kv">
              <span className="kv-label">{t('catalog.sla')}</span>
              <span className="kv-value">
                <SlaText sla={type.sla} brief />
              </span>
            </div>
          </div>
        ))}
    </div>
  );
}

function CategoryList({ categories }: { categories: Category[] }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const [params] = useSearchParams();
  const initial = params.get('open');
  const [open, setOpen] = useState<string[]>(initial ? [initial] : []);

  const items: CollapseProps['items'] = categories.map((category) => ({
    key: category.code,
    label: (
      <span className="type-block-head" style={{ marginBottom: 0 }}>
        <span className="type-block-name">{local(category.name)}</span>
        {category.accepted ? (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('scope.typeCount', { count: category.types.length })}
          </Tag>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('scope.notAccepted')}</Tag>
        )}
      </span>
    ),
    children: <CategoryBody category={category} />,
  }));

  if (categories.length === 0) {
    return <Alert type="info" showIcon title={t('scope.empty')} />;
  }
  return (
    <Collapse
      items={items}
      activeKey={open}
      onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
      style={{ background: '#fff' }}
      data-testid="scope-list"
    />
  );
}

export function ScopePage() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {t('scope.title')}
      </Typography.Title>
      <div className="page-intro">{t('scope.intro')}</div>
      <ul className="legend" aria-label={t('scope.legendTitle')}>
        {(['red', 'yellow', 'green'] as const).map((priority) => (
          <li key={priority}>
            <PriorityTag priority={priority} />
            <span>{t(`scope.legend.${priority}`)}</span>
          </li>
        ))}
      </ul>
      <QueryState query={catalog} rows={8}>
        {(categories) => <CategoryList categories={categories} />}
      </QueryState>
    </div>
  );
}
