import type * as Monaco from 'monaco-editor';

/** A small Monarch grammar so a consultant's regex shows its groups, classes and escapes in colour. */
export function registerRegexLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === 'regex')) return;
  monaco.languages.register({ id: 'regex' });
  monaco.languages.setMonarchTokensProvider('regex', {
    tokenizer: {
      root: [
        [/\\[dDwWsSbBnrt]/, 'keyword'],
        [/\\./, 'string.escape'],
        [/\[\^?/, { token: 'delimiter.bracket', next: '@class' }],
        [/\(\?(?:[:=!]|<[=!]|<\w+>)?|\)/, 'delimiter.parenthesis'],
        [/[*+?]\??|\{\d+(,\d*)?\}\??/, 'number'],
        [/[|^$.]/, 'operator'],
      ],
      class: [
        [/\\./, 'string.escape'],
        [/\]/, { token: 'delimiter.bracket', next: '@pop' }],
        [/[^\]\\]+/, 'string'],
      ],
    },
  });
}
