import { lookupFact } from '../facts/index.ts';
import type { GraphIssue } from '../graph/issue.ts';
import { compileRegex, operatorSpec } from '../operators/index.ts';
import { findRegion } from '../order/regions/index.ts';
import { type Condition, type ConditionLeaf, isLeaf } from './schema.ts';

type IssueAt = Omit<GraphIssue, 'severity' | 'nodeId'>;

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function checkScalar(
  leaf: ConditionLeaf,
  value: unknown,
  path: string,
  factType: string,
  allowed?: readonly string[],
): IssueAt[] {
  if (!isScalar(value)) {
    return [
      {
        code: 'value_type_mismatch',
        path,
        message: `${leaf.fact} ${leaf.operator}: the value must be a single value, got ${describe(value)}`,
      },
    ];
  }
  if (factType !== 'array' && factType !== 'open' && typeof value !== factType) {
    return [
      {
        code: 'value_type_mismatch',
        path,
        message: `${leaf.fact} is a ${factType}, but the value ${JSON.stringify(value)} is a ${typeof value}`,
      },
    ];
  }
  if (allowed && !allowed.includes(String(value))) {
    return [
      {
        code: 'value_type_mismatch',
        path,
        message: `${leaf.fact} is never ${JSON.stringify(value)}; it is one of ${allowed.join(', ')}`,
      },
    ];
  }
  return [];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function checkValue(
  leaf: ConditionLeaf,
  path: string,
  factType: string,
  allowed?: readonly string[],
): IssueAt[] {
  const spec = operatorSpec(leaf.operator)!;
  const value = leaf.value;
  switch (spec.value) {
    case 'scalar':
      return checkScalar(leaf, value, path, factType, allowed);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? []
        : [
            {
              code: 'value_type_mismatch',
              path,
              message: `${leaf.fact} ${leaf.operator}: the value must be a number, got ${describe(value)}`,
            },
          ];
    case 'list':
      if (!Array.isArray(value) || value.length === 0) {
        return [
          {
            code: 'value_type_mismatch',
            path,
            message: `${leaf.fact} ${leaf.operator}: the value must be a non-empty list, got ${describe(value)}`,
          },
        ];
      }
      return value.flatMap((item, i) =>
        checkScalar(
          leaf,
          item,
          `${path}[${i}]`,
          spec.name.startsWith('contains') ? 'array' : factType,
          allowed,
        ),
      );
    case 'range': {
      const ok =
        Array.isArray(value) &&
        value.length === 2 &&
        value.every((n) => typeof n === 'number' && Number.isFinite(n));
      if (!ok)
        return [
          {
            code: 'value_type_mismatch',
            path,
            message: `${leaf.fact} between: the value must be [min, max] numbers, got ${describe(value)}`,
          },
        ];
      const [min, max] = value as [number, number];
      return min <= max
        ? []
        : [
            {
              code: 'value_type_mismatch',
              path,
              message: `${leaf.fact} between: min ${min} is above max ${max}`,
            },
          ];
    }
    case 'regex':
      if (typeof value !== 'string' && !(value && typeof value === 'object' && 'pattern' in value)) {
        return [
          {
            code: 'value_type_mismatch',
            path,
            message: `${leaf.fact} matchesRegex: the value must be a pattern, got ${describe(value)}`,
          },
        ];
      }
      return compileRegex(value)
        ? []
        : [{ code: 'invalid_regex', path, message: `${leaf.fact} matchesRegex: ${regexError(value)}` }];
    case 'regions': {
      const regions = Array.isArray(value) ? value : [value];
      if (regions.length === 0)
        return [
          { code: 'value_type_mismatch', path, message: `${leaf.fact} inRegion: list at least one region` },
        ];
      return regions.flatMap((region, i) =>
        typeof region === 'string' && findRegion(region)
          ? []
          : [
              {
                code: 'unknown_region' as const,
                path: Array.isArray(value) ? `${path}[${i}]` : path,
                message: `no province, city or district is called or coded ${JSON.stringify(region)}`,
              },
            ],
      );
    }
  }
}

function regexError(value: unknown): string {
  const { pattern, flags } =
    typeof value === 'string'
      ? { pattern: value, flags: '' }
      : (value as { pattern: string; flags?: string });
  try {
    new RegExp(pattern, flags);
    return `invalid pattern ${JSON.stringify(pattern)}`;
  } catch (error) {
    return (error as Error).message;
  }
}

function validateLeaf(leaf: ConditionLeaf, path: string): IssueAt[] {
  const fact = lookupFact(leaf.fact);
  if (!fact)
    return [{ code: 'unknown_fact', path: `${path}.fact`, message: `no order has a field "${leaf.fact}"` }];
  const spec = operatorSpec(leaf.operator);
  if (!spec)
    return [
      { code: 'operator_unknown', path: `${path}.operator`, message: `unknown operator "${leaf.operator}"` },
    ];
  if (!fact.open && !spec.facts.includes(fact.type)) {
    return [
      {
        code: 'operator_type_mismatch',
        path: `${path}.operator`,
        message: `"${spec.name}" does not apply to ${leaf.fact}, which is a ${fact.type}`,
      },
    ];
  }
  return checkValue(leaf, `${path}.value`, fact.open ? 'open' : fact.type, fact.values);
}

/** Every problem in a condition tree, each with the field path that holds it. */
export function validateCondition(condition: Condition, path: string): IssueAt[] {
  if (isLeaf(condition)) return validateLeaf(condition, path);
  if ('all' in condition) return condition.all.flatMap((c, i) => validateCondition(c, `${path}.all[${i}]`));
  if ('any' in condition) return condition.any.flatMap((c, i) => validateCondition(c, `${path}.any[${i}]`));
  return validateCondition(condition.not, `${path}.not`);
}
