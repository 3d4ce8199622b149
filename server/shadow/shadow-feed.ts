import type { ShadowItem } from './messages.ts';

/** One live decision made by another process (an evaluator), for the control server's shadow. */
export interface FedDecision {
  release: number;
  item: ShadowItem;
}

/**
 * Live decisions made in other processes, for the shadow of a client: with evaluators beside the
 * control server, most live orders are decided there, not where the shadow runs.
 */
export interface ShadowFeed {
  /** From now on, calls `take` with each decision other processes make for the client; resolves to a stop. */
  follow(clientId: string, take: (fed: FedDecision) => void): Promise<() => Promise<void>>;
}
