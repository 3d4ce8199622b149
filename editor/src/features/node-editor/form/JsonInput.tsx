import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface JsonInputProps {
  value: unknown;
  onChange(value: unknown): void;
  ariaLabel: string;
}

/** A value of any shape as JSON text; only valid JSON is written back, so a typo never corrupts the node. */
export function JsonInput({ value, onChange, ariaLabel }: JsonInputProps) {
  const { t } = useTranslation();
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    // Keep what is being typed ("[1, 2" → "[1, 2]") unless the value really changed elsewhere (undo).
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === shown) return current;
      } catch {
        // fall through: show the value
      }
      return shown;
    });
  }, [shown]);
  return (
    <span className="og-json">
      <input
        className={`og-input nodrag ${invalid ? 'og-input--invalid' : ''}`}
        aria-label={ariaLabel}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange(event.target.value.trim() === '' ? undefined : JSON.parse(event.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid ? <span className="og-field__issue og-field__issue--error">{t('form.notJson')}</span> : null}
    </span>
  );
}
