// 投诉分类 in the console: categories with their problem types as expandable rows. Everyone with
// catalog.view reads it; admins (catalog.manage) add and edit entries in drawers.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { QueryState } from '../../shared/QueryState';
import { useLocalText } from '../../shared/text';
import { AdminTypesTable } from './AdminTypesTable';
import { useAdminCatalog, type AdminCategory, type AdminType } from './api';
import { CategoryDrawer } from './CategoryDrawer';
import { SuggestTester } from './SuggestTester';
import { TypeDrawer } from './TypeDrawer';
import './catalogAdmin.css';

type Editing =
  | { kind: 'category'; category: AdminCategory | null }
  | { kind: 'type'; type: AdminType | null; categoryCode: string }
  | null;

function TypeCount({ category }: { category: AdminCategory }) {
  const { t } = useTranslation();
  const disabled = category.types.filter((x) => !x.enabled).length;
  return (
    <span>
      {category.types.length - disabled}
      {disabled > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          {t('catalogAdmin.disabledCount', { count: disabled })}
        </Typography.Text>
      )}
    </span>
  );
}

export default function CatalogConsolePage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const canManage = useAuth().can('catalog.manage');
  const catalog = useAdminCatalog();
  const [editing, setEditing] = useState<Editing>(null);
  // Drawers keep the last entry while they slide shut, so their content does not jump.
  const [last, setLast] = useState<Exclude<Editing, null>>({ kind: 'category', category: null });
  const open = (next: Exclude<Editing, null>) => {
    setLast(next);
    setEditing(next);
  };

  const columns: TableColumnsType<AdminCategory> = [
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
      width: 110,
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
      width: 130,
      align: 'right',
      render: (_, category) => <TypeCount category={category} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, category) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          // The row also expands on click; editing should not toggle it.
          onClick={(event) => {
            event.stopPropagation();
            open({ kind: 'category', category });
          }}
          data-testid={`edit-category-${category.code}`}
        >
          {t('catalogAdmin.edit')}
        </Button>
      ),
    });
  }

  const categories = catalog.data ?? [];
  const shown = editing ?? last;
  return (
    <>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('console.nav.catalog')}
          </Typography.Title>
        }
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => open({ kind: 'category', category: null })}
              data-testid="new-category"
            >
              {t('catalogAdmin.newCategory')}
            </Button>
          )
        }
      >
        <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('catalog.consoleIntro')}</Typography.Text>
          <Typography.Text type="secondary" data-testid="catalog-mode">
            {canManage ? t('catalogAdmin.manageIntro') : t('catalogAdmin.readOnlyIntro')}
          </Typography.Text>
        </Space>
        <QueryState query={catalog} rows={8}>
          {(data) => (
            <Table
              rowKey="code"
              columns={columns}
              dataSource={data}
              pagination={false}
              expandable={{
                expandedRowRender: (category) => (
                  <AdminTypesTable
                    category={category}
                    canManage={canManage}
                    onEdit={(type) => open({ kind: 'type', type, categoryCode: type.categoryCode })}
                    onAdd={() => open({ kind: 'type', type: null, categoryCode: category.code })}
                  />
                ),
                expandRowByClick: true,
              }}
              scroll={{ x: 760 }}
              data-testid="catalog-table"
            />
          )}
        </QueryState>
      </Card>
      <SuggestTester />
      {canManage && (
        <>
          <CategoryDrawer
            open={editing?.kind === 'category'}
            category={shown.kind === 'category' ? shown.category : null}
            onClose={() => setEditing(null)}
          />
          <TypeDrawer
            open={editing?.kind === 'type'}
            type={shown.kind === 'type' ? shown.type : null}
            categoryCode={shown.kind === 'type' ? shown.categoryCode : (categories[0]?.code ?? '')}
            categories={categories}
            onClose={() => setEditing(null)}
          />
        </>
      )}
    </>
  );
}
