import { type KeyboardEvent, useId, useState } from 'react';

export interface Suggestion {
  value: string;
  label: string;
}

interface TagInputProps {
  id?: string;
  values: readonly string[];
  onChange(values: string[]): void;
  /** Offered while typing (warehouses, SKUs, regions …); anything else may still be typed. */
  suggestions?: readonly Suggestion[];
  placeholder?: string;
  /** Labels for known values, so a chip reads "上海仓 WH-SH". */
  labelOf?(value: string): string | undefined;
}

/** A list of short values as chips: Enter or comma adds, × removes, Backspace on empty removes the last. */
export function TagInput({ id, values, onChange, suggestions, placeholder, labelOf }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const parts = raw
      .split(/[,，、\n]/)
      .map((p) => p.trim())
      .filter((p) => p && !values.includes(p));
    if (parts.length) onChange([...values, ...parts]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="og-tags nodrag">
      {values.map((value, i) => (
        // Values are unique: adding skips what is already there.
        <span className="og-tag" key={value}>
          <span>{labelOf?.(value) ?? value}</span>
          <button
            type="button"
            className="og-tag__remove"
            aria-label={`× ${value}`}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        className="og-tags__input"
        value={draft}
        list={suggestions?.length ? listId : undefined}
        placeholder={values.length ? '' : placeholder}
        onChange={(event) => {
          const value = event.target.value;
          // Picking from the datalist fills the whole value at once: take it as a chip.
          if (suggestions?.some((s) => s.value === value)) add(value);
          else setDraft(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft && add(draft)}
      />
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
