import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiMarkdown } from '../../../server/api/api-markdown.js';

describe('docs/api.md', () => {
  it('matches the contract (run `npm run docs:api` after changing contract/api.ts)', () => {
    expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApiMarkdown());
  });
});
