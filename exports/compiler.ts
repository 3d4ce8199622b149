// `ordergraph/compiler`: strategy graph → json-rules-engine rule JSON with a source map, and every issue.
export { type Client, ClientSchema, parseClient } from '../engine/client/index.ts';
export * from '../engine/compiler/index.ts';
export { type GraphIssue, hasErrors, type IssueCode } from '../engine/graph/issue.ts';
export {
  FAMILIES,
  type Family,
  type Strategy,
  type StrategyInput,
  StrategySchema,
} from '../engine/graph/schema.ts';
export {
  type NestedCondition,
  type Rule,
  type RuleEvent,
  type RuleSet,
  RuleSetSchema,
} from '../engine/rules/schema.ts';
