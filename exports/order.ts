// `ordergraph/order`: the standard order, raw Tmall / JD / Douyin / Pinduoduo / Kuaishou / Xiaohongshu / WeChat Channels adapters, GB/T 2260 address resolution.
export {
  ADAPTER_PLATFORMS,
  ADAPTERS,
  type AdapterPlatform,
  adaptChannels,
  adaptDouyin,
  adaptJd,
  adaptKuaishou,
  adaptOrder,
  adaptPdd,
  adaptTmall,
  adaptXiaohongshu,
  detectPlatform,
} from '../engine/order/adapters/index.ts';
export {
  type NormaliseContext,
  normaliseOrder,
  type SafeNormaliseResult,
  safeNormaliseOrder,
} from '../engine/order/normalise.ts';
export {
  type AddressInput,
  findRegion,
  isWithin,
  type Region,
  type ResolvedAddress,
  resolveAddress,
} from '../engine/order/regions/index.ts';
export {
  type OrderLine,
  PLATFORMS,
  type Platform,
  type Receiver,
  type StandardOrder,
  type StandardOrderInput,
  StandardOrderSchema,
} from '../engine/order/schema.ts';
