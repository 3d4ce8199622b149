import type { Client } from '../../engine/client/index.ts';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import type { StateSnapshot } from '../../engine/state/index.ts';
import type { DecisionOutline } from '../../simulate/decide/decision-outline.ts';
import type { PipelineFactorySpec } from '../../simulate/threads/messages.ts';
import type { DivergenceReport } from './divergence-tally.ts';

/** What a shadow starts with: the candidate as compiled, and its own copy of the live state. */
export interface ShadowStart {
  clientId: string;
  strategies: CompiledStrategy[];
  client: Client | undefined;
  engine: EngineName;
  snapshot: StateSnapshot;
  sampleLimit: number;
  /**
   * When the candidate calls plugins: the composition root's plugin pipeline (its own sandbox process,
   * isolated-vm isolates in it), built in the shadow's process. Without it the shadow runs `createPipeline`.
   */
  pipeline?: PipelineFactorySpec;
  /** Most of one core the shadow may keep busy, 0–1: past it, it pauses and the queue behind it fills. */
  cpuShare: number;
}

/** One live decision, for the candidate to decide again and compare. */
export interface ShadowItem {
  order: StandardOrder;
  /** When live decided it (epoch ms): the candidate decides as of the same time. */
  at: number;
  live: DecisionOutline;
}

/**
 * `start` comes first and once. `orders` carries a JSON array of `ShadowItem`s, each item serialised
 * as it was offered: a string crosses as one copy, cheaper than a structured clone of the objects
 * (measured: server/shadow/handoff-bench.ts), and each order's share of the cost falls in its own
 * request rather than all of a hand-off's in whichever request the hand-off runs beside.
 */
export type ShadowRequest =
  | { type: 'start'; start: ShadowStart }
  | { type: 'orders'; json: string }
  /** Live's state was replaced (`PUT …/state`) after the orders sent before: the shadow's copy is too. */
  | { type: 'state'; snapshot: StateSnapshot }
  | { type: 'report'; id: number };

export type ShadowReply =
  | { type: 'ready' }
  /** A batch of `count` orders is done: the sender's count of orders in flight goes down by it. */
  | { type: 'decided'; count: number }
  | { type: 'report'; id: number; report: DivergenceReport }
  | { type: 'failed'; message: string };
