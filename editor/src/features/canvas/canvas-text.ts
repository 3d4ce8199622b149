import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type { ConditionWords } from '../../core/conditions/describe-condition.ts';
import type { GraphIssue, Label } from '../../core/engine.ts';

/**
 * The words every node and edge needs, made once per canvas. A 500-node canvas with four
 * `useTranslation` hooks per node spent a quarter of a second in i18n wrappers when it opened.
 */
export interface CanvasText {
  t: TFunction;
  label(label: Label | undefined): string;
  words: ConditionWords;
  issueText(issue: GraphIssue): string;
}

export const CanvasTextContext = createContext<CanvasText | undefined>(undefined);

export function useCanvasText(): CanvasText {
  const text = useContext(CanvasTextContext);
  if (!text) throw new Error('canvas nodes render inside StrategyCanvas');
  return text;
}
