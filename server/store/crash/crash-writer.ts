/**
 * The process the crash-safety test kills: it writes drafts, versions, releases, audit lines and
 * consumption through the embedded store as fast as it can, from several concurrent workers, and
 * prints one JSON line per write the store acknowledged (the promise resolved). stdout to a pipe
 * is synchronous in Node on Linux, so a printed line was acknowledged before any kill.
 *
 * It loads, prints "loaded", and waits for a line on stdin before it opens the store: the test
 * starts the next writer while the last one is still writing, so loading is off the clock.
 *
 *   node --import tsx crash-writer.ts <dataDir> <fixture.json>
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { CompiledStrategy } from '../../../engine/compiler/compiled-strategy.ts';
import type { Strategy } from '../../../engine/graph/schema.ts';
import { decisionRecord } from '../../test/decision-fixtures.ts';
import { openEmbeddedStore } from '../embedded/embedded-store.ts';
import { RevisionConflictError } from '../errors.ts';

const [dataDir, fixtureFile] = process.argv.slice(2) as [string, string];
const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as {
  strategy: Strategy;
  compiled: CompiledStrategy;
};
process.stdout.write('loaded\n');
await once(process.stdin, 'data');
const store = await openEmbeddedStore(dataDir);
const ack = (fact: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(fact)}\n`);
let orders = 0;

const strategyOf = (strategyId: string, n: number): Strategy => ({
  ...fixture.strategy,
  id: strategyId,
  description: `write ${n} by ${process.pid}`,
});

async function worker(strategyId: string): Promise<void> {
  let revision = (await store.strategies.get('acme', strategyId))?.revision;
  for (let n = 0; ; n++) {
    const roll = Math.random();
    if (revision === undefined) {
      revision = (await store.strategies.create(strategyOf(strategyId, n), 'crash')).revision;
      ack({ op: 'draft', strategyId, revision });
    } else if (roll < 0.35) {
      revision = (await store.strategies.update(strategyOf(strategyId, n), revision, 'crash')).revision;
      ack({ op: 'draft', strategyId, revision });
    } else if (roll < 0.5) {
      const { version } = await store.versions.create({
        clientId: 'acme',
        strategyId,
        author: 'crash',
        note: '',
        draftRevision: revision,
        strategy: strategyOf(strategyId, n),
        compiled: { ...fixture.compiled, strategyId },
        issues: [],
      });
      ack({ op: 'version', strategyId, version });
    } else if (roll < 0.65) {
      const live = (await store.releases.live('acme'))?.release ?? 0;
      try {
        const next = {
          action: 'publish' as const,
          strategies: [{ strategyId, version: 1 }],
          by: 'crash',
          note: '',
        };
        ack({ op: 'publish', release: (await store.releases.publish('acme', next, live)).release });
      } catch (error) {
        // Another worker published first: not acknowledged, nothing to check.
        if (!(error instanceof RevisionConflictError)) throw error;
      }
    } else if (roll < 0.85) {
      const orderId = `O-${process.pid}-${orders++}`;
      await store.audit.append([decisionRecord('acme', orderId)]);
      ack({ op: 'audit', orderId });
    } else {
      const orderId = `S-${process.pid}-${orders++}`;
      await store.state.append('acme', [
        { orderId, buyerId: 'b', consumed: [{ kind: 'counter', key: 'k', qty: 1 }] },
      ]);
      ack({ op: 'state', orderId });
    }
  }
}

process.stdout.write('ready\n');
await Promise.all(['s0', 's1', 's2'].map(worker));
