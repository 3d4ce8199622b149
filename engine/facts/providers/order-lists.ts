import type { OrderIssue, OrderLine } from '../../order/schema.ts';
import { distinct } from './distinct.ts';
import { defineFact } from './fact-provider.ts';

const skuOf = (line: OrderLine) => line.sku;
const categoryOf = (line: OrderLine) => line.category;
const codeOf = (issue: OrderIssue) => issue.code;

export const skusFact = defineFact({
  path: 'skus',
  type: 'array',
  label: { en: 'SKUs in the order', zh: '订单商品编码' },
  compute: ({ order }) => distinct(order.lines, skuOf),
});

export const categoriesFact = defineFact({
  path: 'categories',
  type: 'array',
  label: { en: 'Categories in the order', zh: '订单商品类目' },
  compute: ({ order }) => distinct(order.lines, categoryOf, true),
});

export const remarksFact = defineFact({
  path: 'remarks',
  type: 'string',
  label: { en: 'Buyer message and seller memo', zh: '买家留言与卖家备注' },
  compute: ({ order }) => [order.buyerMessage, order.sellerMemo].filter(Boolean).join('\n'),
});

export const issueCodesFact = defineFact({
  path: 'issueCodes',
  type: 'array',
  label: { en: 'Problems found in the order data', zh: '订单数据问题' },
  compute: ({ order }) => (order.issues.length === 0 ? [] : order.issues.map(codeOf)),
});
