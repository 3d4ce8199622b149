import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_MIME } from '../../core/graph/drag-kind.ts';
import { useNodeKindUi } from '../../hooks/useNodeKindUi.ts';

interface PaletteItemProps {
  kind: string;
  label: string;
  description: string;
  onAdd(): void;
}

export function PaletteItem({ kind, label, description, onAdd }: PaletteItemProps) {
  const { t } = useTranslation();
  const uiOf = useNodeKindUi();
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className="og-palette__item"
      draggable
      onDragStart={onDragStart}
      onClick={onAdd}
      title={`${description}\n${t('palette.dragOrClick')}`}
      data-kind={kind}
    >
      <span className="og-palette__icon" aria-hidden="true">
        {uiOf(kind).icon}
      </span>
      <span className="og-palette__label">{label}</span>
    </button>
  );
}
