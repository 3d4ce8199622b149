/** Where an error happened, so a person can find it: a node, an edge, a field, an order, a line of input. */
export interface ErrorLocation {
  nodeId?: string;
  edgeId?: string;
  field?: string;
  orderId?: string;
  line?: number;
}

/** Base of every error Ordergraph throws on purpose; anything else is a bug. */
export abstract class OrdergraphError extends Error {
  abstract readonly code: string;
  readonly location: ErrorLocation;

  constructor(message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = new.target.name;
    this.location = location;
  }

  toJSON(): { code: string; message: string } & ErrorLocation {
    return { code: this.code, message: this.message, ...this.location };
  }
}
