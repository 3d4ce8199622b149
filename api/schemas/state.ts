import { StateSnapshotSchema } from '../../engine/state/state.ts';

/** Counters, stock and buyer history: what decisions read and consume, as the state routes carry it. */
export const StateSnapshotDoc = StateSnapshotSchema.meta({ id: 'StateSnapshot' });
