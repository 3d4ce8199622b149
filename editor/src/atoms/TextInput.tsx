import type { InputHTMLAttributes } from 'react';

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  value: string;
  onChange(value: string): void;
}

export function TextInput({ value, onChange, className, ...rest }: TextInputProps) {
  return (
    <input
      type="text"
      className={`og-input nodrag ${className ?? ''}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...rest}
    />
  );
}
