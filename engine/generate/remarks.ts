import type { Invoice } from './invoice.ts';
import type { Prng } from './prng.ts';
import { Weighted } from './weighted.ts';

/**
 * Buyer messages and seller memos as they arrive: carrier requests, bracket codes, delivery notes,
 * urgency, invoices, "don't ship yet", gift asks, address changes, and plenty of noise and emoji.
 */

const CARRIER =
  '发顺丰|麻烦发顺丰，谢谢|请发顺丰🙏|能发顺丰吗 补运费也行|走京东|发京东快递|只要京东物流|发圆通|不要发韵达|不要中通'.split(
    '|',
  );
const REMOTE_CARRIER = ['发EMS', '只收邮政EMS', '这边只有邮政能到', '发邮政！其他快递到不了', 'EMS EMS EMS'];
const DELIVERY =
  '不要放驿站|放门卫|放快递柜|周末送|送货前电联|工作日白天不在家，放门口|不要放丰巢|到了打电话|请送货上门'.split(
    '|',
  );
const URGENT = ['加急', '急用！！', '生日礼物 请尽快发货', '今天能发吗？急', '加急加急🙏'];
const HOLD_OFF = ['先别发', '先别发货，等通知', '等我通知再发', '过两天再发，人不在家'];
const GIFT = ['赠品要面膜', '记得送小样哦', '送的化妆包要粉色', '有小样吗？', '赠品换成化妆棉'];
const NOISE =
  '谢谢~|😊|好评|正品吗？|包装好一点，送人的|🎉🎉🎉|亲，快点发货哦|……|双十一快乐|爱你们❤️|能不能多送点小样😂|老客户了|。。。'.split(
    '|',
  );
const SEPARATORS = [' ', '，', '！', '~', '  ', '。', ','];

const CODES = ['{W:SF}', '{W:EMS}', '{W:JD}', '{W:YTO}', '{OK}', '{OK}', '【顺丰】', '[急]'];
const CARRIER_NOTES = ['已备注顺丰 ✅', '客户要求发顺丰', '改发EMS', '发京东 客户补了运费'];
const SERVICE =
  '已核实地址|客服小美：已联系买家|补发赠品|老客户 VIP|客户要求周末送|已改地址|赠品已加|VIP客户 加急|客户说先别发|换货 原单见聊天记录'.split(
    '|',
  );
const PRESALE = ['双11预售 尾款已付', '预售 7天内发', '定金已付'];

export interface RemarkContext {
  remote: boolean;
  presale: boolean;
  /** Set when the buyer writes the invoice into the message instead of the platform's invoice fields. */
  invoice: Invoice | null;
  /** Another address, for a buyer who changes theirs in the message. */
  otherAddress: () => string;
}

type Fragment = (prng: Prng, context: RemarkContext) => string;

const BUYER = new Weighted<Fragment>([
  [(p, c) => p.pick(c.remote && p.chance(0.7) ? REMOTE_CARRIER : CARRIER), 30],
  [(p) => p.pick(DELIVERY), 25],
  [(p) => p.pick(URGENT), 12],
  [(p) => p.pick(HOLD_OFF), 3],
  [(p) => p.pick(GIFT), 10],
  [(p, c) => (p.chance(0.6) ? `地址改成：${c.otherAddress()}` : '收货地址要改，请联系我'), 3],
  [(p) => p.pick(NOISE), 25],
]);

const SELLER = new Weighted<Fragment>([
  [(p) => p.pick(CODES), 30],
  [(p) => p.pick(CARRIER_NOTES), 12],
  [(p) => p.pick(SERVICE), 30],
]);

export function buyerMessage(prng: Prng, context: RemarkContext): string {
  const parts = prng.chance(0.24) ? fragments(prng, BUYER, context) : [];
  if (context.invoice) parts.push(invoiceText(prng, context.invoice));
  return join(prng, parts);
}

export function sellerMemo(prng: Prng, context: RemarkContext): string {
  const parts = prng.chance(0.1) ? fragments(prng, SELLER, context) : [];
  if (context.presale && prng.chance(0.4)) parts.unshift(prng.pick(PRESALE));
  return join(prng, parts);
}

function fragments(prng: Prng, table: Weighted<Fragment>, context: RemarkContext): string[] {
  const count = prng.chance(0.72) ? 1 : prng.chance(0.85) ? 2 : 3;
  return Array.from({ length: count }, () => table.pick(prng)(prng, context));
}

function invoiceText(prng: Prng, invoice: Invoice): string {
  if (!invoice.taxId) return prng.pick(['要发票 个人', '开个人发票']);
  return prng.chance(0.5)
    ? `开发票 抬头：${invoice.title} 税号：${invoice.taxId}`
    : `需要专票，${invoice.title}，${invoice.taxId}`;
}

function join(prng: Prng, parts: string[]): string {
  return parts.reduce((text, part, i) => (i === 0 ? part : `${text}${prng.pick(SEPARATORS)}${part}`), '');
}
