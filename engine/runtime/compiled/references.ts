import { RuleCompileError, type RuleSite } from './compile-errors.ts';
import { type CompiledNode, compileNested, type NodeContext } from './compile-node.ts';
import { type ConditionNode, parseRoot, ShapeError } from './condition-tree.ts';
import type { FactAccessors } from './fact-accessor.ts';

/**
 * Shared conditions (`engine.setCondition`), resolved at compile time. Each is checked up front,
 * as setCondition does, but compiled only when a rule reaches it and then once: json-rules-engine
 * never looks at a shared condition no rule names, so neither its operators nor its cycles matter.
 */
export function resolveReferences(
  conditions: Readonly<Record<string, unknown>>,
  accessors: FactAccessors,
): NodeContext['reference'] {
  const parsed = new Map<string, ConditionNode>();
  for (const [name, raw] of Object.entries(conditions)) {
    const site: RuleSite = { conditionName: name };
    if (!name) throw new RuleCompileError('invalid_rule', site, 'Engine: setCondition() requires name');
    try {
      parsed.set(name, parseRoot(raw));
    } catch (error) {
      if (error instanceof ShapeError) throw new RuleCompileError('invalid_rule', site, error.message);
      throw error;
    }
  }
  const compiled = new Map<string, CompiledNode>();
  const inProgress: string[] = [];

  const reference = (name: unknown, from: RuleSite): CompiledNode => {
    const node = typeof name === 'string' ? parsed.get(name) : undefined;
    if (node === undefined) {
      throw new RuleCompileError('missing_condition', from, `no shared condition "${String(name)}" exists`);
    }
    const key = name as string;
    const done = compiled.get(key);
    if (done) return done;
    if (inProgress.includes(key)) {
      const cycle = [...inProgress.slice(inProgress.indexOf(key)), key].join(' → ');
      throw new RuleCompileError('condition_cycle', from, `shared conditions refer to each other: ${cycle}`);
    }
    inProgress.push(key);
    const site: RuleSite = { ...from, conditionName: key };
    const result = compileNested(node, { accessors, site, reference });
    inProgress.pop();
    compiled.set(key, result);
    return result;
  };
  return reference;
}
