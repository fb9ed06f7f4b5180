// Helpers for bilingual values delivered by the API and for locale-aware formatting.
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../app/types';

export function useLocalText(): (text: LocalText | null | undefined) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (text) => (text ? (en ? text.en || text.zh : text.zh || text.en) : '');
}

export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const formatter = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return (iso) => {
    if (!iso) return '—';
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
}
