import type { SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  /** An empty first choice ("— none —"), for optional values. */
  placeholder?: string;
}

export function Select({ value, options, onChange, placeholder, className, ...rest }: SelectProps) {
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <select
      className={`og-input og-select nodrag ${className ?? ''}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...rest}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {/* A value the options do not know (a deleted warehouse) stays visible instead of silently changing. */}
      {known ? null : <option value={value}>{value} ⚠</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
