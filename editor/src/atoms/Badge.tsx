import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'error' | 'warning' | 'ok' | 'info';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`og-badge og-badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
