/**
 * The API's records, as the server's store defines them (type-only: nothing of the server is
 * bundled). The OpenAPI document at /api/v1/openapi.json describes the same shapes.
 */
import type { GraphIssue } from '../../core/engine.ts';

export type {
  ClientRecord,
  Release,
  ReleaseEntry,
  StrategyRecord,
  VersionRecord,
} from '../../../../server/store/records.ts';

import type { StrategyRecord, VersionRecord } from '../../../../server/store/records.ts';

/** A draft as the editor reads it: the record plus what the compiler says about it now. */
export type StrategyView = StrategyRecord & { issues: GraphIssue[] };

export type VersionSummary = Omit<VersionRecord, 'strategy' | 'compiled'>;

export interface StrategySummary {
  strategyId: string;
  family: string;
  name: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}
