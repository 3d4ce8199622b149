export { InMemoryState } from './in-memory-state.ts';
export {
  type Consumption,
  ConsumptionSchema,
  type StateSnapshot,
  StateSnapshotSchema,
  type StrategyState,
} from './state.ts';
