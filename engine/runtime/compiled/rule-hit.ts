import type { RuleEvent } from '../../rules/schema.ts';
import type { RuleHit } from '../evaluator.ts';

/**
 * The reference hands out `structuredClone(clone(event))`: json-rules-engine's `clone` assigns a
 * `__proto__` key as a prototype, which structuredClone then drops. Copy the same way.
 */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(copyValue));
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return Object.freeze(structuredClone(value));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key !== '__proto__') copy[key] = copyValue((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(copy);
}

/** Rule.setEvent keeps `type`, and `params` only when truthy. */
export function ruleEvent(event: { type: unknown; params?: unknown }): RuleEvent {
  const copy: Record<string, unknown> = { type: event.type };
  if (event.params) copy.params = copyValue(event.params);
  return Object.freeze(copy) as unknown as RuleEvent;
}

/**
 * One frozen hit per rule, handed out on every match: nothing is allocated per order, and a
 * caller that tried to change it would fail loudly instead of corrupting the next decision.
 */
export function ruleHit(name: unknown, priority: number, event: RuleEvent): RuleHit {
  return Object.freeze({ name: name as string | undefined, priority, event });
}
