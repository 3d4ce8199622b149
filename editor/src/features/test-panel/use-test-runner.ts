import { useCallback } from 'react';
import { type CompiledStrategy, compileStrategy, runStrategyTests } from '../../core/engine.ts';
import { readPastedOrder } from '../../core/test-run/pasted-order.ts';
import { runDraft } from '../../core/test-run/run-draft.ts';
import { getLive, getVersion } from '../../infrastructure/api/ordergraph-api.ts';
import { SAMPLE_ORDERS } from '../../infrastructure/samples/sample-orders.ts';
import { useClientStore } from '../../stores/client-store.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useHighlightActions } from '../../stores/highlight-store.ts';
import { useTestRunStore } from '../../stores/test-run-store.ts';

/** The client's published strategies, compiled as the server keeps them: the stages around the draft. */
async function publishedStages(clientId: string): Promise<CompiledStrategy[]> {
  const live = await getLive(clientId);
  if (!live) return [];
  const versions = await Promise.all(
    live.strategies.map((s) => getVersion(clientId, s.strategyId, s.version)),
  );
  return versions.map((v) => v.compiled as CompiledStrategy);
}

/** Runs the chosen order through the draft (and the published pipeline around it), and lights the path. */
export function useTestRunner() {
  const { light, clear } = useHighlightActions();

  const run = useCallback(async () => {
    const { source, pasted, platform, scope, others, actions } = useTestRunStore.getState();
    const doc = useDocumentStore.getState().history?.present;
    const { client, clientId } = useClientStore.getState();
    if (!doc) return;
    actions.started();
    clear();
    let order: unknown;
    let state: Parameters<typeof runDraft>[0]['state'];
    let chosenPlatform = platform === 'auto' ? undefined : platform;
    if (source.kind === 'test') {
      const test = doc.tests[source.index];
      order = test?.order;
      state = test?.state;
      chosenPlatform ??= test?.platform;
    } else if (source.kind === 'sample') {
      order = SAMPLE_ORDERS.find((s) => s.name === source.name)?.order;
    } else {
      const read = readPastedOrder(pasted);
      if (!read.ok) {
        actions.finished({ ok: false, stage: 'order', message: read.message });
        return;
      }
      order = read.order;
    }
    let stages: CompiledStrategy[] = [];
    if (scope === 'pipeline' && clientId) {
      if (others?.clientId === clientId) stages = others.stages;
      else {
        stages = await publishedStages(clientId).catch(() => []);
        actions.setOthers(clientId, stages);
      }
    }
    const result = await runDraft({
      draft: doc,
      ...(client ? { client } : {}),
      others: stages,
      order,
      ...(chosenPlatform ? { platform: chosenPlatform } : {}),
      ...(state ? { state } : {}),
    });
    actions.finished(result);
    if (result.ok) light('trace', result.lit.nodeIds, result.lit.edgeIds);
  }, [clear, light]);

  /** The strategy's own tests, each through the draft alone, as `ordergraph test` runs them. */
  const runOwnTests = useCallback(async () => {
    const doc = useDocumentStore.getState().history?.present;
    const { client } = useClientStore.getState();
    const { actions } = useTestRunStore.getState();
    if (!doc) return;
    const compiled = compileStrategy(doc, client ? { client } : {});
    if (!compiled.ok) {
      actions.setOwnTests([]);
      return;
    }
    actions.setOwnTests(
      await runStrategyTests(compiled.strategy, compiled.compiled, {
        engine: 'reference',
        ...(client ? { client } : {}),
      }),
    );
  }, []);

  return { run, runOwnTests };
}
