interface CheckboxProps {
  id?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  label?: string;
}

export function Checkbox({ id, checked, onChange, label }: CheckboxProps) {
  return (
    <span className="og-checkbox">
      <input
        id={id}
        type="checkbox"
        className="nodrag"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label ? <span>{label}</span> : null}
    </span>
  );
}
