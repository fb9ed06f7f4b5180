// i18next set-up: zh-CN by default, English on request; the choice survives reloads.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import assistantEn from '../locales/assistant.en.json';
import assistantZh from '../locales/assistant.zh-CN.json';
import catalogAdminEn from '../locales/catalogAdmin.en.json';
import catalogAdminZh from '../locales/catalogAdmin.zh-CN.json';
import consoleComplaintsEn from '../locales/consoleComplaints.en.json';
import consoleComplaintsZh from '../locales/consoleComplaints.zh-CN.json';
import caseExtrasEn from '../locales/caseExtras.en.json';
import caseExtrasZh from '../locales/caseExtras.zh-CN.json';
import caseWorkEn from '../locales/caseWork.en.json';
import caseWorkZh from '../locales/caseWork.zh-CN.json';
import notificationsEn from '../locales/notifications.en.json';
import notificationsZh from '../locales/notifications.zh-CN.json';
import portalComplaintsEn from '../locales/portalComplaints.en.json';
import portalComplaintsZh from '../locales/portalComplaints.zh-CN.json';
import slaAdminEn from '../locales/slaAdmin.en.json';
import slaAdminZh from '../locales/slaAdmin.zh-CN.json';
import slaClocksEn from '../locales/slaClocks.en.json';
import slaClocksZh from '../locales/slaClocks.zh-CN.json';
import { setApiLanguage } from './api';
import type { Lang } from './types';

export const LANG_STORAGE_KEY = 'redress.lang';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // Storage can be blocked (private mode); fall back to the default.
  }
  return 'zh-CN';
}

function applyLang(lang: Lang): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.documentTitle');
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function changeLang(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not fatal: the switch still applies to this page view.
  }
  await i18n.changeLanguage(lang);
  applyLang(lang);
}

const initialLang = readStoredLang();

void i18n.use(initReactI18next).init({
  // Each feature area keeps its strings in its own file under one top-level key
  // (t('portalComplaints.…')), so areas can grow without editing one shared file.
  resources: {
    'zh-CN': {
      translation: {
        ...zhCN,
        portalComplaints: portalComplaintsZh,
        consoleComplaints: consoleComplaintsZh,
        catalogAdmin: catalogAdminZh,
        caseWork: caseWorkZh,
        caseExtras: caseExtrasZh,
        slaAdmin: slaAdminZh,
        slaClocks: slaClocksZh,
        notifications: notificationsZh,
        assistant: assistantZh,
      },
    },
    en: {
      translation: {
        ...en,
        portalComplaints: portalComplaintsEn,
        consoleComplaints: consoleComplaintsEn,
        catalogAdmin: catalogAdminEn,
        caseWork: caseWorkEn,
        caseExtras: caseExtrasEn,
        slaAdmin: slaAdminEn,
        slaClocks: slaClocksEn,
        notifications: notificationsEn,
        assistant: assistantEn,
      },
    },
  },
  lng: initialLang,
  fallbackLng: 'zh-CN',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyLang(initialLang);

export default i18n;
