/**
 * What a manifest may wish for per order (`timeoutMs`) and per isolate (`memoryMb`), and what a host
 * grants. The sandbox applies one budget to every plugin a host runs, so a host made for a set of
 * plugins takes the largest wish among them, never more than its caps.
 */
export interface PluginLimits {
  /** CPU budget per order, ms. */
  timeoutMs: number;
  /** Heap of the plugin's isolate, MB (isolated-vm refuses less than 8). */
  memoryMb: number;
}

/** What a plugin gets when its manifest wishes for nothing. */
export const DEFAULT_PLUGIN_LIMITS: PluginLimits = { timeoutMs: 50, memoryMb: 32 };

/** The most a host grants unless its owner says otherwise. */
export const DEFAULT_HOST_CAPS: PluginLimits = { timeoutMs: 200, memoryMb: 128 };

/** The most a manifest may ask for at all; beyond this a wish is a mistake, not a need. */
export const MAX_WISH: PluginLimits = { timeoutMs: 10_000, memoryMb: 1_024 };

export interface LimitWishes {
  id: string;
  version: string;
  timeoutMs?: number | undefined;
  memoryMb?: number | undefined;
}

export interface GrantedLimits {
  limits: PluginLimits;
  /** One line per wish the caps cut down, for the person installing the plugins. */
  capped: string[];
}

/** The limits a host for these plugins should run with. */
export function grantLimits(
  plugins: readonly LimitWishes[],
  caps: PluginLimits = DEFAULT_HOST_CAPS,
): GrantedLimits {
  const limits = { ...DEFAULT_PLUGIN_LIMITS };
  const capped: string[] = [];
  for (const plugin of plugins) {
    for (const key of ['timeoutMs', 'memoryMb'] as const) {
      const wish = plugin[key];
      if (wish === undefined) continue;
      if (wish > caps[key])
        capped.push(`${plugin.id}@${plugin.version} wants ${key} ${wish}; the host grants ${caps[key]}`);
      limits[key] = Math.max(limits[key], Math.min(wish, caps[key]));
    }
  }
  return { limits, capped };
}
