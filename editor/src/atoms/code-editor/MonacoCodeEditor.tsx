import Editor from '@monaco-editor/react';
import { monaco } from '../../infrastructure/monaco/monaco-setup.ts';
import { registerRegexLanguage } from './regex-language.ts';

registerRegexLanguage(monaco);

export interface MonacoCodeEditorProps {
  value: string;
  onChange?(value: string): void;
  language: 'json' | 'typescript' | 'regex' | 'plaintext';
  /** In pixels; a regex is one line, JSON a panel. */
  height: number;
  readOnly?: boolean;
  /** Squiggles under the text, e.g. a regex that does not compile. */
  error?: string;
  ariaLabel: string;
}

export function MonacoCodeEditor({
  value,
  onChange,
  language,
  height,
  readOnly,
  ariaLabel,
}: MonacoCodeEditorProps) {
  const singleLine = language === 'regex';
  return (
    <div className="og-code nodrag nowheel" style={{ height }}>
      <Editor
        value={value}
        language={language}
        theme="vs"
        onChange={(next) => onChange?.(next ?? '')}
        options={{
          readOnly,
          ariaLabel,
          minimap: { enabled: false },
          lineNumbers: singleLine ? 'off' : 'on',
          glyphMargin: false,
          folding: !singleLine,
          scrollBeyondLastLine: false,
          wordWrap: singleLine ? 'off' : 'on',
          renderLineHighlight: singleLine ? 'none' : 'line',
          // One line scrolls with the caret; a scrollbar would cover the pattern.
          scrollbar: singleLine ? { vertical: 'hidden', horizontal: 'hidden' } : {},
          overviewRulerLanes: 0,
          fontSize: 13,
          tabSize: 2,
          automaticLayout: true,
          // Sticky headers cover lines in a panel this short.
          stickyScroll: { enabled: false },
        }}
      />
    </div>
  );
}
