export { type FactInfo, factCatalogue, lookupFact } from './fact-catalogue.ts';
export { FACT_LABELS } from './fact-labels.ts';
export { type FactRef, fromFactRef, readPath, toFactRef } from './fact-ref.ts';
export {
  factsBuilder,
  generatedFactsBuilder,
  type OrderFacts,
  orderFacts,
  type StageView,
} from './order-facts.ts';
export { defineFact, FACT_PROVIDERS, type FactContext, type FactProvider } from './providers/index.ts';
