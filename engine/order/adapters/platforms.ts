/** The raw orders `adaptOrder` reads, an adapter each, and the standard order itself. */
export const ADAPTER_PLATFORMS = [
  'tmall',
  'jd',
  'douyin',
  'pdd',
  'kuaishou',
  'xiaohongshu',
  'channels',
  'standard',
] as const;
export type AdapterPlatform = (typeof ADAPTER_PLATFORMS)[number];

/** What people call each, for messages. */
export const PLATFORM_NAMES: Readonly<Record<AdapterPlatform, string>> = {
  tmall: 'Tmall / Taobao',
  jd: 'JD',
  douyin: 'Douyin',
  pdd: 'Pinduoduo',
  kuaishou: 'Kuaishou',
  xiaohongshu: 'Xiaohongshu',
  channels: 'WeChat Channels',
  standard: 'standard',
};

/** All of them, for help and messages: "Tmall / Taobao, JD, …, Kuaishou or standard". */
export const ADAPTER_PLATFORM_NAMES = `${ADAPTER_PLATFORMS.slice(0, -1)
  .map((platform) => PLATFORM_NAMES[platform])
  .join(', ')} or ${PLATFORM_NAMES[ADAPTER_PLATFORMS.at(-1)!]}`;

/**
 * The adapter for a platform as people name it, or undefined: Taobao's trades are TOP trades, read as
 * Tmall's are (the adapter tells the two apart by the seller's type).
 */
export function adapterPlatform(platform: string): AdapterPlatform | undefined {
  if (platform === 'taobao') return 'tmall';
  return isAdapterPlatform(platform) ? platform : undefined;
}

export function isAdapterPlatform(value: string): value is AdapterPlatform {
  return (ADAPTER_PLATFORMS as readonly string[]).includes(value);
}

/** The platforms whose raw orders have an adapter, for help texts. */
export const RAW_ORDER_PLATFORMS = ADAPTER_PLATFORMS.filter((platform) => platform !== 'standard').join(', ');
