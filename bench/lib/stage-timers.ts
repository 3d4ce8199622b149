import { FACT_PROVIDERS } from '../../engine/facts/providers/index.ts';
import { EVENT_TYPES, eventDef } from '../../engine/nodes/registry.ts';

/** Time spent in one part of the pipeline, summed over every order decided while the timers ran. */
export interface StageTime {
  part: string;
  ms: number;
  calls: number;
}

/**
 * Wraps every computed fact's `compute` and every event type's `apply` in a timer, for issue 18's
 * "where each microsecond goes". It changes the engine's own registries, for the rest of the
 * process: a bench calls it after its timed passes, and reads `times()` after deciding orders.
 * What the wrappers do not cover (rule evaluation, the stage views, decision building, state
 * records) is the total less their sum.
 */
export function installStageTimers(): { times(): StageTime[]; reset(): void } {
  const parts = new Map<string, StageTime>();
  const timed = <A extends unknown[], R>(part: string, run: (...args: A) => R) => {
    const time: StageTime = { part, ms: 0, calls: 0 };
    parts.set(part, time);
    return (...args: A): R => {
      const start = performance.now();
      try {
        return run(...args);
      } finally {
        time.ms += performance.now() - start;
        time.calls++;
      }
    };
  };
  for (const provider of FACT_PROVIDERS) {
    provider.compute = timed(`fact ${provider.path}`, provider.compute.bind(provider));
  }
  for (const type of EVENT_TYPES) {
    const def = eventDef(type)!;
    def.apply = timed(`event ${type}`, def.apply.bind(def));
  }
  return {
    times: () => [...parts.values()].filter((t) => t.calls > 0),
    reset: () => {
      for (const time of parts.values()) {
        time.ms = 0;
        time.calls = 0;
      }
    },
  };
}
