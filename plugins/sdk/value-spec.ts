import { z } from 'zod';

/**
 * The JSON-schema subset a manifest types its params and results with: scalars and flat lists of
 * scalars, nothing nested, so every plugin fact is one condition-testable value (`plugins.<id>.<field>`)
 * and the editor can draw a form for every param.
 */
const description = z.string().max(500).optional();

const stringShape = {
  type: z.literal('string'),
  enum: z.array(z.string().min(1).max(200)).min(1).max(200).optional(),
  maxLength: z.number().int().positive().max(100_000).optional(),
  description,
};
const numberShape = {
  type: z.literal('number'),
  integer: z.boolean().optional(),
  minimum: z.number().finite().optional(),
  maximum: z.number().finite().optional(),
  description,
};
const booleanShape = { type: z.literal('boolean'), description };

export const ScalarSpecSchema = z.discriminatedUnion('type', [
  z.strictObject(stringShape),
  z.strictObject(numberShape),
  z.strictObject(booleanShape),
]);

const arrayShape = {
  type: z.literal('array'),
  items: ScalarSpecSchema,
  maxItems: z.number().int().positive().max(10_000).optional(),
  description,
};

export const ValueSpecSchema = z.discriminatedUnion('type', [
  z.strictObject(stringShape),
  z.strictObject(numberShape),
  z.strictObject(booleanShape),
  z.strictObject(arrayShape),
]);

/** A param the node sets; `optional` ones may be left out. */
const optional = z.boolean().optional();
export const ParamSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...stringShape, optional }),
  z.strictObject({ ...numberShape, optional }),
  z.strictObject({ ...booleanShape, optional }),
  z.strictObject({ ...arrayShape, optional }),
]);

export type ScalarSpec = z.infer<typeof ScalarSpecSchema>;
export type ValueSpec = z.infer<typeof ValueSpecSchema>;
export type ParamSpec = z.infer<typeof ParamSpecSchema>;

/** The zod schema a value of this spec must pass: results on the host, params at compile time. */
export function valueSchema(spec: ValueSpec): z.ZodType {
  switch (spec.type) {
    case 'string': {
      const text = spec.maxLength === undefined ? z.string() : z.string().max(spec.maxLength);
      return spec.enum === undefined ? text : text.pipe(z.enum(spec.enum as [string, ...string[]]));
    }
    case 'number': {
      let number = z.number().finite();
      if (spec.integer) number = number.int();
      if (spec.minimum !== undefined) number = number.min(spec.minimum);
      if (spec.maximum !== undefined) number = number.max(spec.maximum);
      return number;
    }
    case 'boolean':
      return z.boolean();
    case 'array': {
      const list = z.array(valueSchema(spec.items));
      return spec.maxItems === undefined ? list : list.max(spec.maxItems);
    }
  }
}

/** A range whose minimum is above its maximum can never be met: a mistake, not a constraint. */
export function specProblem(spec: ValueSpec): string | undefined {
  const number = spec.type === 'array' ? spec.items : spec;
  if (number.type !== 'number') return undefined;
  const { minimum, maximum } = number;
  return minimum !== undefined && maximum !== undefined && minimum > maximum
    ? `minimum ${minimum} is above maximum ${maximum}`
    : undefined;
}
