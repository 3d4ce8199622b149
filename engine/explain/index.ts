export type { ConditionFailure } from './condition-failure.ts';
export { firstFailure } from './condition-failure.ts';
export { describeWhyNot } from './describe-why-not.ts';
export {
  type Explainable,
  type ExplainContext,
  type Explanation,
  explainDecision,
} from './explain-decision.ts';
export { type Branch, nodeName, type StrategyGraph, strategyGraph } from './strategy-graph.ts';
export { type WhyNot, type WhyNotInput, whyNot } from './why-not.ts';
export { failureWords, type Language } from './words.ts';
