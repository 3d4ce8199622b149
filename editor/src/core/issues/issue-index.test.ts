import { describe, expect, it } from 'vitest';
import { removeElements } from '../document/operations.ts';
import { compileStrategy } from '../engine.ts';
import { tinyStrategy } from '../test-fixtures.ts';
import { contentPathOf, indexIssues, issuesByContentPath } from './issue-index.ts';

describe('issue index', () => {
  it('puts an unconnected node’s issues on that node', () => {
    const doc = removeElements(tinyStrategy(), [], ['e2']);
    const index = indexIssues(compileStrategy(doc).issues);
    expect(index.byNode.get('big')?.map((i) => i.code)).toEqual(['missing_branch']);
    expect(index.byNode.get('vip-tag')?.map((i) => i.code)).toEqual(['unreachable_node']);
    expect(index.errors).toBe(2);
  });

  it('maps content issues to the inspector field they name', () => {
    const doc = tinyStrategy();
    (doc.nodes[1]!.content as { when: { all: { operator: string }[] } }).when.all[0]!.operator =
      'matchesRegex';
    const issues = compileStrategy({ ...doc, nodes: doc.nodes.map((n) => ({ ...n })) }).issues;
    const byPath = issuesByContentPath(issues.filter((i) => i.nodeId === 'big'));
    expect([...byPath.keys()].some((k) => k.startsWith('when.all[0]'))).toBe(true);
    expect(
      contentPathOf({ code: 'cycle', severity: 'error', path: 'nodes[2]', message: '' }),
    ).toBeUndefined();
  });
});
