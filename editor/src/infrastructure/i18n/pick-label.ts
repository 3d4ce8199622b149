import type { Label } from '../../core/engine.ts';

/** The engine's labels are `{en, zh}`; the UI language picks one. */
export function pickLabel(label: Label | undefined, language: string): string {
  if (!label) return '';
  return language.startsWith('zh') ? label.zh : label.en;
}

/** camelCase field keys as words, for fields whose kind gives no label: `onNoSingleFit` → "on no single fit". */
export function humanize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}
