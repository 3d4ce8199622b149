import type { MasterDataRef } from '../../client/index.ts';
import type { RouteChain } from './route-chain.schema.ts';

const warehouses = (ids: readonly string[], at: string): MasterDataRef[] =>
  ids.map((id, i) => ({ kind: 'warehouse', id, path: `${at}[${i}]` }));

/** Every warehouse, shop and carrier the chain names, with its path inside the chain. */
export function chainReferences(chain: RouteChain): MasterDataRef[] {
  const refs = warehouses(chain.candidates, 'candidates');
  chain.steps.forEach((step, s) => {
    const at = `steps[${s}]`;
    if (step.step === 'binding') {
      step.rules.forEach((rule, r) => {
        refs.push(
          ...rule.shops.map(
            (id, i): MasterDataRef => ({ kind: 'shop', id, path: `${at}.rules[${r}].shops[${i}]` }),
          ),
        );
        refs.push(...warehouses(rule.warehouses, `${at}.rules[${r}].warehouses`));
      });
    } else if (step.step === 'area') {
      for (const [r, rule] of step.rules.entries()) {
        refs.push(...warehouses(rule.warehouses, `${at}.rules[${r}].warehouses`));
      }
    } else if (step.step === 'rank') {
      refs.push(...warehouses(step.priority, `${at}.priority`));
      if (step.carrier) refs.push({ kind: 'carrier', id: step.carrier, path: `${at}.carrier` });
    }
  });
  if (chain.defaultWarehouse) {
    refs.push({ kind: 'warehouse', id: chain.defaultWarehouse, path: 'defaultWarehouse' });
  }
  return refs;
}
