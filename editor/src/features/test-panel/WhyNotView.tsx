import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeWhyNot, strategyGraph, whyNot } from '../../core/engine.ts';
import type { DraftRun } from '../../core/test-run/run-draft.ts';
import { useLabel } from '../../hooks/useLabel.ts';
import { useMasterData } from '../../stores/client-store.ts';
import { useDoc } from '../../stores/document-store.ts';
import { useInspectedNodeId } from '../../stores/selection-store.ts';

type Ran = Extract<DraftRun, { ok: true }>;

/**
 * The node selected on the canvas, read against the order just run: lit, or the first test that kept
 * the order from it, with the fact's value ("付款状态 = unpaid，需要 paid").
 */
export function WhyNotView({ run }: { run: Ran }) {
  const { t } = useTranslation();
  const label = useLabel();
  const doc = useDoc();
  const client = useMasterData();
  const nodeId = useInspectedNodeId();
  const graph = useMemo(
    () => (doc ? strategyGraph(doc, client ? { client } : {}) : undefined),
    [doc, client],
  );
  const node = nodeId ? doc?.nodes.find((n) => n.id === nodeId) : undefined;
  if (!graph || !node || !doc) {
    return <p className="og-field__help">{t('test.whyNotHint')}</p>;
  }
  const fired = (run.decision.trace ?? []).filter((e) => e.strategyId === doc.id).map((e) => e.rule);
  const why = whyNot({ graph, nodeId: node.id, facts: run.facts, lit: run.lit.nodeIds, fired });
  return (
    <div
      className={why.kind === 'fired' ? 'og-issue' : 'og-issue og-issue--warning'}
      data-testid="why-not"
      data-kind={why.kind}
    >
      <strong>{t('test.whyNotTitle', { node: node.name || node.id })}</strong>{' '}
      {label(describeWhyNot(why, graph))}
    </div>
  );
}
