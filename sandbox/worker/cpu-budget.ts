import type ivm from 'isolated-vm';

/**
 * isolated-vm's timeout misses built-ins that do not check for interrupts: measured here,
 * `(3n ** 3000000n).toString()` runs 800 ms under a 100 ms timeout and then returns normally. An entry
 * that returns after spending more CPU than its budget is treated as a timeout all the same.
 */
export class CpuBudget {
  private readonly startNs: bigint;

  constructor(
    private readonly isolate: ivm.Isolate,
    readonly budgetMs: number,
  ) {
    this.startNs = isolate.cpuTime;
  }

  overrun(): boolean {
    return this.isolate.cpuTime - this.startNs > BigInt(this.budgetMs) * 1_000_000n;
  }
}
