import { z } from 'zod';
// Schemas from their own modules, not the packages' indexes: the store loads without the compiler.
import { ClientSchema } from '../../engine/client/schema.ts';
import { CompiledStrategySchema } from '../../engine/compiler/compiled-strategy.ts';
import { DecisionSchema } from '../../engine/decision/decision.ts';
import { StrategySchema } from '../../engine/graph/schema.ts';
import { ConsumptionSchema, StateSnapshotSchema } from '../../engine/state/state.ts';
import { IdSchema, OrderIdSchema } from './ids.ts';

/**
 * What the store keeps, as zod schemas: both stores validate every record they read and write
 * with these, so a document edited by hand in the workspace fails loudly, not deep in a request.
 */

const timestamp = z.iso.datetime({ offset: true });
const actor = z.string().min(1).max(200);

export const GraphIssueRecordSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string(),
  message: z.string(),
});

export const ClientRecordSchema = z.object({
  clientId: IdSchema,
  /** Bumped on every write; the optimistic-concurrency token (ETag). */
  revision: z.number().int().min(1),
  updatedAt: timestamp,
  updatedBy: actor,
  client: ClientSchema,
});

/** A strategy being edited: the working copy that versions are cut from. */
export const StrategyRecordSchema = z.object({
  clientId: IdSchema,
  strategyId: IdSchema,
  revision: z.number().int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: actor,
  strategy: StrategySchema,
});

/** An immutable snapshot of a strategy: the document, its rule JSON and source map, who cut it and when. */
export const VersionRecordSchema = z.object({
  clientId: IdSchema,
  strategyId: IdSchema,
  version: z.number().int().min(1),
  createdAt: timestamp,
  author: actor,
  note: z.string().max(2000).default(''),
  /** The draft revision the version was cut from. */
  draftRevision: z.number().int().min(1),
  strategy: StrategySchema,
  compiled: CompiledStrategySchema,
  /** Warnings the compiler reported; a version never has errors. */
  issues: z.array(GraphIssueRecordSchema).default([]),
});

export const ReleaseEntrySchema = z.object({ strategyId: IdSchema, version: z.number().int().min(1) });

/** One state of a client's live pipeline. Releases are numbered 1, 2, …; the live pointer names one. */
export const ReleaseSchema = z.object({
  clientId: IdSchema,
  release: z.number().int().min(1),
  action: z.enum(['publish', 'rollback']),
  /** For a rollback: the release whose strategies it restored. */
  restored: z.number().int().min(1).optional(),
  strategies: z.array(ReleaseEntrySchema),
  at: timestamp,
  by: actor,
  note: z.string().max(2000).default(''),
});

/** One decision as the audit log keeps it. Field order matters to the embedded log's fast scan. */
export const DecisionRecordSchema = z.object({
  clientId: IdSchema,
  orderId: OrderIdSchema,
  at: timestamp,
  release: z.number().int().min(1),
  platform: z.string(),
  by: actor,
  decision: DecisionSchema,
});

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
  createdAt: timestamp,
  createdBy: actor,
});

export type ClientRecord = z.infer<typeof ClientRecordSchema>;
export type StrategyRecord = z.infer<typeof StrategyRecordSchema>;
export type VersionRecord = z.infer<typeof VersionRecordSchema>;
export type ReleaseEntry = z.infer<typeof ReleaseEntrySchema>;
export type Release = z.infer<typeof ReleaseSchema>;
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;
export type ConsumptionEntry = z.infer<typeof ConsumptionEntrySchema>;
export type PersistedState = z.infer<typeof PersistedStateSchema>;
export type Role = (typeof ROLES)[number];
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;
