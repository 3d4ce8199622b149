import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../core/engine.ts';
import { pickLabel } from '../infrastructure/i18n/pick-label.ts';

/** The engine's `{en, zh}` labels in the UI language. */
export function useLabel(): (label: Label | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((label: Label | undefined) => pickLabel(label, language), [language]);
}
