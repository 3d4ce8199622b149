import type { Client } from '../client/index.ts';
import type { Decision } from '../decision/decision.ts';
import type { StandardOrder } from '../order/schema.ts';
import { type ShipLine, shippingLines } from './shipped-lines.ts';
import { linesWeightKg } from './stock-fit.ts';

/** Lines that ship together, and their weight, worked out on first use and then kept. */
export class Shipment {
  private weight: number | undefined;

  constructor(
    readonly lines: readonly ShipLine[],
    private readonly order: StandardOrder,
    private readonly client: Client | undefined,
  ) {}

  /** `linesWeightKg` of the lines. */
  get weightKg(): number {
    this.weight ??= linesWeightKg(this.lines, this.order, this.client);
    return this.weight;
  }
}

type ShippingDecision = Pick<Decision, 'substitutions' | 'gifts'>;

let last: Shipment | undefined;
let lastOrder: StandardOrder | undefined;
let lastClient: Client | undefined;
let lastSubstitutions: ShippingDecision['substitutions'] | undefined;
let lastSubstitutionCount = 0;
let lastGifts: ShippingDecision['gifts'] | undefined;
let lastGiftCount = 0;

/**
 * The whole order's shipment (`shippingLines`) as the decision stands. Routing and the carrier
 * chain both ask for it, one after the other, on every order: the last one is kept while nothing
 * it is made of has changed (the order, the client, the decision's substitution and gift lists,
 * which only ever grow), so the carrier reads the lines and weight routing worked out (making and
 * weighing them again was 0.19 µs of the carrier stage's 0.94 an order). Its lines are shared:
 * read them, never change them.
 */
export function orderShipment(order: StandardOrder, decision: ShippingDecision, client?: Client): Shipment {
  const { substitutions, gifts } = decision;
  if (
    last === undefined ||
    order !== lastOrder ||
    client !== lastClient ||
    substitutions !== lastSubstitutions ||
    substitutions.length !== lastSubstitutionCount ||
    gifts !== lastGifts ||
    gifts.length !== lastGiftCount
  ) {
    last = new Shipment(shippingLines(order, decision, client), order, client);
    lastOrder = order;
    lastClient = client;
    lastSubstitutions = substitutions;
    lastSubstitutionCount = substitutions.length;
    lastGifts = gifts;
    lastGiftCount = gifts.length;
  }
  return last;
}
