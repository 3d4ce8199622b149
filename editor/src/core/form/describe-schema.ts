import type { z } from 'zod';
import type { FieldModel, ObjectField } from './field-model.ts';

/** zod 4 keeps a schema's definition on `def`; only the parts a form needs are read. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  defaultValue?: unknown;
  getter?: () => Schema;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

type Schema = { def: Def };

const base = { optional: false } as const;

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

function numberModel(def: Def): FieldModel {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const c of checksOf(def)) {
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) integer = true;
    if (c.check === 'greater_than' && c.value !== undefined)
      min = c.inclusive ? c.value : c.value + (integer ? 1 : 0);
    if (c.check === 'less_than' && c.value !== undefined) max = c.value;
  }
  return {
    ...base,
    type: 'number',
    integer,
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

function textModel(def: Def): FieldModel {
  const checks = checksOf(def);
  const minLength = checks.find((c) => c.check === 'min_length')?.minimum;
  const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern?.source;
  return {
    ...base,
    type: 'text',
    ...(minLength !== undefined ? { minLength } : {}),
    ...(pattern ? { pattern } : {}),
  };
}

const isScalarUnion = (options: Schema[]) =>
  options.length > 1 && options.every((o) => ['string', 'number', 'boolean'].includes(o.def.type));

function unionModel(def: Def, seen: Set<Schema>): FieldModel {
  const options = def.options ?? [];
  if (isScalarUnion(options)) return { ...base, type: 'scalar' };
  const discriminator = def.discriminator;
  if (!discriminator) return { ...base, type: 'json' };
  const variants = options.map((option) => {
    const model = walk(option, seen);
    const tagField = model.type === 'object' ? model.fields.find((f) => f.key === discriminator) : undefined;
    const tag = tagField?.model.type === 'literal' ? String(tagField.model.value) : '';
    return { tag, model };
  });
  return { ...base, type: 'union', discriminator, variants };
}

function walk(schema: Schema, seen: Set<Schema>): FieldModel {
  const def = schema.def;
  switch (def.type) {
    case 'optional':
      return { ...walk(def.innerType!, seen), optional: true };
    case 'default':
    case 'prefault': {
      const inner = walk(def.innerType!, seen);
      return { ...inner, optional: true, defaultValue: structuredClone(def.defaultValue) };
    }
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def.innerType!, seen);
    case 'pipe':
      return walk(def.in!, seen);
    case 'lazy': {
      // A recursive schema (conditions): a generic form cannot unfold it, JSON can.
      if (seen.has(schema)) return { ...base, type: 'json' };
      seen.add(schema);
      return walk(def.getter!(), seen);
    }
    case 'string':
      return textModel(def);
    case 'number':
    case 'int':
      return numberModel(def);
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'enum':
      return { ...base, type: 'enum', options: Object.values(def.entries ?? {}).map(String) };
    case 'literal':
      return { ...base, type: 'literal', value: def.values?.[0] };
    case 'object': {
      const fields: ObjectField[] = Object.entries(def.shape ?? {}).map(([key, child]) => ({
        key,
        model: walk(child, seen),
      }));
      return { ...base, type: 'object', fields };
    }
    case 'array': {
      const minItems = checksOf(def).find((c) => c.check === 'min_length')?.minimum;
      return { ...base, type: 'array', item: walk(def.element!, seen), ...(minItems ? { minItems } : {}) };
    }
    case 'tuple':
      return { ...base, type: 'tuple', items: (def.items ?? []).map((item) => walk(item, seen)) };
    case 'record':
      return { ...base, type: 'record', value: walk(def.valueType!, seen) };
    case 'union':
      return unionModel(def, seen);
    default:
      return { ...base, type: 'json' };
  }
}

/** The form model of a zod schema. Never throws: what it cannot describe becomes a JSON field. */
export function describeSchema(schema: z.ZodType): FieldModel {
  return walk(schema as unknown as Schema, new Set());
}
