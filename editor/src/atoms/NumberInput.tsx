import { type InputHTMLAttributes, useEffect, useState } from 'react';

interface NumberInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  value: number | undefined;
  /** undefined when the box is emptied (an optional value left out). */
  onChange(value: number | undefined): void;
}

/** Keeps what is typed ("1." on the way to "1.5") while only sending numbers on. */
export function NumberInput({ value, onChange, className, ...rest }: NumberInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((current) =>
      Number(current) === value && current !== '' ? current : value === undefined ? '' : String(value),
    );
  }, [value]);
  return (
    <input
      type="number"
      inputMode="decimal"
      className={`og-input og-input--number nodrag ${className ?? ''}`}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const raw = event.target.value.trim();
        if (raw === '') onChange(undefined);
        else if (Number.isFinite(Number(raw))) onChange(Number(raw));
      }}
      {...rest}
    />
  );
}
