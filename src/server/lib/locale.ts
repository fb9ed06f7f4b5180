import type { Locale } from '../../shared/errors.js';

/**
 * Picks zh-CN or en from an Accept-Language header, honouring q-values; anything that is not
 * clearly English gets the default, Chinese.
 */
export function pickLocale(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tagRaw, ...params] = part.trim().split(';');
    const tag = (tagRaw ?? '').toLowerCase();
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale: Locale | null = tag.startsWith('en')
      ? 'en'
      : tag.startsWith('zh')
        ? 'zh-CN'
        : null;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'zh-CN';
}
