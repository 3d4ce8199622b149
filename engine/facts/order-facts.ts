import type { StandardOrder } from '../order/schema.ts';

/** What earlier stages of the pipeline decided, readable by later stages' rules. */
export interface StageView {
  status: string;
  warehouse: string | null;
  carrier: string | null;
  tags: string[];
  holds: string[];
  gifts: string[];
}

/**
 * The facts a strategy reads: the standard order's fields at top level, plus values computed
 * once per order so rules can test them without JSONPath over arrays (`skus containsAny …`).
 */
export interface OrderFacts extends StandardOrder {
  skus: string[];
  categories: string[];
  remarks: string;
  issueCodes: string[];
  extracted: Record<string, unknown>;
  decision: StageView;
}

export function orderFacts(
  order: StandardOrder,
  extracted: Record<string, unknown>,
  decision: StageView,
): OrderFacts {
  const skus: string[] = [];
  const categories: string[] = [];
  for (const line of order.lines) {
    if (!skus.includes(line.sku)) skus.push(line.sku);
    if (line.category && !categories.includes(line.category)) categories.push(line.category);
  }
  return {
    ...order,
    skus,
    categories,
    remarks: [order.buyerMessage, order.sellerMemo].filter(Boolean).join('\n'),
    issueCodes: order.issues.map((issue) => issue.code),
    extracted,
    decision,
  };
}
