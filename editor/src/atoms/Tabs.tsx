import type { ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

interface TabsProps<T extends string> {
  items: readonly TabItem<T>[];
  active: T;
  onSelect(id: T): void;
  label: string;
}

export function Tabs<T extends string>({ items, active, onSelect, label }: TabsProps<T>) {
  return (
    <div className="og-tabs" role="tablist" aria-label={label}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          aria-selected={item.id === active}
          data-tab={item.id}
          className={item.id === active ? 'og-tab og-tab--active' : 'og-tab'}
          onClick={() => onSelect(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
