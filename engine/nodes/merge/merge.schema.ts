import { z } from 'zod';

/** A week: a group kept open longer is a backlog, not a merge. */
export const MAX_WINDOW_HOURS = 168;

/**
 * The merge node's content, which is also its event's params. Shop, buyer id and the receiver's name,
 * phone and address (province, city, district and street) always have to match; a COD order never
 * merges (the courier collects one sum per parcel). Strict: a misspelt or unknown setting (an
 * `allowCod`, say) is an issue naming the field, not a setting silently ignored.
 */
export const MergeParamsSchema = z
  .object({
    /** Orders paid within this many hours of a group's first order join it. */
    windowHours: z
      .number({ error: 'windowHours: say how many hours after its first order a group takes orders' })
      .positive('windowHours: a group must stay open for more than 0 hours')
      .max(MAX_WINDOW_HOURS, `windowHours: at most ${MAX_WINDOW_HOURS} hours (a week)`)
      .default(24),
    /** Match keys besides the ones always matched. */
    match: z
      .object({
        /** Only orders routed to the same warehouse (or the same set of parcel warehouses) merge. */
        warehouse: z.boolean().default(false),
        /** Only orders given the same carrier merge. */
        carrier: z.boolean().default(false),
        /**
         * An order with an open addressee id (`receiver.oaid`) merges only with orders of the same
         * id, whatever its buyer (Pinduoduo names none) and masked name, phone and address. A platform gives one addressee's orders
         * equal ids only within a span (a day on Pinduoduo; on Taobao they can differ per trade, and
         * `taobao.top.oaid.merge` says which merge): on raw orders this merges fewer, never wrongly.
         * Left out (absent, not false) when off, so strategies saved without it compile as before.
         */
        addressee: z.boolean().optional(),
      })
      .strict()
      .prefault({}),
    /** Presale orders merge, with other presale orders only; by default each ships on its own. */
    allowPresale: z.boolean().default(false),
  })
  .strict();

export type MergeParams = z.infer<typeof MergeParamsSchema>;
