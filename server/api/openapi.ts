import { z } from 'zod';
import { API_PREFIX, apiRoutes } from '../../contract/api.js';
import { errorInfoSchema } from '../../contract/errors.js';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with,
 * so the document cannot drift from the code.
 */
export function buildOpenApi(version: string, withDemoRoutes: boolean): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(apiRoutes)) {
    if (name === 'getDemoOutbox' && !withDemoRoutes) continue;
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: route.summary,
      ...(route.auth === 'none' ? {} : { security: [{ bearer: [] }], description: `Bearer: the ${route.auth} token.` }),
      responses: {
        '200': { description: 'Success', content: { 'application/json': { schema: json(z.object({ ok: z.literal(true), data: route.response })) } } },
        default: { description: 'Failure (the status follows the error code)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } } },
      },
    };
    if (route.method === 'POST') operation.requestBody = { required: true, content: { 'application/json': { schema: json(route.body) } } };
    (paths[API_PREFIX + route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sign-in Helper directory service', version, description: 'Self-service password reset API spoken by the Sign-in Helper app.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Failure: json(z.object({ ok: z.literal(false), error: errorInfoSchema })) },
    },
  };
}
