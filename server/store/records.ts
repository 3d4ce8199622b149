import { z } from 'zod';
import { ActorSchema, IdSchema, OrderIdSchema, TimestampSchema } from '../../api/index.ts';
// Schemas from their own modules, not the packages' indexes: the store loads without the compiler.
import { ConsumptionSchema, StateSnapshotSchema } from '../../engine/state/state.ts';

/**
 * What the store keeps, as zod schemas: both stores validate every record they read and write
 * with these, so a document edited by hand in the workspace fails loudly, not deep in a request.
 * The records the API serves are its documents, defined once in api/; the rest never leave the server.
 */
export {
  type ClientRecord,
  ClientRecordSchema,
  type DecisionRecord,
  DecisionRecordSchema,
  type PluginDraft,
  PluginDraftSchema,
  type PluginVersionRecord,
  PluginVersionRecordSchema,
  type PluginVersionSummary,
  type Release,
  type ReleaseEntry,
  ReleaseSchema,
  type StrategyRecord,
  StrategyRecordSchema,
  type VersionRecord,
  VersionRecordSchema,
} from '../../api/index.ts';

/** What one decision took from a client's counters, stock and buyer history. */
export const ConsumptionEntrySchema = z.object({
  orderId: OrderIdSchema,
  buyerId: z.string(),
  consumed: z.array(ConsumptionSchema),
});

/** A client's state as persisted: the engine's snapshot plus the order ids already seen. */
export const PersistedStateSchema = z.object({
  snapshot: StateSnapshotSchema,
  seenOrders: z.array(z.string()).default([]),
});

export const ROLES = ['admin', 'consultant', 'developer', 'viewer', 'service'] as const;
export const ALL_CLIENTS = '*';

export const ApiKeyRecordSchema = z.object({
  keyId: IdSchema,
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  /** Client ids the key may act on, or ["*"] for all. */
  clients: z.array(z.union([IdSchema, z.literal(ALL_CLIENTS)])).min(1),
  /** sha-256 of the whole key, hex. The key itself is shown once and never stored. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
});

export type ConsumptionEntry = z.infer<typeof ConsumptionEntrySchema>;
export type PersistedState = z.infer<typeof PersistedStateSchema>;
export type Role = (typeof ROLES)[number];
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;
