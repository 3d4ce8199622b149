import { type ReactNode, useId } from 'react';
import type { GraphIssue } from '../core/engine.ts';

interface FieldProps {
  label: string;
  help?: string;
  issues?: readonly GraphIssue[];
  /** Renders the control with the id the label points at. */
  children(id: string): ReactNode;
  inline?: boolean;
}

/** A labelled form row: label, control, help text, and the compiler's issues for this field. */
export function Field({ label, help, issues, children, inline }: FieldProps) {
  const id = useId();
  const invalid = issues?.some((i) => i.severity === 'error');
  return (
    <div
      className={['og-field', inline ? 'og-field--inline' : '', invalid ? 'og-field--invalid' : ''].join(' ')}
    >
      <label className="og-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="og-field__control">{children(id)}</div>
      {help ? <p className="og-field__help">{help}</p> : null}
      {issues?.map((issue) => (
        <p
          key={`${issue.code}:${issue.path}:${issue.message}`}
          className={`og-field__issue og-field__issue--${issue.severity}`}
        >
          {issue.message}
        </p>
      ))}
    </div>
  );
}
