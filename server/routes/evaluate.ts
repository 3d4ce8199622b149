import {
  ClientParams,
  EvaluateAnswer,
  EvaluateBatchAnswer,
  EvaluateBody,
  evaluateBatchBody,
} from '../../api/index.ts';
import type { Explanation } from '../../engine/explain/explain-decision.ts';
import type { Caller } from '../auth/authenticate.ts';
import { hasPermission } from '../auth/roles.ts';
import { ApiError, forbidden } from '../errors/api-error.ts';
import { ReleaseExplainer } from '../explain/release-explainer.ts';
import type { EvaluateOptions, Evaluation, EvaluationResult } from '../services/evaluation.ts';
import type { ApiModule } from './api-context.ts';

/** Deciding for real is for the OMS and admins; everyone else who may evaluate does dry runs. */
function checkMode(caller: Caller, dryRun: boolean): void {
  if (!dryRun && !hasPermission(caller.key, 'evaluate')) {
    throw forbidden(`a ${caller.key.role} key may only try pipelines out: send "dryRun": true`);
  }
}

function countByStatus(results: readonly Answered[]): Record<string, number> {
  const counts: Record<string, number> = { approved: 0, held: 0, flagged: 0, invalid: 0 };
  for (const r of results) counts[r.ok ? r.decision.status : 'invalid']!++;
  return counts;
}

/** The service's options: explaining needs the trace, which the answer then keeps only if it was asked for. */
function serviceOptions(body: Omit<EvaluateOptions, 'trace'> & { trace: boolean; explain: boolean }) {
  return {
    ...(body.platform ? { platform: body.platform } : {}),
    trace: body.trace || body.explain,
    dryRun: body.dryRun,
  };
}

type Answered = EvaluationResult & { explanations?: Explanation[] };

/** Each decided result with its explanations, and without the trace that served them when none was asked for. */
async function explained(
  out: Evaluation,
  explainer: ReleaseExplainer,
  keepTrace: boolean,
): Promise<Answered[]> {
  const decided = out.results.flatMap((r) => (r.ok ? [r] : []));
  const sentences = await explainer.explain(
    out.clientId,
    out.release,
    decided.map((r) => r.decision),
  );
  const byIndex = new Map(decided.map((r, i) => [r.index, sentences[i]!]));
  return out.results.map((r): Answered => {
    if (!r.ok) return r;
    const explanations = byIndex.get(r.index)!;
    if (keepTrace || r.replay) return { ...r, explanations };
    const { trace: _trace, ...decision } = r.decision;
    return { ...r, decision, explanations };
  });
}

export const evaluateRoutes: ApiModule = (api, { evaluation, maxBatch, store }) => {
  const explainer = new ReleaseExplainer(store);
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
      const out = await evaluation.evaluate(
        params.clientId,
        [body.order],
        serviceOptions(body),
        caller.actor,
      );
      const result = (body.explain ? await explained(out, explainer, body.trace) : out.results)[0]!;
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
          ...('explanations' in result ? { explanations: result.explanations } : {}),
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
      const out = await evaluation.evaluate(params.clientId, body.orders, serviceOptions(body), caller.actor);
      const results = body.explain ? await explained(out, explainer, body.trace) : out.results;
      return { body: { ...out, results, counts: countByStatus(results) }, sliceField: 'results' };
    },
  });
};
