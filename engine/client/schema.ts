import { z } from 'zod';
import { PLATFORMS } from '../order/schema.ts';

/**
 * A client's master data: the shops, warehouses, carriers and SKUs its strategies may name.
 * The compiler checks every reference against it; routing, carrier and gift actions read it.
 */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, "_", ".", ":" or "-"');

/** Province, city or district names or GB/T 2260 codes; empty means everywhere. */
const regions = z.array(z.string().min(1)).default([]);

export const ShopSchema = z.object({ id, name: z.string().min(1), platform: z.enum(PLATFORMS) });

export const WarehouseSchema = z.object({
  id,
  name: z.string().min(1),
  province: z.string().min(1),
  city: z.string().default(''),
  district: z.string().default(''),
  /** Areas it delivers to; an empty include list means nationwide. */
  covers: z.object({ include: regions, exclude: regions }).default({ include: [], exclude: [] }),
  /** Shops and platforms it serves; empty means all. */
  shops: z.array(id).default([]),
  platforms: z.array(z.enum(PLATFORMS)).default([]),
  handlingCost: z.number().nonnegative().default(0),
});

/** Freight to a set of provinces: the first kilogram, then each started extra kilogram. */
export const FreightRateSchema = z.object({
  regions,
  firstKg: z.number().nonnegative(),
  extraKg: z.number().nonnegative(),
});

export const CarrierSchema = z.object({
  id,
  name: z.string().min(1),
  cod: z.boolean().default(false),
  /** Rates are tried in order; the first whose regions hold the destination applies. */
  freight: z.array(FreightRateSchema).default([]),
  /** Areas it does not deliver to. */
  excludes: regions,
});

export const SkuSchema = z.object({
  sku: id,
  name: z.string().min(1),
  brand: z.string().default(''),
  category: z.string().default(''),
  price: z.number().nonnegative(),
  weightKg: z.number().nonnegative().default(0),
  volumeL: z.number().nonnegative().default(0),
  /** Ships alone, one per parcel (furniture, appliances). */
  bulky: z.boolean().default(false),
});

export const ClientSchema = z.object({
  formatVersion: z.literal(1),
  id,
  name: z.string().min(1),
  shops: z.array(ShopSchema).default([]),
  warehouses: z.array(WarehouseSchema).default([]),
  carriers: z.array(CarrierSchema).default([]),
  skus: z.array(SkuSchema).default([]),
});

export type Client = z.infer<typeof ClientSchema>;
export type Shop = z.infer<typeof ShopSchema>;
export type Warehouse = z.infer<typeof WarehouseSchema>;
export type Carrier = z.infer<typeof CarrierSchema>;
export type FreightRate = z.infer<typeof FreightRateSchema>;
export type Sku = z.infer<typeof SkuSchema>;
