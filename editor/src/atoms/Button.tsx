import type { ButtonHTMLAttributes } from 'react';

export type ButtonTone = 'default' | 'primary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone?: ButtonTone;
  small?: boolean;
}

export function Button({ tone = 'default', small, className, type, ...rest }: ButtonProps) {
  const classes = ['og-button', `og-button--${tone}`, small ? 'og-button--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <button type={type ?? 'button'} className={classes} {...rest} />;
}
