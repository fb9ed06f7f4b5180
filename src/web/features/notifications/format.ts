// Small formatting helpers the notification views share.
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../shared/text';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 分钟前" / "3 minutes ago" up to a week back, the date and time after that. */
export function useRelativeTime(): (iso: string, now?: number) => string {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const rtf = new Intl.RelativeTimeFormat(i18n.language === 'en' ? 'en' : 'zh-CN', {
    numeric: 'auto',
  });
  return (iso, now = Date.now()) => {
    const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
    if (Number.isNaN(seconds)) return iso;
    // A clock a little ahead of the server's must not say "in 5 seconds".
    if (seconds < MINUTE) return t('notifications.time.justNow');
    if (seconds < HOUR) return rtf.format(-Math.floor(seconds / MINUTE), 'minute');
    if (seconds < DAY) return rtf.format(-Math.floor(seconds / HOUR), 'hour');
    if (seconds < 7 * DAY) return rtf.format(-Math.floor(seconds / DAY), 'day');
    return formatDateTime(iso);
  };
}

/** A zone's offset now, e.g. "UTC+8" or "UTC-4" ("" where the browser cannot tell). */
export function zoneOffset(timeZone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return '';
    return part === 'GMT' ? 'UTC+0' : part.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}
