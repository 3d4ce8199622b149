import { Presets, SingleBar } from 'cli-progress';

/** Where a simulation reports how far it has got. Phases: reading (bytes of input), deciding (orders). */
export interface ProgressSink {
  phase(name: string, total: number): void;
  /** `done` of the phase's total; `orders` so far, for the rate. */
  update(done: number, orders: number): void;
  done(): void;
}

export const SILENT: ProgressSink = { phase() {}, update() {}, done() {} };

const PLAIN_EVERY_MS = 5000;

/** A bar with rate and ETA on a terminal; a plain line every few seconds otherwise (CI logs, pipes). */
export function progressOn(stream: NodeJS.WriteStream): ProgressSink {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

class BarProgress implements ProgressSink {
  private bar: SingleBar | undefined;
  private started = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  phase(name: string, total: number): void {
    this.started = performance.now();
    this.bar = new SingleBar(
      {
        stream: this.stream,
        format: `${name.padEnd(8)} {bar} {percentage}% | {orders} orders | {rate} orders/s | ETA {eta_formatted}`,
        etaBuffer: 50,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { orders: '0', rate: '0' });
  }

  update(done: number, orders: number): void {
    this.bar?.update(done, { orders: orders.toLocaleString('en'), rate: rate(orders, this.started) });
  }

  done(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

class LineProgress implements ProgressSink {
  private name = '';
  private total = 1;
  private started = 0;
  private lastLine = 0;
  private orders = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  phase(name: string, total: number): void {
    this.name = name;
    this.orders = 0;
    this.total = Math.max(total, 1);
    this.started = performance.now();
    this.lastLine = this.started;
  }

  update(done: number, orders: number): void {
    this.orders = orders;
    const now = performance.now();
    if (now - this.lastLine < PLAIN_EVERY_MS) return;
    this.lastLine = now;
    const share = done / this.total;
    const eta = share > 0 ? ((now - this.started) / 1000) * (1 / share - 1) : Number.NaN;
    this.stream.write(
      `simulate: ${this.name} ${Math.floor(share * 100)}% · ${orders.toLocaleString('en')} orders · ${rate(orders, this.started)} orders/s · ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '?'}\n`,
    );
  }

  done(): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.stream.write(
      `simulate: ${this.name} done · ${this.orders.toLocaleString('en')} orders in ${seconds} s (${rate(this.orders, this.started)} orders/s)\n`,
    );
  }
}

function rate(orders: number, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  return Math.round(orders / Math.max(seconds, 0.001)).toLocaleString('en');
}
