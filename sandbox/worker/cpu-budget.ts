/**
 * The CPU this worker spends against a budget. isolated-vm's timeout is wall-clock time, which misses
 * both ways: built-ins that do not check for interrupts run on past it (measured here,
 * `(3n ** 3000000n).toString()` runs 800 ms under a 100 ms timeout and then returns normally), and on a
 * busy machine it stops code that has not yet had its budget of CPU. The process's CPU time tells them
 * apart (the isolate runs on this process's main thread); `isolate.cpuTime` does not: on this build it
 * follows the wall clock (measured: 400 ms of it for a 400 ms loop that got 150 ms of CPU).
 */
export class CpuBudget {
  private readonly start = process.cpuUsage();

  constructor(readonly budgetMs: number) {}

  spentMs(): number {
    const { user, system } = process.cpuUsage(this.start);
    return (user + system) / 1000;
  }

  overrun(): boolean {
    return this.spentMs() > this.budgetMs;
  }
}
