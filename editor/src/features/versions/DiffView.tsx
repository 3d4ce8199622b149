import '@xyflow/react/dist/style.css';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Dialog } from '../../atoms/Dialog.tsx';
import { diffGraph, diffStrategies } from '../../core/diff/strategy-diff.ts';
import type { Strategy } from '../../core/engine.ts';
import { toFlowEdges, toFlowNodes } from '../../core/graph/flow-conversion.ts';
import { getVersion } from '../../infrastructure/api/ordergraph-api.ts';
import { useDoc } from '../../stores/document-store.ts';
import type { DiffSide } from '../../stores/versions-store.ts';
import { DiffNode } from './DiffNode.tsx';
import { DiffContext } from './diff-context.ts';

const NODE_TYPES = { diff: DiffNode };
const NO_SELECTION = { selectedNodes: new Set<string>(), selectedEdges: new Set<string>(), sizes: new Map() };

interface DiffViewProps {
  clientId: string;
  strategyId: string;
  left: DiffSide;
  right: DiffSide;
  onClose(): void;
}

/** A big table edit lists its first values; the canvas above shows where the rest are. */
const MAX_VALUES = 12;

/** Two versions (or a version and the draft) drawn as one graph: added green, removed red, changed amber. */
export function DiffView({ clientId, strategyId, left, right, onClose }: DiffViewProps) {
  const { t } = useTranslation();
  const draft = useDoc();
  const [docs, setDocs] = useState<[Strategy, Strategy] | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const load = (side: DiffSide) =>
      side === 'draft'
        ? Promise.resolve(draft!)
        : getVersion(clientId, strategyId, side).then((v) => v.strategy as Strategy);
    Promise.all([load(left), load(right)]).then(setDocs, (e: Error) => setError(e.message));
  }, [clientId, strategyId, left, right, draft]);
  const view = useMemo(() => {
    if (!docs) return undefined;
    const diff = diffStrategies(docs[0], docs[1]);
    const drawn = diffGraph(docs[1], diff);
    const nodes = toFlowNodes(drawn.graph.nodes, NO_SELECTION).map((n) => ({
      ...n,
      type: 'diff',
      draggable: false,
    }));
    const edges = toFlowEdges(drawn.graph.edges, NO_SELECTION).map((e) => ({
      ...e,
      type: 'default',
      // Diff nodes have one plain handle each side: branches show as the edges' colours, not handles.
      sourceHandle: null,
      className: `og-diff-edge og-diff-edge--${drawn.edgeKinds.get(e.id) ?? 'same'}`,
    }));
    return { diff, drawn, nodes, edges };
  }, [docs]);
  const name = (side: DiffSide) => (side === 'draft' ? t('versions.draft') : `v${side}`);
  return (
    <Dialog
      title={t('diff.title', { left: name(left), right: name(right) })}
      open
      onClose={onClose}
      wide
      actions={<Button onClick={onClose}>{t('dialog.close')}</Button>}
    >
      {error ? <p className="og-issue og-issue--error">{error}</p> : null}
      {view ? (
        <div className="og-diff" data-testid="diff-view">
          <p className="og-diff__summary">
            {(['added', 'removed', 'changed', 'moved'] as const).map((kind) => (
              <span key={kind} className={`og-diff__count og-diff__count--${kind}`}>
                {t(`diff.${kind}`)} {view.diff.counts[kind]}
              </span>
            ))}
            {view.diff.meta.length ? (
              <span>{t('diff.meta', { fields: view.diff.meta.join(', ') })}</span>
            ) : null}
          </p>
          <div className="og-diff__canvas">
            <DiffContext.Provider value={view.drawn}>
              <ReactFlowProvider>
                <ReactFlow
                  nodes={view.nodes}
                  edges={view.edges}
                  nodeTypes={NODE_TYPES}
                  fitView
                  fitViewOptions={{ maxZoom: 1 }}
                  nodesConnectable={false}
                  proOptions={{ hideAttribution: true }}
                >
                  <Background />
                  <Controls showInteractive={false} />
                </ReactFlow>
              </ReactFlowProvider>
            </DiffContext.Provider>
          </div>
          <ul className="og-diff__list">
            {view.diff.nodes
              .filter((n) => n.kind !== 'same')
              .map((n) => (
                <li key={n.id} className={`og-diff__item og-diff__item--${n.kind}`}>
                  <strong>{t(`diff.${n.kind}`)}</strong> {n.after?.name || n.before?.name || n.id}
                  {n.values.length ? (
                    <ul className="og-diff__values" data-testid="diff-values">
                      {n.values.slice(0, MAX_VALUES).map((v) => (
                        <li key={v.path} data-path={v.path}>
                          <code>{v.path}</code>: <del>{v.before ?? '—'}</del> → <ins>{v.after ?? '—'}</ins>
                        </li>
                      ))}
                      {n.values.length > MAX_VALUES ? (
                        <li className="og-muted">
                          {t('diff.moreValues', { count: n.values.length - MAX_VALUES })}
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ) : (
        <p className="og-muted">{t('diff.loading')}</p>
      )}
    </Dialog>
  );
}
