import { z } from 'zod';

/** The standard order every strategy reads. Adapters turn raw platform orders into it. */

export const PLATFORMS = [
  'tmall',
  'taobao',
  'jd',
  'douyin',
  'pdd',
  'kuaishou',
  'xiaohongshu',
  'channels',
  'other',
] as const;
export const ORDER_TYPES = ['normal', 'presale', 'cod', 'exchange', 'resend'] as const;
export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'closed', 'cancelled'] as const;
export const PAY_STATUSES = ['unpaid', 'partPaid', 'paid'] as const;
export const REFUND_STATUSES = ['none', 'pending', 'partRefunded', 'refunded'] as const;
export const SELLER_FLAGS = ['none', 'red', 'yellow', 'green', 'blue', 'purple', 'other'] as const;

const money = z.number().finite();

export const OrderLineSchema = z.object({
  sku: z.string().min(1),
  name: z.string().default(''),
  qty: z.number().int().positive(),
  price: money,
  weightKg: z.number().nonnegative().default(0),
  volumeL: z.number().nonnegative().default(0),
  category: z.string().default(''),
  isGift: z.boolean().default(false),
  isPresale: z.boolean().default(false),
  refundStatus: z.enum(REFUND_STATUSES).default('none'),
});

export const ReceiverSchema = z.object({
  name: z.string().default(''),
  phone: z.string().default(''),
  province: z.string().default(''),
  city: z.string().default(''),
  district: z.string().default(''),
  address: z.string().default(''),
  provinceCode: z.string().default(''),
  cityCode: z.string().default(''),
  districtCode: z.string().default(''),
  /**
   * The platform's open addressee id (TOP's `oaid`, Douyin's `open_address_id`) when it masks the
   * receiver: orders with the same id go to one addressee, which the masked texts cannot tell. One
   * addressee may have several (Taobao's can differ per trade; `taobao.top.oaid.merge` groups them).
   */
  oaid: z.string().optional(),
});

/** A problem an adapter found in the raw order; approval strategies can hold on it. */
export const OrderIssueSchema = z.object({
  code: z.string(),
  field: z.string(),
  message: z.string(),
});

export const StandardOrderSchema = z.object({
  id: z.string().min(1),
  platform: z.enum(PLATFORMS),
  shop: z.string().default(''),
  type: z.enum(ORDER_TYPES).default('normal'),
  status: z.enum(ORDER_STATUSES).default('paid'),
  payStatus: z.enum(PAY_STATUSES).default('paid'),
  refundStatus: z.enum(REFUND_STATUSES).default('none'),
  createdAt: z.iso.datetime({ offset: true }),
  paidAt: z.iso.datetime({ offset: true }).nullable().default(null),
  amounts: z.object({
    total: money,
    paid: money.default(0),
    freight: money.default(0),
    discount: money.default(0),
    /** Refunded to the buyer so far; with no refund status given, normalising derives one from it. */
    refund: money.nonnegative().default(0),
  }),
  buyer: z
    .object({
      id: z.string().default(''),
      nick: z.string().default(''),
      memberLevel: z.number().int().nonnegative().default(0),
    })
    .default({ id: '', nick: '', memberLevel: 0 }),
  receiver: ReceiverSchema,
  buyerMessage: z.string().default(''),
  sellerMemo: z.string().default(''),
  sellerFlag: z.enum(SELLER_FLAGS).default('none'),
  invoiceRequested: z.boolean().default(false),
  labels: z.array(z.string()).default([]),
  /**
   * Empty when the source has no line detail (an order-level export): stages that need lines hold
   * such an order `no_lines` rather than decide on lines it does not have.
   */
  lines: z.array(OrderLineSchema),
  /** Filled by `normaliseOrder` from the lines; an input value is recomputed. */
  totals: z
    .object({
      qty: z.number().int().nonnegative(),
      lines: z.number().int().nonnegative(),
      weightKg: z.number().nonnegative(),
    })
    .default({ qty: 0, lines: 0, weightKg: 0 }),
  issues: z.array(OrderIssueSchema).default([]),
});

export type StandardOrder = z.infer<typeof StandardOrderSchema>;
export type StandardOrderInput = z.input<typeof StandardOrderSchema>;
export type OrderLine = z.infer<typeof OrderLineSchema>;
export type Receiver = z.infer<typeof ReceiverSchema>;
export type OrderIssue = z.infer<typeof OrderIssueSchema>;
export type Platform = (typeof PLATFORMS)[number];
