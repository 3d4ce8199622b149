import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConditionWords } from '../../hooks/useConditionWords.ts';
import { useIssueText } from '../../hooks/useIssueText.ts';
import { useLabel } from '../../hooks/useLabel.ts';
import type { CanvasText } from './canvas-text.ts';

/** The canvas's shared words; a new object only when the language changes. */
export function useCanvasTextValue(): CanvasText {
  const { t } = useTranslation();
  const label = useLabel();
  const words = useConditionWords();
  const issueText = useIssueText();
  return useMemo(() => ({ t, label, words, issueText }), [t, label, words, issueText]);
}
