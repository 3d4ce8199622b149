import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read as free JSON
type Doc = any;

/** Every `$ref` in a JSON value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) refs(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  let server: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    server = await TestServer.start();
    const answer = await server.call('GET', '/api/v1/openapi.json', { key: null });
    expect(answer.status).toBe(200);
    doc = answer.body;
  });
  afterAll(() => server.stop());

  it('is OpenAPI 3 with every route of API v1', () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/clients',
        '/clients/{clientId}',
        '/clients/{clientId}/strategies',
        '/clients/{clientId}/strategies/{strategyId}',
        '/clients/{clientId}/strategies/{strategyId}/versions',
        '/clients/{clientId}/strategies/{strategyId}/versions/{version}',
        '/clients/{clientId}/live',
        '/clients/{clientId}/publish',
        '/clients/{clientId}/rollback',
        '/clients/{clientId}/evaluate',
        '/clients/{clientId}/evaluate/batch',
        '/clients/{clientId}/audit/decisions',
        '/clients/{clientId}/audit/releases',
        '/clients/{clientId}/state',
        '/keys',
        '/keys/{keyId}',
      ]),
    );
  });

  it('describes requests with the schemas that validate them', () => {
    const put = doc.paths['/clients/{clientId}/strategies/{strategyId}'].put;
    expect(put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Strategy',
    });
    expect(put.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:clientId', 'path:strategyId', 'header:If-Match']),
    );
    expect(Object.keys(put.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '409', '413', '428']),
    );
    const strategy = doc.components.schemas.Strategy;
    expect(strategy.required).toEqual(
      expect.arrayContaining(['formatVersion', 'id', 'clientId', 'family', 'nodes']),
    );
    expect(strategy.properties.family.enum).toContain('routing');
    const clientId = doc.paths['/clients/{clientId}'].get.parameters[0];
    expect(clientId.schema.pattern).toBeDefined();
  });

  it('names its schemas, resolves every reference, and requires a key everywhere', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Strategy',
        'Client',
        'Decision',
        'Release',
        'VersionRecord',
        'Error',
        'Evaluate',
      ]),
    );
    for (const ref of refs(doc)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of Object.values<Doc>(doc.paths)) {
      for (const op of Object.values<Doc>(path)) expect(op.security).toEqual([{ apiKey: [] }]);
    }
  });
});
