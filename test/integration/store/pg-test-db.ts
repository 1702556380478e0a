/**
 * PostgreSQL for the store tests: the server scripts/with-postgres.sh started (or any server
 * named by SIGNIN_TEST_PG_URL). Each test store gets its own schema, selected through the
 * URL's `options=-c search_path=…`, so test files run in parallel without seeing each
 * other's rows; the schemas are dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_MISSING =
  'SIGNIN_TEST_PG_URL is not set: the PostgreSQL store tests need a server. Run them through scripts/with-postgres.sh ' +
  '(e.g. scripts/with-postgres.sh scripts/with-keyring.sh npx vitest run --project integration), which starts a throwaway one — ' +
  'or set SIGNIN_TEST_PG_URL=postgres://… to use your own.';

export const pgUrl = (): string | undefined => process.env.SIGNIN_TEST_PG_URL || undefined;

/** The server URL with `search_path` set to `schema`. */
export function urlFor(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export class TestSchemas {
  private readonly admin: pg.Pool;
  private readonly made: string[] = [];
  constructor(private readonly base: string) {
    this.admin = new pg.Pool({ connectionString: base, max: 2 });
  }
  /** A new empty schema; returns the URL that selects it. */
  async create(): Promise<{ schema: string; url: string }> {
    const schema = `signin_test_${randomBytes(6).toString('hex')}`;
    await this.admin.query(`CREATE SCHEMA ${schema}`);
    this.made.push(schema);
    return { schema, url: urlFor(this.base, schema) };
  }
  query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    return this.admin.query(sql, params);
  }
  async dropAll(): Promise<void> {
    for (const schema of this.made.splice(0)) await this.admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await this.admin.end();
  }
}
