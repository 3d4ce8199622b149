/**
 * The API's documents, typed from the schemas the server validates with (api/). Type-only: the
 * bundle takes nothing of api/ at run time. The OpenAPI document at /api/v1/openapi.json
 * describes the same shapes.
 */
export type {
  ChangedOrder,
  ClientRecord,
  CutVersionInput,
  ErrorBody,
  HistoryRecord,
  MappingRecord,
  PluginCreatedAnswer,
  PluginVersionView,
  PublishInput,
  Release,
  ReleaseEntry,
  RollbackInput,
  SimulationInput,
  SimulationJob,
  StrategySummary,
  StrategyView,
  VersionRecord,
  VersionSummary,
} from '../../../../api/index.ts';
