import type { FieldModel } from './field-model.ts';

/**
 * A fresh value for a model: what a new list item or a newly chosen variant starts as. Optional
 * values without a default stay out, so zod's own defaults apply when the strategy compiles.
 */
export function defaultValue(model: FieldModel): unknown {
  if (model.defaultValue !== undefined) return structuredClone(model.defaultValue);
  switch (model.type) {
    case 'text':
      return '';
    case 'number':
      return model.min ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return model.options[0];
    case 'literal':
      return model.value;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const field of model.fields) {
        if (field.model.optional && field.model.defaultValue === undefined) continue;
        out[field.key] = defaultValue(field.model);
      }
      return out;
    }
    case 'array':
      return [];
    case 'tuple':
      return model.items.map(defaultValue);
    case 'record':
      return {};
    case 'union':
      return model.variants[0] ? defaultValue(model.variants[0].model) : {};
    case 'scalar':
      return '';
    case 'json':
      return null;
  }
}
