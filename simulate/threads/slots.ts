/** A counting semaphore: at most `size` batches in flight, so a fast reader cannot fill memory. */
export class Slots {
  private used = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    while (this.used >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used++;
  }

  release(): void {
    this.used--;
    // Every waiter checks again: an acquirer and `drain` may both be waiting.
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  /** Resolves once nothing is in flight. */
  async drain(): Promise<void> {
    while (this.used > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}
