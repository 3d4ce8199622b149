import { missingReferences } from '../../client/index.ts';
import type { CompileContext } from '../../compiler/compile-context.ts';
import { regionCode } from '../../logistics/index.ts';
import type { ContentIssue } from '../node-kind.ts';
import { chainReferences } from './route-chain.references.ts';
import type { RouteChain } from './route-chain.schema.ts';

function unknownRegions(regions: readonly string[], at: string): ContentIssue[] {
  return regions.flatMap((region, i) =>
    regionCode(region) === null
      ? [
          {
            code: 'unknown_region' as const,
            path: `${at}[${i}]`,
            message: `no province, city or district is called or coded ${JSON.stringify(region)}`,
          },
        ]
      : [],
  );
}

/** The chain's shape: steps in a meaningful order, a rank to end on, regions and master data that exist. */
function shapeIssues(chain: RouteChain): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { steps } = chain;
  if (steps.length === 0) {
    return [
      {
        code: 'content_invalid',
        path: 'steps',
        message: 'the chain is empty: add steps, ending with a rank step',
      },
    ];
  }
  const last = steps.length - 1;
  if (steps[last]!.step !== 'rank') {
    issues.push({
      code: 'content_invalid',
      path: `steps[${last}]`,
      message:
        'the chain must end with a rank step saying which remaining warehouse wins (nearest, cheapest or priority)',
    });
  }
  steps.forEach((step, i) => {
    if (step.step === 'rank' && i !== last) {
      issues.push({
        code: 'content_invalid',
        path: `steps[${i}]`,
        message: 'the rank step must be the last step',
      });
    }
    if (
      (step.step === 'binding' || step.step === 'area') &&
      steps.slice(0, i).some((s) => s.step === 'stock')
    ) {
      issues.push({
        code: 'content_invalid',
        path: `steps[${i}]`,
        message: `the ${step.step} step must come before the stock step: stock is checked, split and reserved last`,
      });
    }
    if (step.step === 'stock' && steps.slice(0, i).some((s) => s.step === 'stock')) {
      issues.push({ code: 'content_invalid', path: `steps[${i}]`, message: 'the chain has two stock steps' });
    }
    if (step.step === 'area') {
      step.rules.forEach((rule, r) => {
        issues.push(...unknownRegions(rule.include, `steps[${i}].rules[${r}].include`));
        issues.push(...unknownRegions(rule.exclude, `steps[${i}].rules[${r}].exclude`));
      });
    }
  });
  return issues;
}

export function validateRouteChain(chain: RouteChain, context: CompileContext): ContentIssue[] {
  const issues = shapeIssues(chain);
  if (context.client) {
    for (const { path, message } of missingReferences(context.client, chainReferences(chain))) {
      issues.push({ code: 'unknown_reference', path, message });
    }
    if (chain.candidates.length === 0 && context.client.warehouses.length === 0) {
      issues.push({
        code: 'content_invalid',
        path: 'candidates',
        message: `client "${context.client.id}" has no warehouses to route to`,
      });
    }
  }
  return issues;
}
