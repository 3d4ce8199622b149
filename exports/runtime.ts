// `ordergraph/runtime`: both runtimes and the pipeline, and the facts our rule JSON reads.
export { type Decision, DecisionSchema, type Hold, type TraceEntry } from '../engine/decision/decision.ts';
export { type OrderFacts, orderFacts, type StageView } from '../engine/facts/index.ts';
export * from '../engine/runtime/index.ts';
export { InMemoryState, type StateSnapshot, type StrategyState } from '../engine/state/index.ts';
