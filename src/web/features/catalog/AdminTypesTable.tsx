// The problem types of one category in the console: everything staff need to read, and for
// admins an edit button per type and one to add a type.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PriorityTag } from '../../shared/PriorityTag';
import { useLocalText } from '../../shared/text';
import type { AdminCategory, AdminType } from './api';
import { RefusalNotice } from './RefusalNotice';
import { SlaText } from './SlaText';
import { EvidenceTags, RequiredFieldTags } from './TypeDetails';

const SHOWN_KEYWORDS = 8;

function KeywordTags({ keywords }: { keywords: string[] }) {
  const { t } = useTranslation();
  if (keywords.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const rest = keywords.length - SHOWN_KEYWORDS;
  return (
    <div className="catalog-keywords" title={keywords.join('、')}>
      {keywords.slice(0, SHOWN_KEYWORDS).map((k) => (
        <Tag key={k}>{k}</Tag>
      ))}
      {rest > 0 && <Tag variant="outlined">{t('catalogAdmin.moreKeywords', { count: rest })}</Tag>}
    </div>
  );
}

export function AdminTypesTable({
  category,
  canManage,
  onEdit,
  onAdd,
}: {
  category: AdminCategory;
  canManage: boolean;
  onEdit: (type: AdminType) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const columns: TableColumnsType<AdminType> = [
    {
      title: t('catalog.type'),
      key: 'name',
      width: '14%',
      render: (_, type) => (
        <div>
          <div style={{ fontWeight: 500 }}>
            {local(type.name)}
            {!type.enabled && (
              <Tag style={{ marginInlineStart: 6 }} data-testid="type-disabled-tag">
                {t('catalogAdmin.disabled')}
              </Tag>
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {type.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.priority'),
      key: 'priority',
      width: 96,
      render: (_, type) => <PriorityTag priority={type.priority} />,
    },
    {
      title: t('catalog.requiredFields'),
      key: 'fields',
      width: '17%',
      render: (_, type) => <RequiredFieldTags type={type} />,
    },
    {
      title: t('catalog.requiredEvidence'),
      key: 'evidence',
      width: '17%',
      render: (_, type) => <EvidenceTags type={type} />,
    },
    {
      title: t('catalog.sla'),
      key: 'sla',
      width: '20%',
      render: (_, type) => <SlaText sla={type.sla} />,
    },
    {
      title: t('catalogAdmin.keywords'),
      key: 'keywords',
      width: '18%',
      render: (_, type) => <KeywordTags keywords={type.keywords} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 76,
      render: (_, type) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(type)}
          data-testid={`edit-type-${type.code}`}
        >
          {t('catalogAdmin.edit')}
        </Button>
      ),
    });
  }
  return (
    <div data-testid={`types-${category.code}`}>
      {!category.accepted && <RefusalNotice category={category} />}
      {category.types.length > 0 && (
        <Table
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={category.types}
          pagination={false}
          rowClassName={(type) => (type.enabled ? '' : 'catalog-disabled-row')}
          tableLayout="fixed"
        />
      )}
      {category.accepted && category.types.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('catalogAdmin.noTypes')}
        </Typography.Paragraph>
      )}
      {canManage && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={onAdd}
          style={{ marginTop: 12 }}
          data-testid={`add-type-${category.code}`}
        >
          {t('catalogAdmin.newType')}
        </Button>
      )}
    </div>
  );
}
