import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../app/types';
import { useLocalText } from '../../shared/text';

/** Why a category is not accepted (不受理), with the guidance the catalogue gives. */
export function RefusalNotice({ category }: { category: Category }) {
  const { t } = useTranslation();
  const local = useLocalText();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('scope.notAcceptedTitle')}
      description={local(category.refusalGuidance) || t('scope.notAcceptedDefault')}
      style={{ marginBottom: category.types.length ? 12 : 0 }}
    />
  );
}
