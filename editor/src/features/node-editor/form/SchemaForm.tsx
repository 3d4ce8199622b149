import { useMemo } from 'react';
import type { z } from 'zod';
import { describeSchema } from '../../../core/form/describe-schema.ts';
import { ROOT_KEYS } from '../../../core/form/hint-keys.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { ObjectFields } from './ObjectFields.tsx';
import { UnionField } from './UnionField.tsx';

interface SchemaFormProps {
  schema: z.ZodType;
  value: unknown;
  /** Where this form's value sits in the node's content (`params` for a preset's settings). */
  path?: Path;
}

/** A form for any zod schema: what kinds, presets and event params declare is what the consultant fills in. */
export function SchemaForm({ schema, value, path = [] }: SchemaFormProps) {
  const model = useMemo(() => describeSchema(schema), [schema]);
  if (model.type === 'object')
    return <ObjectFields model={model} value={value} path={path} keys={ROOT_KEYS} />;
  if (model.type === 'union') return <UnionField model={model} value={value} path={path} keys={ROOT_KEYS} />;
  return null;
}
