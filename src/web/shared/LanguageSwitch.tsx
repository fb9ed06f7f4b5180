// One button that flips between 中文 and English; present in every header.
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLang } from '../app/i18n';

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      onClick={() => void changeLang(next)}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
      lang={next}
      data-testid="lang-switch"
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
