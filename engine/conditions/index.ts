export { compileCondition } from './compile-condition.ts';
export {
  type Condition,
  type ConditionLeaf,
  ConditionLeafSchema,
  ConditionSchema,
  isLeaf,
} from './schema.ts';
export { validateCondition } from './validate-condition.ts';
