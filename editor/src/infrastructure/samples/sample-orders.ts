/**
 * The sample orders shipped in `samples/orders/`, bundled so a consultant can try a strategy on
 * a platform's raw order or a standard one without having one at hand.
 */
const files = import.meta.glob<{ default: unknown }>('../../../../samples/orders/*.json', { eager: true });

export interface SampleOrder {
  name: string;
  order: unknown;
}

export const SAMPLE_ORDERS: readonly SampleOrder[] = Object.entries(files)
  .map(([path, module]) => ({
    name: path
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
    order: module.default,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));
