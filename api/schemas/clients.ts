import { z } from 'zod';
import { ClientSchema } from '../../engine/client/schema.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './fields.ts';

/** A client's master data as the store keeps it and the API serves it. */
export const ClientRecordSchema = z.object({
  clientId: IdSchema,
  /** Bumped on every write; the optimistic-concurrency token (ETag). */
  revision: z.number().int().min(1),
  updatedAt: TimestampSchema,
  updatedBy: ActorSchema,
  client: ClientSchema,
});

export const ClientDoc = ClientSchema.meta({ id: 'Client', description: "A client's master data" });
export const ClientRecordDoc = ClientRecordSchema.meta({ id: 'ClientRecord' });
export const ClientList = z.object({ clients: z.array(ClientRecordDoc) });

export type ClientRecord = z.infer<typeof ClientRecordSchema>;
