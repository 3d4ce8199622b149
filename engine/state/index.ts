export { emptyIdRecord, type IdRecord, idRecord, idRecordFrom, ownValue } from './id-record.ts';
export { InMemoryState } from './in-memory-state.ts';
export { type MergeGroup, MergeGroups } from './merge-groups.ts';
export {
  type Consumption,
  ConsumptionSchema,
  type MergeGroupSnapshot,
  MergeGroupSnapshotSchema,
  type StateSnapshot,
  StateSnapshotSchema,
  type StrategyState,
} from './state.ts';
