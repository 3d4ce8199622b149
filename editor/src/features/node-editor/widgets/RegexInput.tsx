import { useTranslation } from 'react-i18next';
import { CodeEditor } from '../../../atoms/code-editor/CodeEditor.tsx';

interface RegexInputProps {
  id?: string;
  value: string;
  onChange(value: string): void;
}

function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A regular expression in Monaco (one line, coloured), with the browser's own verdict on it as it is typed. */
export function RegexInput({ id, value, onChange }: RegexInputProps) {
  const { t } = useTranslation();
  const error = value ? regexError(value) : undefined;
  return (
    <div className="og-regex" id={id}>
      <CodeEditor
        value={value}
        onChange={onChange}
        language="regex"
        height={30}
        ariaLabel={t('widget.regex')}
      />
      {error ? <p className="og-field__issue og-field__issue--error">{error}</p> : null}
    </div>
  );
}
