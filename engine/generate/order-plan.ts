import { address, regionPrefix } from './addresses.ts';
import type { Buyer } from './buyers.ts';
import type { BasketLine, Catalogue } from './catalogue.ts';
import type { Invoice } from './invoice.ts';
import { balanceTime, createdBefore, depositTime, payTime } from './pay-time.ts';
import type { SourcePlatform } from './platform-mix.ts';
import type { Prng } from './prng.ts';
import { buyerMessage, sellerMemo } from './remarks.ts';

/**
 * One order before it takes a platform's shape: who, what, when, how paid, what went wrong.
 * Money is in fen so sums are exact; renderers write yuan strings or fen as each platform does.
 */
export interface OrderPlan {
  /** A number unique to the order in this run (up to 10^10 orders), which order ids are made from. */
  serial: number;
  buyer: Buyer;
  /** deposit: a presale whose balance is not paid yet. */
  payment: 'paid' | 'unpaid' | 'deposit' | 'cod';
  presale: boolean;
  /** JD locked it while the buyer asks to cancel. */
  locked: boolean;
  /** Every line refunded: the platform has closed the order. */
  closed: boolean;
  createdMs: number;
  paidMs: number | null;
  lines: PlanLine[];
  goodsFen: number;
  discountFen: number;
  freightFen: number;
  buyerMessage: string;
  sellerMemo: string;
  /** 0 none, else the platform's flag colour 1–5. */
  sellerFlag: number;
  /** An invoice asked for in the platform's own fields (one asked in the message is only text). */
  invoice: Invoice | null;
}

export interface PlanLine extends BasketLine {
  priceFen: number;
  refund: 'none' | 'pending' | 'refunded';
}

interface Rates {
  unpaid: number;
  presale: number;
  cod: number;
  refundPending: number;
  refunded: number;
  locked: number;
  /** How often an invoice goes in the platform's fields rather than the message. */
  invoiceInFields: number;
}

// Per platform, so the default mix gives about 3% unpaid, 5% presale, 2% COD and 2% refunds.
// JD lists orders once paid (or COD) and reports cancellation requests as LOCKED.
const RATES: Readonly<Record<SourcePlatform, Rates>> = {
  tmall: {
    unpaid: 0.04,
    presale: 0.08,
    cod: 0,
    refundPending: 0.015,
    refunded: 0.006,
    locked: 0,
    invoiceInFields: 0.6,
  },
  taobao: {
    unpaid: 0.05,
    presale: 0.03,
    cod: 0.02,
    refundPending: 0.015,
    refunded: 0.005,
    locked: 0,
    invoiceInFields: 0.5,
  },
  jd: {
    unpaid: 0,
    presale: 0,
    cod: 0.06,
    refundPending: 0,
    refunded: 0,
    locked: 0.012,
    invoiceInFields: 0.85,
  },
  douyin: {
    unpaid: 0.045,
    presale: 0.07,
    cod: 0.015,
    refundPending: 0.02,
    refunded: 0.008,
    locked: 0,
    invoiceInFields: 0,
  },
};
const BULKY_SHARE = 0.02;
const INVOICE_SHARE = 0.03;
const UNPAID_BALANCE_SHARE = 0.15;
const REMOTE_PROVINCES = new Set(['54', '63', '65']);

export function planOrder(prng: Prng, serial: number, buyer: Buyer, catalogue: Catalogue): OrderPlan {
  const rates = RATES[buyer.platform];
  const presale = prng.chance(rates.presale);
  const payment = presale ? (prng.chance(UNPAID_BALANCE_SHARE) ? 'deposit' : 'paid') : method(prng, rates);
  const times = presale ? presaleTimes(prng, payment) : orderTimes(prng, payment);
  const basket = catalogue.basket(prng, { presale, bulky: prng.chance(BULKY_SHARE) });
  const lines = withRefunds(prng, basket, payment === 'paid' ? rates : undefined);
  const goodsFen = lines.reduce((sum, l) => sum + l.priceFen * l.qty, 0);
  const discountFen = discount(prng, buyer.platform, goodsFen);
  const remote = REMOTE_PROVINCES.has(buyer.address.provinceCode);
  const wantsInvoice = prng.chance(INVOICE_SHARE);
  const invoiceInFields = wantsInvoice && prng.chance(rates.invoiceInFields);
  const context = {
    remote,
    presale,
    invoice: wantsInvoice && !invoiceInFields ? buyer.invoice : null,
    otherAddress: () => {
      const other = address(prng);
      return `${regionPrefix(other)}${other.town}${other.detail}`;
    },
  };
  const memo = sellerMemo(prng, context);
  return {
    serial,
    buyer,
    payment,
    presale,
    locked: payment === 'paid' && prng.chance(rates.locked),
    closed: lines.every((l) => l.refund === 'refunded'),
    ...times,
    lines,
    goodsFen,
    discountFen,
    freightFen: freight(goodsFen - discountFen, remote, lines),
    buyerMessage: buyerMessage(prng, context),
    sellerMemo: memo,
    sellerFlag: prng.chance(memo ? 0.5 : 0.03) ? prng.between(1, 5) : 0,
    invoice: invoiceInFields ? buyer.invoice : null,
  };
}

function method(prng: Prng, rates: Rates): OrderPlan['payment'] {
  const u = prng.next();
  return u < rates.cod ? 'cod' : u < rates.cod + rates.unpaid ? 'unpaid' : 'paid';
}

function orderTimes(prng: Prng, payment: OrderPlan['payment']) {
  const paid = payTime(prng);
  return { createdMs: createdBefore(prng, paid), paidMs: payment === 'paid' ? paid : null };
}

function presaleTimes(prng: Prng, payment: OrderPlan['payment']) {
  return { createdMs: depositTime(prng), paidMs: payment === 'paid' ? balanceTime(prng) : null };
}

/** A refund under way on one line, or one line refunded (the whole order when it has one line). */
function withRefunds(prng: Prng, basket: BasketLine[], rates: Rates | undefined): PlanLine[] {
  const lines: PlanLine[] = basket.map((l) => ({
    ...l,
    priceFen: Math.round(l.item.sku.price * 100),
    refund: 'none',
  }));
  if (!rates) return lines;
  const u = prng.next();
  const refund =
    u < rates.refundPending ? 'pending' : u < rates.refundPending + rates.refunded ? 'refunded' : 'none';
  if (refund !== 'none') prng.pick(lines).refund = refund;
  return lines;
}

/** Each platform's double-11 deal: Tmall 每满300减40, JD 满199减20 / 满399减50, Douyin shop coupons. */
function discount(prng: Prng, platform: SourcePlatform, goodsFen: number): number {
  switch (platform) {
    case 'tmall':
    case 'taobao':
      return Math.min(Math.floor(goodsFen / 30000) * 4000, Math.floor(goodsFen / 2));
    case 'jd':
      return goodsFen >= 39900 ? 5000 : goodsFen >= 19900 ? 2000 : 0;
    case 'douyin':
      return prng.chance(0.3) ? Math.min(prng.pick([500, 1000, 2000, 3000]), Math.floor(goodsFen * 0.3)) : 0;
  }
}

/** Free over 49 yuan and for big items; remote provinces pay a surcharge. */
function freight(netFen: number, remote: boolean, lines: PlanLine[]): number {
  const base = netFen >= 4900 || lines.some((l) => l.item.sku.bulky) ? 0 : 800;
  return base + (remote ? 1500 : 0);
}
