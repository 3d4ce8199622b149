import { missingReferences } from '../../client/index.ts';
import type { CompileContext } from '../../compiler/compile-context.ts';
import { regionCode } from '../../logistics/index.ts';
import type { ContentIssue } from '../node-kind.ts';
import { carrierChainReferences } from './carrier-chain.references.ts';
import type { CarrierChain } from './carrier-chain.schema.ts';

const PRECEDENCE_ONLY = ['sku', 'shop', 'weight', 'area', 'warehouse'] as const;

function levelIssues(chain: CarrierChain): ContentIssue[] {
  const issues: ContentIssue[] = [];
  chain.platform.forEach((rule, i) => {
    if (rule.platform === undefined && !rule.types.length && !rule.labels.length && !rule.shops.length) {
      issues.push({
        code: 'content_invalid',
        severity: 'warning',
        path: `platform[${i}]`,
        message: `platform rule ${i + 1} has no condition: it forces ${rule.carrier} on every order`,
      });
    }
  });
  chain.weight.forEach((band, i) => {
    if (band.maxKg !== undefined && band.maxKg <= band.minKg) {
      issues.push({
        code: 'content_invalid',
        path: `weight[${i}].maxKg`,
        message: `weight band ${i + 1}: maxKg (${band.maxKg}) must be above minKg (${band.minKg})`,
      });
    }
  });
  for (const [i, rule] of chain.area.entries()) {
    for (const [r, region] of rule.regions.entries()) {
      if (regionCode(region) !== null) continue;
      issues.push({
        code: 'unknown_region',
        path: `area[${i}].regions[${r}]`,
        message: `no province, city or district is called or coded ${JSON.stringify(region)}`,
      });
    }
  }
  if (chain.mode === 'cheapest') {
    for (const level of PRECEDENCE_ONLY) {
      if (chain[level].length === 0) continue;
      issues.push({
        code: 'content_invalid',
        severity: 'warning',
        path: level,
        message: `the ${level} level is ignored in cheapest mode: the cheapest allowed carrier replaces it`,
      });
    }
  } else if (
    !chain.platform.length &&
    !chain.remark.enabled &&
    PRECEDENCE_ONLY.every((level) => chain[level].length === 0)
  ) {
    issues.push({
      code: 'content_invalid',
      path: 'mode',
      message:
        'the chain is empty: every order would be held "no_carrier"; fill a level or use cheapest mode',
    });
  }
  return issues;
}

export function validateCarrierChain(chain: CarrierChain, context: CompileContext): ContentIssue[] {
  const issues = levelIssues(chain);
  if (context.client) {
    for (const { path, message } of missingReferences(context.client, carrierChainReferences(chain))) {
      issues.push({ code: 'unknown_reference', path, message });
    }
  }
  return issues;
}
