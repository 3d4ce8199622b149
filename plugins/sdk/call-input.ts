/**
 * What the host sends a plugin for one order, in one batch entry. The SDK's runtime unpacks it, so
 * plugin authors see `run(order, ctx)` with `ctx.params`; operators get `{fact, value}` as `subject`.
 */
export interface PluginCallInput {
  subject: unknown;
  params: Readonly<Record<string, unknown>>;
}

/** The `subject` an operator plugin tests: the condition's fact value and its rule value. */
export interface OperatorSubject {
  fact: unknown;
  value: unknown;
}
