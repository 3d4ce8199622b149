import { z } from 'zod';
import {
  ChangesPage,
  ChangesQuery,
  ClientParams,
  ReportDoc,
  SimulationBody,
  SimulationCreated,
  SimulationJobDoc,
  SimulationList,
  SimulationParams,
} from '../../api/index.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

/** Simulation jobs: a history replayed through the live release, or a candidate against it. */
export const simulationRoutes: ApiModule = (api, { store, simulations }) => {
  if (!simulations) return;
  const { jobs } = simulations;
  const requireJob = async (clientId: string, simulationId: string) => {
    const job = await jobs.get(clientId, simulationId);
    if (!job) throw notFound(`simulation "${simulationId}" of client "${clientId}"`);
    return job;
  };
  /** A finished job's result; 409 while it runs, naming its status. */
  const requireDone = async (clientId: string, simulationId: string) => {
    const job = await requireJob(clientId, simulationId);
    if (job.status !== 'done') {
      throw new ApiError(
        409,
        'not_done',
        `simulation "${simulationId}" is ${job.status}${job.error ? `: ${job.error}` : ''}`,
      );
    }
    return job;
  };

  api.add({
    method: 'post',
    path: '/clients/{clientId}/simulations',
    tag: 'simulations',
    summary: 'Start a simulation',
    description:
      'Replays a history through the baseline (the live release by default) and, with a candidate, through the baseline with the candidate strategies in their place, then compares them. A candidate that does not compile is 422 before anything is queued. The job runs off the request path: GET it for status, phase, progress and ETA.',
    permission: 'simulation:run',
    params: ClientParams,
    body: SimulationBody,
    bodyLimit: '8mb',
    responses: {
      202: { description: 'queued', schema: SimulationCreated },
      404: { description: 'no such history, release or version' },
      409: { description: 'the history is still being read, or the client has nothing live' },
      422: {
        description: 'a candidate strategy does not compile against the client (`problems` names each)',
      },
    },
    handler: async ({ params, body, caller }) => {
      await requireClient(store, params.clientId);
      const job = await jobs.create(params.clientId, body, caller.actor);
      return {
        status: 202,
        body: { simulationId: job.simulationId, status: job.status },
        headers: { Location: `/api/v1/clients/${params.clientId}/simulations/${job.simulationId}` },
      };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/simulations',
    tag: 'simulations',
    summary: "List a client's simulations",
    permission: 'simulation:read',
    params: ClientParams,
    responses: { 200: { description: 'newest first', schema: SimulationList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      const stored = await store.simulations.list(params.clientId);
      const current = await Promise.all(
        stored.map(async (j) => (await jobs.get(j.clientId, j.simulationId)) ?? j),
      );
      return { body: { simulations: current } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/simulations/{simulationId}',
    tag: 'simulations',
    summary: 'Read a simulation: status, phase, progress, orders done and ETA',
    permission: 'simulation:read',
    params: SimulationParams,
    responses: { 200: { description: 'the job', schema: SimulationJobDoc } },
    handler: async ({ params }) => ({ body: await requireJob(params.clientId, params.simulationId) }),
  });

  api.add({
    method: 'delete',
    path: '/clients/{clientId}/simulations/{simulationId}',
    tag: 'simulations',
    summary: 'Cancel a simulation',
    permission: 'simulation:run',
    params: SimulationParams,
    responses: {
      200: { description: 'the job, cancelled', schema: SimulationJobDoc },
      409: { description: 'the job already ended' },
    },
    handler: async ({ params }) => ({ body: await jobs.cancel(params.clientId, params.simulationId) }),
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/simulations/{simulationId}/report',
    tag: 'simulations',
    summary: "A finished simulation's report",
    permission: 'simulation:read',
    params: SimulationParams,
    responses: {
      200: { description: "the CLI's JSON report with business metrics", schema: ReportDoc },
      409: { description: 'the job has not finished' },
    },
    handler: async ({ params }) => {
      await requireDone(params.clientId, params.simulationId);
      const text = await store.simulations.report(params.clientId, params.simulationId);
      if (text === undefined) throw notFound(`the report of simulation "${params.simulationId}"`);
      return { text, headers: { 'Content-Type': 'application/json; charset=utf-8' } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/simulations/{simulationId}/report.html',
    tag: 'simulations',
    summary: "A finished simulation's report as one HTML file",
    description: 'Self-contained: charts as inline SVG, no scripts, nothing fetched.',
    permission: 'simulation:read',
    params: SimulationParams,
    responses: {
      200: { description: 'the HTML report', schema: z.string(), contentType: 'text/html' },
      409: { description: 'the job has not finished' },
    },
    handler: async ({ params }) => {
      await requireDone(params.clientId, params.simulationId);
      const text = await store.simulations.html(params.clientId, params.simulationId);
      if (text === undefined) throw notFound(`the report of simulation "${params.simulationId}"`);
      return {
        text,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          // Order text is escaped in the report; this also keeps any script from running if it were not.
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        },
      };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/simulations/{simulationId}/changes',
    tag: 'simulations',
    summary: 'Orders the candidate decided differently, with both decisions and the rules each fired',
    description: 'In decision order, a page at a time: pass nextCursor as cursor for the next page.',
    permission: 'simulation:read',
    params: SimulationParams,
    query: ChangesQuery,
    responses: {
      200: { description: 'a page of changed orders', schema: ChangesPage },
      409: { description: 'the job has not finished' },
    },
    handler: async ({ params, query }) => {
      await requireDone(params.clientId, params.simulationId);
      return {
        body: await store.simulations.changes(params.clientId, params.simulationId, {
          ...(query.kind ? { kind: query.kind } : {}),
          cursor: query.cursor,
          limit: query.limit,
        }),
      };
    },
  });
};
