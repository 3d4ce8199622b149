import {
  ClientParams,
  EvaluateAnswer,
  EvaluateBatchAnswer,
  EvaluateBody,
  evaluateBatchBody,
} from '../../api/index.ts';
import type { Caller } from '../auth/authenticate.ts';
import { hasPermission } from '../auth/roles.ts';
import { ApiError, forbidden } from '../errors/api-error.ts';
import type { EvaluationResult } from '../services/evaluation.ts';
import type { ApiModule } from './api-context.ts';

/** Deciding for real is for the OMS and admins; everyone else who may evaluate does dry runs. */
function checkMode(caller: Caller, dryRun: boolean): void {
  if (!dryRun && !hasPermission(caller.key, 'evaluate')) {
    throw forbidden(`a ${caller.key.role} key may only try pipelines out: send "dryRun": true`);
  }
}

function countByStatus(results: readonly EvaluationResult[]): Record<string, number> {
  const counts: Record<string, number> = { approved: 0, held: 0, flagged: 0, invalid: 0 };
  for (const r of results) counts[r.ok ? r.decision.status : 'invalid']!++;
  return counts;
}

export const evaluateRoutes: ApiModule = (api, { evaluation, maxBatch }) => {
  api.add({
    method: 'post',
    path: '/clients/{clientId}/evaluate',
    tag: 'evaluate',
    summary: 'Decide one order',
    description:
      "Runs the client's published pipeline on one order; the decision is audited unless `dryRun`. Idempotent by order id: an order id already decided for real (an OMS retry) gets the recorded decision again, with `replay` and the header `Idempotent-Replay: true`, and consumes nothing.",
    permission: 'evaluate:dry',
    params: ClientParams,
    body: EvaluateBody,
    bodyLimit: '256kb',
    losslessIntegers: true,
    responses: {
      200: {
        description: 'the decision, with its trace',
        schema: EvaluateAnswer,
      },
      409: { description: 'the client has nothing published' },
    },
    handler: async ({ params, body, caller }) => {
      checkMode(caller, body.dryRun);
      const { order, ...rest } = body;
      const out = await evaluation.evaluate(params.clientId, [order], rest, caller.actor);
      const result = out.results[0]!;
      if (!result.ok) {
        const { index: _index, ...error } = result.error;
        throw new ApiError(400, error.code, error.message, error);
      }
      return {
        ...(result.replay ? { headers: { 'Idempotent-Replay': 'true' } } : {}),
        body: {
          clientId: out.clientId,
          release: out.release,
          dryRun: out.dryRun,
          platform: result.platform,
          decision: result.decision,
          ...(result.replay ? { replay: result.replay } : {}),
        },
      };
    },
  });

  api.add({
    method: 'post',
    path: '/clients/{clientId}/evaluate/batch',
    tag: 'evaluate',
    summary: 'Decide a batch of orders',
    description: `Up to ${maxBatch} orders, decided in order. The answer has one result per element, in order: a decision (with \`replay\` when the order id was already decided for real), or \`ok: false\` and \`error: {code, message, index}\` for an element that is not an order (\`invalid_order\`) or cannot be read, which fails alone.`,
    permission: 'evaluate:dry',
    params: ClientParams,
    body: evaluateBatchBody(maxBatch),
    bodyLimit: '8mb',
    losslessIntegers: true,
    responses: {
      200: {
        description: 'one result per order, in order',
        schema: EvaluateBatchAnswer,
      },
      409: { description: 'the client has nothing published' },
    },
    handler: async ({ params, body, caller }) => {
      checkMode(caller, body.dryRun);
      const { orders, ...rest } = body;
      const out = await evaluation.evaluate(params.clientId, orders, rest, caller.actor);
      return { body: { ...out, counts: countByStatus(out.results) }, sliceField: 'results' };
    },
  });
};
