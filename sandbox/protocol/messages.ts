import { z } from 'zod';
import { FailureSchema } from '../failure.ts';

/** Deterministic mode for one input: Math.random seeded, Date frozen at nowMs. */
const ClockSchema = z.object({
  seed: z.number().int().min(0).max(0xffff_ffff),
  nowMs: z.number().int(),
});
export type Clock = z.infer<typeof ClockSchema>;

const id = z.number().int().nonnegative();
const key = z.string().min(1);

const LoadRequestSchema = z.object({ type: z.literal('load'), id, key, code: z.string() });
const CallRequestSchema = z.object({
  type: z.literal('call'),
  id,
  key,
  /** Sent only while this worker process has not seen the plugin yet (first call, or after a restart). */
  code: z.string().optional(),
  /**
   * The inputs as one JSON array. A string crosses IPC and the isolate boundary almost for free and is
   * parsed once, inside the isolate; structured clone would rebuild every object twice on the way.
   */
  inputs: z.string(),
  count: z.number().int().min(1),
  /** null: real time and randomness. One clock for every input, or one per input. */
  clocks: z.array(ClockSchema).min(1).nullable(),
});
const UnloadRequestSchema = z.object({ type: z.literal('unload'), id, key });
/** Not a request: no reply, and ordered before every request sent after it on the same channel. */
export const PublishTableSchema = z.object({
  type: z.literal('table'),
  name: z.string().min(1).max(200),
  entries: z.record(z.string(), z.unknown()),
});

export const HostMessageSchema = z.discriminatedUnion('type', [
  LoadRequestSchema,
  CallRequestSchema,
  UnloadRequestSchema,
  PublishTableSchema,
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
export type HostRequest = Exclude<HostMessage, { type: 'table' }>;
export type PublishTable = z.infer<typeof PublishTableSchema>;
export type CallRequest = z.infer<typeof CallRequestSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('loaded'), id, error: FailureSchema.nullable() }),
  /** The batch ran: `envelope` is the JSON array the isolate built, one entry per input. */
  z.object({ type: z.literal('result'), id, envelope: z.string() }),
  /** The batch as a whole failed (timeout, memory, compile): every input gets this failure. */
  z.object({ type: z.literal('failed'), id, error: FailureSchema }),
  z.object({ type: z.literal('unloaded'), id }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;
export type WorkerReply = Exclude<WorkerMessage, { type: 'ready' }>;
