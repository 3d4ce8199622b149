// Part of the contract because both sides of the plugin boundary need it: the engine copying the fields
// a manifest reads out of an order, the sandbox reading a plugin's results back.
export const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A reviver costs about five times the parse itself, so it runs only when one of the keys could be in the
// text at all: written out literally, or hidden behind a \u escape.
const SUSPECT = /__proto__|constructor|prototype|\\u/;

/**
 * JSON.parse already makes `__proto__` an own property rather than a prototype; dropping these keys as
 * well means the value can never pollute a prototype if some later code merges it into an object.
 */
export function parseJsonSafely(text: string): unknown {
  if (!SUSPECT.test(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value) => (DROPPED_KEYS.has(key) ? undefined : value));
}
