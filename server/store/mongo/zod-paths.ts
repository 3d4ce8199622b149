import type { SchemaDefinitionProperty } from 'mongoose';
import type { z } from 'zod';

type ZodShape = Record<string, z.ZodType>;

interface Unwrapped {
  schema: z.ZodType;
  required: boolean;
}

/** Looks through optional / default / nullable to the type underneath. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let required = true;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType };
    if (!['optional', 'default', 'nullable', 'prefault'].includes(def.type) || !def.innerType) break;
    required = false;
    current = def.innerType;
  }
  return { schema: current, required };
}

/**
 * Mongoose paths for the named fields of a record's zod schema, so the MongoDB model's indexed key
 * fields are typed from the same schema the embedded store validates with. Only scalar fields are
 * asked for: the record itself is stored whole, as validated JSON (see `codec.ts`).
 */
export function pathsFrom<S extends ZodShape, K extends keyof S & string>(
  shape: S,
  keys: readonly K[],
): Record<K, SchemaDefinitionProperty> {
  const out = {} as Record<K, SchemaDefinitionProperty>;
  for (const key of keys) {
    const { schema, required } = unwrap(shape[key]!);
    const def = schema._zod.def as { type: string; entries?: Record<string, string> };
    switch (def.type) {
      case 'string':
        out[key] = { type: String, required };
        break;
      case 'enum':
        out[key] = { type: String, required, enum: Object.values(def.entries ?? {}) };
        break;
      case 'number':
      case 'int':
        out[key] = { type: Number, required };
        break;
      case 'boolean':
        out[key] = { type: Boolean, required };
        break;
      default:
        throw new Error(`pathsFrom: field "${key}" is a ${def.type}, not a scalar`);
    }
  }
  return out;
}
