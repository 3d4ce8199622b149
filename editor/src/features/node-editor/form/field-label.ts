import type { TFunction } from 'i18next';
import type { FieldHints, Label } from '../../../core/engine.ts';
import { findHint, type HintKeys } from '../../../core/form/hint-keys.ts';
import { humanize } from '../../../infrastructure/i18n/pick-label.ts';

/** A field's label and help: the kind's hint when it has one, else the editor's word for the key. */
export function fieldText(
  hints: FieldHints | undefined,
  keys: HintKeys,
  key: string,
  t: TFunction,
  label: (l: Label | undefined) => string,
): { label: string; help: string | undefined } {
  const hint = findHint(hints, keys);
  if (hint) return { label: label(hint.label), help: label(hint.help) || undefined };
  return { label: t(`field.${key}`, { defaultValue: humanize(key) }), help: undefined };
}
