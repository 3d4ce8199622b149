import type { Client, Shop } from '../client/index.ts';
import { InputError } from '../errors/index.ts';

/** Platforms whose raw orders we can write: Taobao shops export the same TOP trade as Tmall. */
export const SOURCE_PLATFORMS = ['tmall', 'taobao', 'jd', 'douyin'] as const;
export type SourcePlatform = (typeof SOURCE_PLATFORMS)[number];
export type PlatformMix = Partial<Record<SourcePlatform, number>>;

/** Roughly a cosmetics brand's double-11 split between its stores. */
export const DEFAULT_MIX: PlatformMix = { tmall: 0.45, taobao: 0.05, jd: 0.3, douyin: 0.2 };

const FIELD = '--platform-mix';
const isSource = (name: string): name is SourcePlatform =>
  (SOURCE_PLATFORMS as readonly string[]).includes(name);

/** "tmall=0.5,jd=0.3,douyin=0.2" → weights (any positive scale; they are normalised when used). */
export function parsePlatformMix(text: string): PlatformMix {
  const mix: PlatformMix = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^([a-z]+)\s*=\s*(\S+)$/i.exec(part);
    if (!match) throw mixError(`"${part}" is not platform=weight (e.g. tmall=0.5,jd=0.3,douyin=0.2)`);
    const [, name = '', value = ''] = match;
    const platform = name.toLowerCase();
    if (!isSource(platform)) {
      throw mixError(`"${name}" is not a platform we generate; use ${SOURCE_PLATFORMS.join(', ')}`);
    }
    if (platform in mix) throw mixError(`${platform} is given twice`);
    const weight = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || !Number.isFinite(weight)) {
      throw mixError(`the weight of ${platform}, "${value}", is not a non-negative number`);
    }
    mix[platform] = weight;
  }
  if (!Object.values(mix).some((w) => w > 0)) throw mixError('at least one weight must be above 0');
  return mix;
}

/**
 * Each platform's weight with the client's shops on it. An explicit mix naming a platform the client
 * has no shop on is an error; the default mix just leaves such platforms out.
 */
export function shopsByPlatform(
  client: Client,
  mix: PlatformMix | undefined,
): { platform: SourcePlatform; weight: number; shops: Shop[] }[] {
  const wanted = Object.entries(mix ?? DEFAULT_MIX) as [SourcePlatform, number][];
  const entries = wanted
    .filter(([, weight]) => weight > 0)
    .map(([platform, weight]) => ({
      platform,
      weight,
      shops: client.shops.filter((s) => s.platform === platform),
    }));
  const missing = entries.filter((e) => e.shops.length === 0);
  if (mix && missing.length) {
    throw mixError(
      `client "${client.id}" has no shop on ${missing.map((e) => e.platform).join(', ')} ` +
        `(its shops: ${client.shops.map((s) => `${s.id} (${s.platform})`).join(', ') || 'none'})`,
    );
  }
  const usable = entries.filter((e) => e.shops.length > 0);
  if (usable.length === 0) {
    throw new InputError(
      'client_unusable',
      `client "${client.id}" has no shop on ${SOURCE_PLATFORMS.join(', ')} to generate orders for`,
      { field: 'shops' },
    );
  }
  return usable;
}

function mixError(message: string): InputError {
  return new InputError('platform_mix_invalid', `${FIELD}: ${message}`, { field: FIELD });
}
