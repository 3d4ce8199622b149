import type { ApiModule } from './api-context.ts';
import { auditRoutes } from './audit.ts';
import { clientRoutes } from './clients.ts';
import { evaluateRoutes } from './evaluate.ts';
import { historyRoutes } from './histories.ts';
import { keyRoutes } from './keys.ts';
import { mappingRoutes } from './mappings.ts';
import { pluginWorkbenchRoutes } from './plugin-workbench.ts';
import { pluginRoutes } from './plugins.ts';
import { publishRoutes } from './publish.ts';
import { shadowRoutes } from './shadow.ts';
import { simulationRoutes } from './simulations.ts';
import { stateRoutes } from './state.ts';
import { strategyRoutes } from './strategies.ts';
import { versionRoutes } from './versions.ts';

/**
 * Every resource of API v1, one router file each. Plugins and simulations join as their own
 * files (`routes/plugins.ts`, `routes/simulations.ts`) added to this list.
 */
export const API_MODULES: readonly ApiModule[] = [
  clientRoutes,
  strategyRoutes,
  versionRoutes,
  publishRoutes,
  evaluateRoutes,
  auditRoutes,
  stateRoutes,
  keyRoutes,
  pluginRoutes,
  pluginWorkbenchRoutes,
  mappingRoutes,
  historyRoutes,
  simulationRoutes,
  shadowRoutes,
];
