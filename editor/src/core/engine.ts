/**
 * The engine as the editor sees it: the browser-safe parts only, named in one place so it is
 * plain what the bundle takes from the engine (registry, compiler, pipeline, adapters, catalogues).
 */

export { analyseClient, analyseStrategy } from '../../../engine/analysis/index.ts';
export type { Carrier, Client, Shop, Sku, Warehouse } from '../../../engine/client/schema.ts';
export { ClientSchema } from '../../../engine/client/schema.ts';
export { type CompileResult, compileStrategy } from '../../../engine/compiler/compile-strategy.ts';
export type {
  CompiledRule,
  CompiledStrategy,
  SourceMapEntry,
} from '../../../engine/compiler/compiled-strategy.ts';
export type { Decision, TraceEntry } from '../../../engine/decision/decision.ts';
export { OrdergraphError } from '../../../engine/errors/ordergraph-error.ts';
export {
  describeWhyNot,
  type Explanation,
  explainDecision,
  type StrategyGraph,
  strategyGraph,
  whyNot,
} from '../../../engine/explain/index.ts';
export { type FactInfo, factCatalogue, lookupFact } from '../../../engine/facts/fact-catalogue.ts';
export { FACT_LABELS } from '../../../engine/facts/fact-labels.ts';
export { generateOrders } from '../../../engine/generate/generate-orders.ts';
export { type GraphIssue, hasErrors } from '../../../engine/graph/issue.ts';
export {
  FAMILIES,
  type Family,
  type GraphEdge,
  type GraphNode,
  HIT_POLICIES,
  type HitPolicy,
  type Strategy,
  StrategySchema,
  type StrategyTest,
} from '../../../engine/graph/schema.ts';
export { APPROVAL_PRESETS, approvalPreset } from '../../../engine/nodes/approval-check/presets/index.ts';
export type { FieldHints, FieldWidget, Label, OutputBranch } from '../../../engine/nodes/node-kind.ts';
export {
  type AnyNodeKind,
  EVENT_TYPES,
  eventDef,
  NODE_KINDS,
  type NodeKindName,
  nodeKind,
} from '../../../engine/nodes/registry.ts';
export {
  type FactType,
  OPERATORS,
  type OperatorSpec,
  operatorSpec,
  type ValueShape,
} from '../../../engine/operators/operator-catalogue.ts';
export {
  ADAPTER_PLATFORM_NAMES,
  ADAPTER_PLATFORMS,
  type AdapterPlatform,
  adaptOrder,
  detectPlatform,
} from '../../../engine/order/adapters/index.ts';
export { parseOrderJson } from '../../../engine/order/raw-json.ts';
export type { StandardOrder } from '../../../engine/order/schema.ts';
export { PLATFORMS } from '../../../engine/order/schema.ts';
export { pluginUsage } from '../../../engine/plugins/plugin-usage.ts';
export { createPipeline } from '../../../engine/runtime/pipeline/pipeline.ts';
export { InMemoryState } from '../../../engine/state/in-memory-state.ts';
export { type ExpectDiff, expectationOf } from '../../../engine/strategies/compare-expect.ts';
export { runStrategyTests, type StrategyTestOutcome } from '../../../engine/strategies/run-strategy-tests.ts';
