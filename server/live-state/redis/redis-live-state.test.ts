import type { Redis } from 'ioredis';
import { type RunningRedis, startRedis } from '../../../test-support/redis-server.ts';
import { EMPTY_STATE } from '../../store/state-replay.ts';
import { describeLiveStateContract } from '../live-state.contract.ts';
import { SharedLiveState } from '../shared/shared-live-state.ts';
import { connectRedis } from './connect-redis.ts';
import { RedisClientState } from './redis-client-state.ts';

let redis: RunningRedis | undefined;
const connections: Redis[] = [];
let client = 0;

describeLiveStateContract('shared in Redis', () => ({
  maxEvaluators: 16,
  open: async (snapshot, evaluators) => {
    redis ??= await startRedis();
    const clientId = `contract-${++client}`;
    const lives: SharedLiveState[] = [];
    for (let e = 0; e < evaluators; e++) {
      const connection = await connectRedis(redis.url);
      connections.push(connection);
      const shared = new RedisClientState(connection, clientId);
      await shared.open(async () => ({ ...EMPTY_STATE, snapshot }));
      lives.push(new SharedLiveState(shared));
    }
    return lives;
  },
  close: async () => {
    for (const c of connections) c.disconnect();
    await redis?.stop();
  },
}));
