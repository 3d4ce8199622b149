import { z } from 'zod';
import type { FactType } from '../operators/index.ts';
import { StandardOrderSchema } from './schema.ts';

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

let paths: Map<string, FactType> | undefined;

/**
 * Every dotted path into the standard order, with its type; through a list the path goes on into
 * each item (`lines.sku`), as `projectFields` reads it. What a manifest's `reads` and an operator
 * plugin's fact may name: plugins are called before any stage, so only the order itself is there.
 */
export function orderPaths(): ReadonlyMap<string, FactType> {
  if (paths === undefined) {
    paths = new Map();
    walk(z.toJSONSchema(StandardOrderSchema, { io: 'output' }) as JsonSchemaNode, '', paths);
  }
  return paths;
}

function walk(node: JsonSchemaNode, prefix: string, out: Map<string, FactType>): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const branch = child.anyOf?.find((n) => n.type !== 'null') ?? child;
    const type = factType(branch.type);
    if (type === undefined) continue;
    out.set(path, type);
    if (type === 'object') walk(branch, path, out);
    if (type === 'array' && branch.items) walk(branch.items, path, out);
  }
}

function factType(type: JsonSchemaNode['type']): FactType | undefined {
  const name = [type].flat().find((t) => t !== 'null');
  if (name === 'integer' || name === 'number') return 'number';
  if (name === 'string' || name === 'boolean' || name === 'array' || name === 'object') return name;
  return undefined;
}
