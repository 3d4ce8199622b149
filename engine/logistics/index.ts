export {
  carrierRefusal,
  chargeUnder,
  FreightTable,
  freightCost,
  refusalUnder,
  type Terms,
} from './freight.ts';
export { MACRO_REGION_LABELS, MACRO_REGIONS, type MacroRegion, macroRegionOf } from './macro-regions.ts';
export {
  inAnyRegion,
  keyInAnyRegion,
  mostPreciseCode,
  placeKey,
  REGION_DISTANCES,
  type RegionCodes,
  regionCode,
  regionDistance,
  warehouseLocation,
} from './region-codes.ts';
export { orderShipment, Shipment } from './shipment.ts';
export { effectiveLines, type ShipLine, shippingLines, substitutedLines } from './shipped-lines.ts';
export { available, fitsAt, linesWeightKg, type Shortage, stockFit, takeStock } from './stock-fit.ts';
