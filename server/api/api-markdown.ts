import { API_PREFIX, apiRoutes, httpStatusOf, LANGUAGE_HEADER } from '../../contract/api.js';
import { errorCodes } from '../../contract/errors.js';
import { SERVICE_VERSION } from '../app.js';
import { buildOpenApi } from './openapi.js';

/** docs/api.md: the routes, their bodies and answers, from the same schemas the service checks. */
export function renderApiMarkdown(): string {
  const doc = buildOpenApi(SERVICE_VERSION, true) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> };
  const lines = [
    '# Directory service API',
    '',
    `Generated from \`contract/api.ts\` by \`npm run docs:api\` — do not edit by hand. The live OpenAPI 3.1 document is served at \`${API_PREFIX}/openapi.json\`.`,
    '',
    'Every answer is `{ "ok": true, "data": … }` or `{ "ok": false, "error": { "code", "message", "supportCode", … } }`. Authenticated routes take `Authorization: Bearer <token>`: the session token from `POST /sessions`, or the reset token from `POST /reset`.',
    '',
    `Every request may carry \`${LANGUAGE_HEADER}\` (the app sends the user's language): one-time codes, notices to the user and helpdesk mails are written in the first of its languages the service writes — \`zh-TW\` (also for zh-Hant, zh-HK, zh-MO) or \`en\` — and in \`en\` otherwise.`,
    '',
    '## Routes',
    '',
    '| method | path | auth | what it does |',
    '| --- | --- | --- | --- |',
    ...Object.values(apiRoutes).map((r) => `| ${r.method} | \`${API_PREFIX}${r.path}\` | ${r.auth} | ${r.summary} |`),
    '',
    '## Error codes and HTTP statuses',
    '',
    '| code | status |',
    '| --- | --- |',
    ...errorCodes.map((c) => `| \`${c}\` | ${httpStatusOf[c]} |`),
    '',
  ];
  for (const [name, r] of Object.entries(apiRoutes)) {
    const op = doc.paths[API_PREFIX + r.path]![r.method.toLowerCase()]!;
    lines.push(`## ${name}: ${r.method} ${API_PREFIX}${r.path}`, '', r.summary, '');
    if (op.requestBody) lines.push('Request body:', '', '```json', JSON.stringify(op.requestBody.content['application/json']!.schema, null, 2), '```', '');
    lines.push('Success (200):', '', '```json', JSON.stringify(op.responses['200']!.content['application/json']!.schema, null, 2), '```', '');
  }
  return `${lines.join('\n')}`;
}
