import { useTranslation } from 'react-i18next';
import { createNode } from '../../core/document/node-factory.ts';
import { addNodes } from '../../core/document/operations.ts';
import { freeSpotAt } from '../../core/layout/free-spot.ts';
import { useLabel } from '../../hooks/useLabel.ts';
import { useCanvasViewStore } from '../../stores/canvas-view-store.ts';
import { useDocumentActions, useDocumentStore } from '../../stores/document-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';
import { PaletteItem } from './PaletteItem.tsx';
import { paletteGroups } from './palette-groups.ts';

const GROUPS = paletteGroups();

/** Node kinds by family: drag one onto the canvas, or click to add it in the middle of the view. */
export function NodePalette() {
  const { t } = useTranslation();
  const label = useLabel();
  const { edit } = useDocumentActions();
  const { select } = useSelectionActions();

  const addBeside = (kind: string) => {
    const doc = useDocumentStore.getState().history?.present;
    if (!doc) return;
    const center = useCanvasViewStore.getState().viewCenter?.() ?? { x: 0, y: 0 };
    const taken = new Set(doc.nodes.map((n) => n.id));
    const node = createNode(kind, freeSpotAt(center, doc.nodes), taken, doc.family);
    edit((current) => addNodes(current, [node]));
    select([node.id]);
  };

  return (
    <nav className="og-palette" aria-label={t('palette.title')}>
      <h2 className="og-panel-title">{t('palette.title')}</h2>
      <p className="og-palette__hint">{t('palette.hint')}</p>
      {GROUPS.map((group) => (
        <section key={group.id} className="og-palette__group">
          <h3 className="og-palette__group-title">{t(`family.${group.id}`)}</h3>
          {group.kinds.map(({ kind, def }) => (
            <PaletteItem
              key={kind}
              kind={kind}
              label={label(def.label)}
              description={label(def.description)}
              onAdd={() => addBeside(kind)}
            />
          ))}
        </section>
      ))}
    </nav>
  );
}
