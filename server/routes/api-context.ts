import type { Authenticator } from '../auth/authenticate.ts';
import type { ApiBuilder } from '../http/api-builder.ts';
import type { RequestLimits } from '../http/body-limits.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { EvaluationService } from '../services/evaluation.ts';
import type { ShadowService } from '../shadow/shadow-service.ts';
import type { SimulationServices } from '../simulation/simulation-services.ts';
import type { Store } from '../store/store.ts';

/** What route modules get to work with. */
export interface ApiContext {
  store: Store;
  evaluation: EvaluationService;
  plugins: PluginRegistry;
  /** Absent in an evaluator process, which serves evaluate only. */
  simulations: SimulationServices | undefined;
  shadows: ShadowService;
  auth: Authenticator;
  /** Most orders one evaluate/batch request may carry. */
  maxBatch: number;
  limits: RequestLimits;
}

/** One resource's routes: a file under routes/, listed in routes/index.ts. */
export type ApiModule = (api: ApiBuilder, context: ApiContext) => void;
