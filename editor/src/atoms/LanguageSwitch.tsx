import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../infrastructure/i18n/i18n.ts';

const NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** 中文 / English, remembered in this browser. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <div className="og-language" title={t('toolbar.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className={
            i18n.language === language
              ? 'og-language__option og-language__option--active'
              : 'og-language__option'
          }
          aria-pressed={i18n.language === language}
          onClick={() => setLanguage(language)}
          data-language={language}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
