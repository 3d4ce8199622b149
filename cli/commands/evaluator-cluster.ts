import cluster, { type Address, type Worker } from 'node:cluster';

export interface EvaluatorCluster {
  /** Where the evaluators listen: one port, shared by all of them (the kernel spreads connections). */
  url: string;
  /** Stops every evaluator (each finishes its decisions in flight) and waits for them. */
  close(): Promise<void>;
}

/**
 * `serve --evaluators N`: N evaluator processes (node:cluster workers running `ordergraph evaluator`)
 * sharing one port. One that dies is started again, so a crash costs its decisions in flight (their
 * state changes are committed whole or not at all), not capacity.
 */
export async function startEvaluatorCluster(
  count: number,
  { port, host }: { port: number; host: string | undefined },
  say: (line: string) => void,
): Promise<EvaluatorCluster> {
  cluster.setupPrimary({ exec: process.argv[1]!, args: ['evaluator', '--port', String(port)] });
  let stopping = false;
  const fork = (): Promise<Address> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      let listening = false;
      worker.once('listening', (address) => {
        listening = true;
        resolve(address);
      });
      worker.once('exit', (code, signal) => {
        const how = signal ?? `exit ${code}`;
        if (!listening) return reject(new Error(`an evaluator stopped before it listened (${how})`));
        if (stopping) return;
        say(`evaluator ${worker.process.pid} stopped (${how}); starting another`);
        fork().catch((error: Error) => say(error.message));
      });
    });
  const addresses = await Promise.all(Array.from({ length: count }, fork));
  const address = addresses[0]!;
  const name = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
  return {
    url: `http://${name}:${address.port}`,
    close: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
