export {
  CUSTOM_OPERATORS,
  type CustomOperatorName,
  compileRegex,
  type OperatorPredicate,
  PREPARED_OPERATORS,
  type PreparedPredicate,
  prepareInRegion,
  type RegexValue,
} from './custom-operators.ts';
export {
  type FactType,
  OPERATOR_NAMES,
  OPERATORS,
  type OperatorSpec,
  operatorSpec,
  PLUGIN_OPERATOR,
  type ValueShape,
} from './operator-catalogue.ts';
export { registerOperators } from './register-operators.ts';
