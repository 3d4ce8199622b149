/**
 * API v1's documents as zod schemas: the server validates requests and generates its OpenAPI
 * document with them, the store keeps the records among them, and the editor's client reads its
 * types from them. Only zod, the engine's browser-safe schemas and the plugin contract come in, so the
 * editor can bundle it.
 *
 * `…Schema` is what validates (and what the store keeps); `…Doc` is the same schema named for the
 * OpenAPI document; `…Body` is a request body; `…List` and `…Answer` are response bodies.
 */
export {
  ClientDoc,
  ClientList,
  type ClientRecord,
  ClientRecordDoc,
  ClientRecordSchema,
} from './schemas/clients.ts';
export {
  type AuditedDecision,
  AuditedDecisionSchema,
  auditedDecision,
  DecisionList,
  DecisionQuery,
  type DecisionRecord,
  DecisionRecordSchema,
} from './schemas/decisions.ts';
export { type ErrorBody, ErrorSchema } from './schemas/errors.ts';
export { EvaluateAnswer, EvaluateBatchAnswer, EvaluateBody, evaluateBatchBody } from './schemas/evaluate.ts';
export {
  ActorSchema,
  IdSchema,
  isId,
  OrderIdSchema,
  TimestampSchema,
} from './schemas/fields.ts';
export { ClientParams, StrategyParams, VersionParams } from './schemas/params.ts';
export {
  PluginBuildCheck,
  type PluginBuildCheckAnswer,
  PluginBuildCheckBody,
  type PluginBuildIssueView,
  type PluginDraft,
  PluginDraftBody,
  PluginDraftDoc,
  PluginDraftList,
  PluginDraftParams,
  PluginDraftSchema,
  type PluginTrialAnswer,
  PluginTrialBody,
  type PluginTrialInput,
  PluginTrialResult,
} from './schemas/plugin-workbench.ts';
export {
  MAX_PLUGIN_SOURCE_CHARS,
  PluginCreated,
  type PluginCreatedAnswer,
  PluginList,
  PluginParams,
  PluginUploadBody,
  PluginVersionDoc,
  PluginVersionList,
  PluginVersionParams,
  type PluginVersionRecord,
  PluginVersionRecordSchema,
  type PluginVersionSummary,
  type PluginVersionView,
} from './schemas/plugins.ts';
export {
  PublishBody,
  type PublishInput,
  type Release,
  ReleaseDoc,
  type ReleaseEntry,
  ReleaseList,
  ReleaseSchema,
  RollbackBody,
  type RollbackInput,
} from './schemas/releases.ts';
export {
  type ChangedOrder,
  ChangedOrderSchema,
  ChangesPage,
  ChangesQuery,
  HistoryCreated,
  HistoryList,
  HistoryParams,
  type HistoryRecord,
  HistoryRecordDoc,
  HistoryRecordSchema,
  HistoryUploadQuery,
  MappingDoc,
  MappingList,
  MappingParams,
  type MappingRecord,
  MappingRecordDoc,
  MappingRecordSchema,
  ReportDoc,
  SimulationBody,
  SimulationCreated,
  type SimulationInput,
  type SimulationJob,
  SimulationJobDoc,
  SimulationJobSchema,
  SimulationList,
  SimulationParams,
} from './schemas/simulations.ts';
export { StateSnapshotDoc } from './schemas/state.ts';
export {
  StrategyDoc,
  StrategyList,
  type StrategyRecord,
  StrategyRecordSchema,
  type StrategySummary,
  type StrategyView,
  StrategyViewDoc,
} from './schemas/strategies.ts';
export {
  CutVersionBody,
  type CutVersionInput,
  VersionList,
  type VersionRecord,
  VersionRecordDoc,
  VersionRecordSchema,
  type VersionSummary,
} from './schemas/versions.ts';
