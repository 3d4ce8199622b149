import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Candidate, type Measurement, measurementsOf } from './timing.ts';

/** Names the candidate a bench process was forked to run; unset in the parent. */
const CANDIDATE_ENV = 'BENCH_CANDIDATE';

type Request = { type: 'pass' } | { type: 'task'; task: string } | { type: 'exit' };
type Reply =
  | { type: 'ready' }
  | { type: 'passed'; wall: number; cpu: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; message: string };

/** What runs in a candidate's process, besides its passes: a breakdown taken after them, say. */
export type Tasks = Record<string, () => unknown>;

/** The candidate this process was forked for, when it was forked by `measureApart`. */
export const candidateOfThisProcess = (): string | undefined => process.env[CANDIDATE_ENV];

/**
 * In a forked candidate process: answers the parent's requests — a pass of the candidate, timed
 * here (this process's CPU, its GC threads included), or a named task — until told to exit.
 */
export function serveCandidate(candidate: Candidate, tasks: Tasks = {}): void {
  const send = (reply: Reply) => process.send!(reply);
  process.on('message', async (request: Request) => {
    try {
      if (request.type === 'exit') process.exit(0);
      if (request.type === 'task') {
        const task = tasks[request.task];
        if (!task) throw new Error(`no task ${request.task} in ${candidate.name}'s process`);
        send({ type: 'done', result: await task() });
        return;
      }
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      await candidate.pass();
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      const { user, system } = process.cpuUsage(cpu0);
      send({ type: 'passed', wall, cpu: (user + system) / 1e6 });
    } catch (error) {
      send({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
  send({ type: 'ready' });
}

/** A forked candidate process: one request at a time, each answered by one reply. */
class CandidateProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(script: string | URL, name: string): Promise<CandidateProcess> {
    const child = fork(fileURLToPath(script), process.argv.slice(2), {
      env: { ...process.env, [CANDIDATE_ENV]: name },
      execArgv: process.execArgv,
    });
    const started = new CandidateProcess(name, child);
    await started.reply();
    return started;
  }

  private reply(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) =>
        reject(new Error(`${this.name}'s bench process exited (${code}) before it answered`));
      this.child.once('exit', exited);
      this.child.once('message', (reply: Reply) => {
        this.child.off('exit', exited);
        if (reply.type === 'failed') reject(new Error(`${this.name}: ${reply.message}`));
        else resolve(reply);
      });
    });
  }

  async pass(): Promise<{ wall: number; cpu: number }> {
    this.child.send({ type: 'pass' } satisfies Request);
    const reply = await this.reply();
    if (reply.type !== 'passed') throw new Error(`${this.name}: expected a pass, got ${reply.type}`);
    return reply;
  }

  async task(task: string): Promise<unknown> {
    this.child.send({ type: 'task', task } satisfies Request);
    const reply = await this.reply();
    if (reply.type !== 'done') throw new Error(`${this.name}: expected ${task}'s result, got ${reply.type}`);
    return reply.result;
  }

  stop(): void {
    this.child.send({ type: 'exit' } satisfies Request);
  }
}

/**
 * `measureInterleaved`, with every candidate in a process of its own (this script forked, told
 * which candidate it runs): a pass of one engine cannot leave garbage for the next to collect, nor
 * turn the code both share (events, facts, state) polymorphic, as no server runs two engines. Each
 * pass is timed in its process, its CPU time including its GC threads; rounds still take one pass
 * of each candidate in turn, so load from outside spreads over all alike. After the rounds, `after`
 * names tasks to run in a candidate's process (`serveCandidate`'s), whose results come back by name.
 *
 * `sets` above 1 measures them so that many times over, each time in new processes, one set after
 * the other, and gives each candidate the median of its figures: a process as a whole can run slow
 * (json-rules-engine's best pass took 1,353 µs an order in one process against 974–1,090 in four
 * others the same morning), and that one process moved the ratio to it by more than a quarter.
 * Not all sets at once: fifteen live processes slowed every figure by a fifth (measured).
 */
export async function measureApart(
  script: string | URL,
  candidates: readonly Pick<Candidate, 'name' | 'orders'>[],
  rounds: number,
  after: { candidate: string; task: string }[] = [],
  sets = 1,
): Promise<{ measurements: Measurement[]; tasks: Record<string, unknown> }> {
  const wall: number[][] = candidates.map(() => []);
  const cpu: number[][] = candidates.map(() => []);
  let tasks: Record<string, unknown> = {};
  for (let set = 0; set < sets; set++) {
    const measured = await measureSet(script, candidates, rounds, set === 0 ? after : []);
    for (const [i, figure] of measured.wall.entries()) wall[i]!.push(figure);
    for (const [i, figure] of measured.cpu.entries()) cpu[i]!.push(figure);
    if (set === 0) tasks = measured.tasks;
  }
  return { measurements: measurementsOf(candidates, wall.map(median), cpu.map(median)), tasks };
}

/** The middle figure (the mean of the two middle ones for an even count). */
function median(figures: readonly number[]): number {
  const sorted = [...figures].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One set: each candidate's best pass, wall and CPU, in a process of its own. */
async function measureSet(
  script: string | URL,
  candidates: readonly Pick<Candidate, 'name' | 'orders'>[],
  rounds: number,
  after: { candidate: string; task: string }[],
): Promise<{ wall: number[]; cpu: number[]; tasks: Record<string, unknown> }> {
  const processes = await Promise.all(candidates.map(({ name }) => CandidateProcess.start(script, name)));
  try {
    for (const process of processes) await process.pass();
    const wall = candidates.map(() => Number.POSITIVE_INFINITY);
    const cpu = candidates.map(() => Number.POSITIVE_INFINITY);
    for (let round = 0; round < rounds; round++) {
      for (const [i, process] of processes.entries()) {
        const pass = await process.pass();
        wall[i] = Math.min(wall[i]!, pass.wall);
        cpu[i] = Math.min(cpu[i]!, pass.cpu);
      }
    }
    const tasks: Record<string, unknown> = {};
    for (const { candidate, task } of after) {
      const process = processes.find((p) => p.name === candidate);
      if (!process) throw new Error(`no candidate ${candidate} to run ${task} in`);
      tasks[task] = await process.task(task);
    }
    return { wall, cpu, tasks };
  } finally {
    for (const process of processes) process.stop();
  }
}
