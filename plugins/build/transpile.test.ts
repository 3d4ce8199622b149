import { describe, expect, it } from 'vitest';
import { formatBuildIssue } from './build-issue.ts';
import { transpilePlugin } from './transpile.ts';

const header = "import { definePlugin } from '@ordergraph/plugin-sdk';\n";

describe('transpilePlugin', () => {
  it('inlines the SDK runtime into a classic script that sets __plugin, with no host path in it', async () => {
    const source = `${header}export default definePlugin({ manifest: {} as never, run: (o: { id: string }) => o.id });\n`;
    const result = await transpilePlugin(source, '/home/dev/secret/my.plugin.ts');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.code).toMatch(/^var __plugin = \(\(\) => \{/);
    expect(result.code).toMatch(/__plugin = __plugin\.default;\n$/);
    expect(result.code).not.toMatch(/import |require\(|home|secret/);
  });

  it('reports a syntax error at its line and character column, past wide characters', async () => {
    const source = `${header}const 地址 = '浙江';\nconst score: number = ;\n`;
    const result = await transpilePlugin(source, 'plugins/x.plugin.ts');
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'syntax', file: 'plugins/x.plugin.ts', line: 3, column: 23, message: 'Unexpected ";"' },
      ],
    });
    if (!result.ok)
      expect(formatBuildIssue(result.issues[0]!)).toBe('plugins/x.plugin.ts:3:23: Unexpected ";"');
  });

  it('refuses every import but the SDK, each at its own line and column', async () => {
    const source = `${header}import { readFileSync } from 'node:fs';\nimport lodash from "lodash";\nexport default definePlugin({ manifest: {} as never, run: () => [readFileSync, lodash] });\n`;
    const result = await transpilePlugin(source, 'x.plugin.ts');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatBuildIssue)).toEqual([
      'x.plugin.ts:2:30: a plugin may import only "@ordergraph/plugin-sdk", not "node:fs"',
      'x.plugin.ts:3:20: a plugin may import only "@ordergraph/plugin-sdk", not "lodash"',
    ]);
    expect(result.issues.every((issue) => issue.code === 'import')).toBe(true);
  });

  it('erases type-only imports and refuses require()', async () => {
    const typesOnly = `import type { StandardOrder } from './types';\n${header}export default definePlugin({ manifest: {} as never, run: (o: StandardOrder) => o.id });\n`;
    expect((await transpilePlugin(typesOnly, 'a.ts')).ok).toBe(true);
    const required = `${header}const fs = require('fs');\nexport default definePlugin({ manifest: {} as never, run: () => fs });\n`;
    const result = await transpilePlugin(required, 'b.ts');
    expect(result.ok ? [] : result.issues.map(formatBuildIssue)).toEqual([
      'b.ts:2:20: a plugin may import only "@ordergraph/plugin-sdk", not "fs"',
    ]);
  });
});
