import { describe, expect, it } from 'vitest';
import { regionalClient } from '../logistics/fixtures/regional-client.ts';
import { clientIndex, findSku } from './client-index.ts';
import type { Client } from './schema.ts';

describe('clientIndex', () => {
  // Another client with a SKU of the same code: each client answers from its own master data.
  const other: Client = {
    ...regionalClient,
    skus: [
      { ...regionalClient.skus[0]!, weightKg: 9 },
      { ...regionalClient.skus[0]!, weightKg: 7 },
    ],
  };

  it("answers each client's own index, one object per client, however the clients alternate", () => {
    const first = clientIndex(regionalClient);
    const second = clientIndex(other);
    expect(second).not.toBe(first);
    for (let i = 0; i < 3; i++) {
      expect(clientIndex(regionalClient)).toBe(first);
      expect(findSku(regionalClient, 'LIP-01')?.weightKg).toBe(0.2);
      expect(clientIndex(other)).toBe(second);
      expect(findSku(other, 'LIP-01')?.weightKg).toBe(9);
      expect(clientIndex(other).catalogue.get('LIP-01')?.weightKg).toBe(7);
    }
    expect(findSku(undefined, 'LIP-01')).toBeUndefined();
  });
});
