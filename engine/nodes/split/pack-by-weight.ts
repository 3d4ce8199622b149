/** One unit of a line, as packing sees it. */
export interface Unit {
  sku: string;
  grams: number;
}

/**
 * First-fit decreasing: the heaviest unit first, each into the first parcel it fits, else a new
 * one. A unit heavier than the limit gets a parcel of its own (it cannot be split further).
 * Units of equal weight keep their order, so the result is the same on every run.
 */
export function packByWeight(units: readonly Unit[], maxGrams: number): Unit[][] {
  const sorted = units
    .map((unit, i) => ({ unit, i }))
    .sort((a, b) => b.unit.grams - a.unit.grams || a.i - b.i);
  const parcels: { units: Unit[]; grams: number }[] = [];
  for (const { unit } of sorted) {
    const fit = parcels.find((p) => p.grams + unit.grams <= maxGrams);
    if (fit) {
      fit.units.push(unit);
      fit.grams += unit.grams;
    } else {
      parcels.push({ units: [unit], grams: unit.grams });
    }
  }
  return parcels.map((p) => p.units);
}
