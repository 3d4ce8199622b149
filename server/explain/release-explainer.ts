import {
  type Explainable,
  type Explanation,
  explainDecision,
} from '../../engine/explain/explain-decision.ts';
import { type StrategyGraph, strategyGraph } from '../../engine/explain/strategy-graph.ts';
import type { Store } from '../store/store.ts';

/** Releases whose graphs are kept: a client evaluates against its live release, so a few cover every client in use. */
const CACHED_RELEASES = 64;

/**
 * Explains decisions in the words of the strategies that made them: the node names and tests come
 * from the graphs of the release that decided. A release's versions never change, so its graphs are
 * read once; the client's master data (warehouse and carrier names) is read per call, as it may.
 */
export class ReleaseExplainer {
  private readonly graphs = new Map<string, Promise<ReadonlyMap<string, StrategyGraph>>>();

  constructor(private readonly store: Store) {}

  async explain(
    clientId: string,
    release: number,
    decisions: readonly Explainable[],
  ): Promise<Explanation[][]> {
    const [graphs, record] = await Promise.all([
      this.graphsOf(clientId, release),
      this.store.clients.get(clientId),
    ]);
    const client = record?.client;
    return decisions.map((decision) => explainDecision(decision, { graphs, ...(client ? { client } : {}) }));
  }

  private graphsOf(clientId: string, release: number): Promise<ReadonlyMap<string, StrategyGraph>> {
    const key = `${clientId}@${release}`;
    let graphs = this.graphs.get(key);
    if (!graphs) {
      graphs = this.load(clientId, release);
      graphs.catch(() => this.graphs.delete(key));
      this.graphs.set(key, graphs);
      if (this.graphs.size > CACHED_RELEASES) this.graphs.delete(this.graphs.keys().next().value!);
    }
    return graphs;
  }

  private async load(clientId: string, release: number): Promise<ReadonlyMap<string, StrategyGraph>> {
    const entries = (await this.store.releases.get(clientId, release))?.strategies ?? [];
    const client = (await this.store.clients.get(clientId))?.client;
    const versions = await Promise.all(
      entries.map(({ strategyId, version }) => this.store.versions.get(clientId, strategyId, version)),
    );
    // A version gone from the store leaves its nodes named by id: the explanation is still right.
    return new Map(
      versions.flatMap((v) =>
        v ? [[v.strategyId, strategyGraph(v.strategy, client ? { client } : {})] as const] : [],
      ),
    );
  }
}
