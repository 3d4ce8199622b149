import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../infrastructure/i18n/i18n.ts';

/**
 * A component rendered to HTML in Node, in the given language: enough to test what it shows
 * without a DOM emulator (interaction is the end-to-end suite's, in a real browser).
 */
export async function render(element: ReactElement, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  await i18n.changeLanguage(language);
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

/** The text a person reads, tags stripped. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
