import type { StandardOrder } from '../../engine/order/schema.ts';
import { InMemoryState } from '../../engine/state/index.ts';
import { earlierBuyerOrders, seenBefore } from './order-history.ts';

/**
 * A decider's state in a replay: counters, stock and merge groups of its own, as `InMemoryState`;
 * seen order ids and buyer counts from the replay's `OrderHistory`, told before each order, so
 * nothing a decider keeps grows with the orders it decides. Pass 1 read every order the replay will
 * decide, so the answers are the ones recording them one by one gives; a buyer's count adds the
 * state snapshot's. It answers for the order being decided only, and says so when asked about any
 * other.
 */
export class ReplayState extends InMemoryState {
  private orderId = '';
  private buyerId = '';
  private seen = false;
  private earlier = 0;

  /** Before deciding `order`: its value in the order history. */
  nextOrder(order: StandardOrder, history: number): void {
    this.orderId = order.id;
    this.buyerId = order.buyer.id;
    this.seen = seenBefore(history);
    this.earlier = earlierBuyerOrders(history);
  }

  override seenOrder(orderId: string): boolean {
    this.expect(orderId, this.orderId, 'order');
    return this.seen;
  }

  override recordOrder(orderId: string): void {
    this.expect(orderId, this.orderId, 'order');
  }

  override buyerOrders(buyerId: string): number {
    this.expect(buyerId, this.buyerId, 'buyer');
    return super.buyerOrders(buyerId) + this.earlier;
  }

  override recordBuyerOrder(buyerId: string): void {
    this.expect(buyerId, this.buyerId, 'buyer');
  }

  private expect(asked: string, current: string, what: 'order' | 'buyer'): void {
    if (asked !== current) {
      throw new Error(
        `a replay knows the history of the order it decides only: asked about ${what} ${JSON.stringify(asked)} while deciding order ${JSON.stringify(this.orderId)}`,
      );
    }
  }
}
