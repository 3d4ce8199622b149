/**
 * A content schema described for a form: what input each value needs. Built from the kinds' zod
 * schemas (see describe-schema.ts), so a new kind or field gets a form without editor code.
 */
interface Common {
  /** The value may be left out (zod optional): the form offers to clear it. */
  optional: boolean;
  /** What zod fills in when the value is left out. */
  defaultValue?: unknown;
}

export interface ObjectField {
  key: string;
  model: FieldModel;
}

export type FieldModel = Common &
  (
    | { type: 'text'; minLength?: number; pattern?: string }
    | { type: 'number'; integer: boolean; min?: number; max?: number }
    | { type: 'boolean' }
    | { type: 'enum'; options: readonly string[] }
    | { type: 'literal'; value: unknown }
    | { type: 'object'; fields: readonly ObjectField[] }
    | { type: 'array'; item: FieldModel; minItems?: number }
    | { type: 'tuple'; items: readonly FieldModel[] }
    | { type: 'record'; value: FieldModel }
    | { type: 'union'; discriminator: string; variants: readonly { tag: string; model: FieldModel }[] }
    /** A string, number or boolean: the input guesses the type from what is typed. */
    | { type: 'scalar' }
    /** Anything else (unknown, recursive, unions without a tag): edited as JSON. */
    | { type: 'json' }
  );

export type FieldType = FieldModel['type'];
