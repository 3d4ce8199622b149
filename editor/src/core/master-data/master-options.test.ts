import { describe, expect, it } from 'vitest';
import { lookupFact } from '../engine.ts';
import { demoClient } from '../test-fixtures.ts';
import { factWidget, masterOptions, regionOptions } from './master-options.ts';

describe('master-data options', () => {
  it('offers the client’s warehouses, carriers, SKUs and shops by id and name', () => {
    const client = demoClient();
    const warehouses = masterOptions('warehouse', client);
    expect(warehouses.length).toBe(client.warehouses.length);
    expect(warehouses[0]!.label).toContain(client.warehouses[0]!.name);
    expect(masterOptions('carrier', client).map((o) => o.value)).toEqual(client.carriers.map((c) => c.id));
    expect(masterOptions('sku', undefined)).toEqual([]);
  });

  it('offers provinces and cities by their standard names', () => {
    const names = regionOptions().map((o) => o.value);
    expect(names).toContain('浙江省');
    expect(names).toContain('杭州市');
    expect(names.length).toBeGreaterThan(300);
  });

  it('knows which facts name master data', () => {
    expect(factWidget(lookupFact('shop'))).toBe('shop');
    expect(factWidget(lookupFact('receiver'))).toBe('region');
    expect(factWidget(lookupFact('amounts.total'))).toBeUndefined();
  });
});
