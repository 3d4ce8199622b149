import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import type { Strategy } from '../../engine/graph/schema.ts';
import { loadStrategies } from '../../engine/loader/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { runStrategyTests } from '../../engine/strategies/index.ts';
import { CliExit, EXIT } from '../exit.ts';
import { formatIssues } from '../format/issues.ts';

/** Runs the tests every strategy file carries; exit 1 if any strategy is invalid or any test fails. */
export async function testCommand(path: string, engine: EngineName): Promise<void> {
  let passed = 0;
  let failed = 0;
  const { client, strategies } = loadStrategies(path);
  for (const loaded of strategies) {
    if (!loaded.result.ok) {
      process.stdout.write(`${formatIssues(loaded.file, loaded.result.issues)}\n`);
      failed++;
      continue;
    }
    const { strategy, compiled } = loaded.result as { strategy: Strategy; compiled: CompiledStrategy };
    process.stdout.write(`${loaded.file}  (${strategy.name})\n`);
    for (const outcome of await runStrategyTests(strategy, compiled, { engine, client })) {
      process.stdout.write(`  ${outcome.passed ? '✓' : '✗'} ${outcome.name}\n`);
      for (const failure of outcome.failures) process.stdout.write(`      ${failure}\n`);
      if (outcome.passed) passed++;
      else failed++;
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  if (failed) throw new CliExit(EXIT.invalid);
}
