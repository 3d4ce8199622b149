export {
  ancestorPrefix,
  findRegion,
  isWithin,
  normaliseRegionCode,
  PLACEHOLDER_CITIES,
  type Region,
  type RegionLevel,
  regionChildren,
  regionPath,
} from './region-index.ts';
export { type AddressInput, type ResolvedAddress, resolveAddress } from './resolve-address.ts';
