import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localStore } from '../storage/browser-storage.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'ordergraph.language';

/** Consultants in China first: zh-CN unless the person chose English (or the browser speaks no Chinese). */
function initialLanguage(): Language {
  const stored = localStore.get(KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const browser = typeof navigator === 'undefined' ? 'zh-CN' : navigator.language;
  return browser.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export const i18n = i18next.createInstance();

/** Screen readers, fonts (CJK glyph choice) and the browser's translate offer read `<html lang>`. */
function followLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
i18n.on('languageChanged', followLanguage);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStore.set(KEY, language);
  void i18n.changeLanguage(language);
}
