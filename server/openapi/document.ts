import { type OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';

export const API_BASE = '/api/v1';

/** Lets routes declare `security: [{ apiKey: [] }]`. */
export function registerSecurity(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An Ordergraph API key: `Authorization: Bearer og_…` (or the header `X-API-Key: og_…`)',
  });
}

/** The OpenAPI 3 document of API v1, from the routes registered with the same schemas that validate them. */
export function openApiDocument(registry: OpenAPIRegistry): object {
  return new OpenApiGeneratorV3(registry.definitions, { sortComponents: 'alphabetically' }).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Ordergraph API',
      version: '1.0.0',
      description:
        'Clients, strategies, immutable versions, publish and rollback, and order evaluation with traces. ' +
        'Every request needs an API key; roles: admin, consultant, developer, viewer, service.',
    },
    servers: [{ url: API_BASE }],
  });
}
