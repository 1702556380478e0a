/**
 * Render docs/api.md from the OpenAPI document the service generates from contract/api.ts.
 * `npm run docs:api` rewrites it; a unit test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderApiMarkdown } from '../server/api/api-markdown.js';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'api.md'), renderApiMarkdown());
console.log('wrote docs/api.md');
