export { createEvaluator } from './create-evaluator.ts';
export { ENGINE_NAMES, type EngineName, type RuleEvaluator, type RuleHit } from './evaluator.ts';
export { createPipeline, type Pipeline, type PipelineOptions } from './pipeline/pipeline.ts';
export { createReferenceEvaluator } from './reference/reference-evaluator.ts';
