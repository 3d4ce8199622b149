import { type ErrorLocation, OrdergraphError } from './ordergraph-error.ts';

/** Input that is not what it claims to be: not JSON, not an order, not a graph. The user can fix it. */
export class InputError extends OrdergraphError {
  readonly code: string;

  constructor(code: string, message: string, location: ErrorLocation = {}) {
    super(message, location);
    this.code = code;
  }
}
