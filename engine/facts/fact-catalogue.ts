import { z } from 'zod';
import type { FactType } from '../operators/index.ts';
import { StandardOrderSchema } from '../order/schema.ts';
import { FACT_PROVIDERS } from './providers/index.ts';

/** A fact path a rule may read, with its type; the compiler rejects any other path. */
export interface FactInfo {
  path: string;
  type: FactType;
  /** Allowed values, where the order schema fixes them (platform, status …): the editor offers a select. */
  values?: readonly string[];
  /** Facts under an open prefix such as `extracted.` are written by earlier stages; their type is not known. */
  open?: boolean;
}

interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  anyOf?: JsonSchemaNode[];
}

function factType(node: JsonSchemaNode): FactType | undefined {
  const types = node.anyOf
    ? node.anyOf.map((n) => n.type).filter((t) => t !== 'null')
    : [node.type].flat().filter((t) => t !== 'null');
  const type = types[0];
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'string' || type === 'boolean' || type === 'array' || type === 'object') return type;
  return undefined;
}

function walk(node: JsonSchemaNode, prefix: string, out: FactInfo[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const type = factType(child);
    if (!type) continue;
    const values = child.enum?.filter((v): v is string => typeof v === 'string');
    out.push(values?.length ? { path, type, values } : { path, type });
    if (type === 'object') walk(child, path, out);
  }
}

const STAGE_FACTS: FactInfo[] = [
  { path: 'decision', type: 'object' },
  { path: 'decision.status', type: 'string', values: ['approved', 'held', 'flagged'] },
  { path: 'decision.warehouse', type: 'string' },
  { path: 'decision.carrier', type: 'string' },
  { path: 'decision.tags', type: 'array' },
  { path: 'decision.holds', type: 'array' },
  { path: 'decision.gifts', type: 'array' },
  { path: 'decision.merged', type: 'boolean' },
  { path: 'extracted', type: 'object', open: true },
  // Fact plugins' results, `plugins.<id>.<field>`: checked against their manifests where those are known.
  { path: 'plugins', type: 'object', open: true },
];

const computedFacts = (): FactInfo[] =>
  FACT_PROVIDERS.map(({ path, type, values }) => (values ? { path, type, values } : { path, type }));

let catalogue: Map<string, FactInfo> | undefined;

export function factCatalogue(): Map<string, FactInfo> {
  if (!catalogue) {
    const facts: FactInfo[] = [];
    walk(z.toJSONSchema(StandardOrderSchema, { io: 'output' }) as JsonSchemaNode, '', facts);
    catalogue = new Map([...facts, ...computedFacts(), ...STAGE_FACTS].map((info) => [info.path, info]));
  }
  return catalogue;
}

/** The fact at a path, or undefined when no order has it. `extracted.anything` is open. */
export function lookupFact(path: string): FactInfo | undefined {
  const known = factCatalogue().get(path);
  if (known) return known;
  const dot = path.indexOf('.');
  if (dot > 0 && factCatalogue().get(path.slice(0, dot))?.open && path.length > dot + 1) {
    return { path, type: 'string', open: true };
  }
  return undefined;
}
