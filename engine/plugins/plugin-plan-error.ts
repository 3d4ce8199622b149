import { OrdergraphError } from '../errors/index.ts';

export type PluginPlanIssueCode =
  | 'plugin_unavailable' // strategies use plugins, and the pipeline was given no plugin host
  | 'plugin_unknown' // no installed build has that id and version
  | 'plugin_kind_mismatch' // e.g. a fact plugin used as an operator
  | 'plugin_params_invalid' // params that do not match the manifest's inputs
  | 'plugin_fact_unknown' // a condition reads a plugin fact no plugin node provides
  | 'plugin_conflict' // one fact plugin declared with two versions or two sets of params
  | 'plugin_operator_ambiguous' // `plugin:<id>` with several builds installed: name the version
  | 'plugin_operator_fact'; // an operator plugin on something other than an order field

/** A plugin use that cannot run, with the rule and node it sits in. */
export interface PluginPlanIssue {
  code: PluginPlanIssueCode;
  strategyId: string;
  nodeId: string;
  rule: string;
  message: string;
}

/** Thrown by createPipeline when its strategies use plugins it cannot run; every problem is listed. */
export class PluginPlanError extends OrdergraphError {
  readonly code = 'plugin_plan_invalid';

  constructor(readonly issues: readonly PluginPlanIssue[]) {
    super(
      `the strategies use plugins that cannot run: ${issues.map((i) => `${i.strategyId}/${i.nodeId}: ${i.message}`).join('; ')}`,
      { nodeId: issues[0]?.nodeId },
    );
  }
}
