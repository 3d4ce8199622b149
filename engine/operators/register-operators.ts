import type { Engine } from 'json-rules-engine';
import { CUSTOM_OPERATORS } from './custom-operators.ts';

/**
 * Adds Ordergraph's operators to any json-rules-engine `Engine`, so an integrator's own engine
 * runs our rule JSON with the same meaning as ours.
 */
export function registerOperators(engine: Engine): Engine {
  for (const [name, predicate] of Object.entries(CUSTOM_OPERATORS)) {
    engine.addOperator(name, predicate);
  }
  return engine;
}
