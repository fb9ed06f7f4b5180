import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpin() {
  const { t } = useTranslation();
  return (
    <div className="full-center" role="status" aria-live="polite">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}
