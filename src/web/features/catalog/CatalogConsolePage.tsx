// 投诉分类 in the console: categories with their problem types as expandable rows.
import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, ProblemType } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { QueryState } from '../../shared/QueryState';
import { useLocalText } from '../../shared/text';
import { useCatalog } from './api';
import { RefusalNotice } from './RefusalNotice';
import { SlaText } from './SlaText';
import { EvidenceTags, RequiredFieldTags } from './TypeDetails';

function TypesTable({ category }: { category: Category }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const columns: TableColumnsType<ProblemType> = [
    {
      title: t('catalog.type'),
      key: 'name',
      width: 180,
      render: (_, type) => (
        <div>
          <div style={{ fontWeight: 500 }}>{local(type.name)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {type.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.priority'),
      key: 'priority',
      width: 110,
      render: (_, type) => <PriorityTag priority={type.priority} />,
    },
    {
      title: t('catalog.requiredFields'),
      key: 'fields',
      render: (_, type) => <RequiredFieldTags type={type} />,
    },
    {
      title: t('catalog.requiredEvidence'),
      key: 'evidence',
      render: (_, type) => <EvidenceTags type={type} />,
    },
    {
      title: t('catalog.sla'),
      key: 'sla',
      width: 260,
      render: (_, type) => <SlaText sla={type.sla} />,
    },
  ];
  return (
    <div>
      {!category.accepted && <RefusalNotice category={category} />}
      {category.types.length > 0 && (
        <Table
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={category.types}
          pagination={false}
          scroll={{ x: 900 }}
        />
      )}
    </div>
  );
}

export default function CatalogConsolePage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const catalog = useCatalog();

  const columns: TableColumnsType<Category> = [
    {
      title: t('catalog.category'),
      key: 'name',
      width: 220,
      render: (_, category) => (
        <div>
          <div style={{ fontWeight: 500 }}>{local(category.name)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {category.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.description'),
      key: 'description',
      render: (_, category) => local(category.description),
    },
    {
      title: t('catalog.status'),
      key: 'accepted',
      width: 120,
      render: (_, category) =>
        category.accepted ? (
          <Tag color="blue">{t('catalog.accepted')}</Tag>
        ) : (
          <Tag>{t('scope.notAccepted')}</Tag>
        ),
    },
    {
      title: t('catalog.typeCount'),
      key: 'types',
      width: 120,
      align: 'right',
      render: (_, category) => category.types.length,
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('console.nav.catalog')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('catalog.consoleIntro')}</Typography.Paragraph>
      <QueryState query={catalog} rows={8}>
        {(categories) => (
          <Table
            rowKey="code"
            columns={columns}
            dataSource={categories}
            pagination={false}
            expandable={{
              expandedRowRender: (category) => <TypesTable category={category} />,
              expandRowByClick: true,
            }}
            scroll={{ x: 760 }}
            data-testid="catalog-table"
          />
        )}
      </QueryState>
    </Card>
  );
}
