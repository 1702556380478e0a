/**
 * Secrets at rest: after a real registration-and-reset scenario against a SQLite store, the
 * database files (main, WAL, shared memory) and the audit log hold none of the canaries —
 * no TOTP secret, phone number, alternate email, answer, code, password or token.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes, type ApiBody, type ApiRouteName } from '../../../contract/api.js';
import { buildServer } from '../../../server/app.js';
import { createDemoContext } from '../../../server/create-demo-context.js';
import { Argon2Hasher } from '../../../server/crypto/hasher.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../../server/demo/contoso.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'signin-rest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CANARY_PHONE = '+14255550199';
const CANARY_EMAIL = 'megan.canary@example.net';
const CANARY_ANSWERS = ['Canary Elementary', 'Canary Street', 'Canary the Cat'];
const CANARY_PASSWORD = 'Canary-New-Passw0rd-77';

describe('nothing secret is stored in the clear', () => {
  it('a whole registration and reset leaves no canary in the SQLite files or the audit log', async () => {
    const path = join(dir, 'sspr.db');
    const store = SqliteStore.open(path);
    let now = Date.now();
    const ctx = await createDemoContext({ store, clock: () => now, hasher: new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }), policy: { methodsEnabled: ['authenticatorApp', 'sms', 'voice', 'email', 'questions'] } });
    const app = await buildServer(ctx);
    const seen: string[] = [DEMO_PASSWORD, DEMO_TOTP_SECRET, CANARY_PHONE, CANARY_PHONE.slice(2), CANARY_EMAIL, CANARY_PASSWORD, ...CANARY_ANSWERS, ...CANARY_ANSWERS.map((a) => a.toLowerCase())];
    const call = async <N extends ApiRouteName>(name: N, body: ApiBody<N>, token?: string) => {
      const route = apiRoutes[name];
      const res = await app.inject({ method: route.method, url: API_PREFIX + route.path, ...(route.method === 'POST' ? { payload: body as object } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });
      const json = res.json() as { ok: boolean; data: Record<string, unknown>; error?: { code: string } };
      expect(json.ok, `${name}: ${JSON.stringify(json.error)}`).toBe(true);
      return json.data as never;
    };
    const lastCode = () => /\b(\d{6,8})\b/.exec(ctx.outbox!.list().at(-1)!.body)![1]!;

    // megan registers an authenticator app, a phone, an email and questions.
    const session: { sessionToken: string } = await call('signIn', { userId: 'megan@contoso.com', password: DEMO_PASSWORD });
    seen.push(session.sessionToken);
    const setup: { setupId: string; secret: string } = await call('beginAuthenticatorApp', {}, session.sessionToken);
    seen.push(setup.secret);
    const appCode = await generate({ secret: setup.secret, epoch: Math.floor(now / 1000) });
    await call('confirmAuthenticatorApp', { setupId: setup.setupId, code: appCode, name: 'Phone' }, session.sessionToken);
    const phone: { setupId: string } = await call('beginPhone', { type: 'sms', phoneNumber: CANARY_PHONE }, session.sessionToken);
    seen.push(lastCode());
    await call('confirmPhone', { setupId: phone.setupId, code: lastCode() }, session.sessionToken);
    const email: { setupId: string } = await call('beginEmail', { address: CANARY_EMAIL }, session.sessionToken);
    seen.push(lastCode());
    await call('confirmEmail', { setupId: email.setupId, code: lastCode() }, session.sessionToken);
    const pool: { questions: { id: string }[] } = await call('getQuestionPool', {}, session.sessionToken);
    await call('registerQuestions', { answers: pool.questions.slice(0, 3).map((q, i) => ({ questionId: q.id, answer: CANARY_ANSWERS[i]! })) }, session.sessionToken);

    // Then resets with a text message.
    now += 60_000;
    const reset: { resetToken: string; methods: { id: string; type: string }[] } = await call('startReset', { userId: 'megan@contoso.com' });
    seen.push(reset.resetToken);
    const sms = reset.methods.find((m) => m.type === 'sms')!;
    await call('startResetChallenge', { methodId: sms.id }, reset.resetToken);
    seen.push(lastCode());
    await call('verifyReset', { methodId: sms.id, code: lastCode() }, reset.resetToken);
    await call('completeReset', { newPassword: CANARY_PASSWORD }, reset.resetToken);

    const audit = JSON.stringify(await store.listAudit());
    await app.close();
    await store.close();
    const files = [path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expect(files.join('').length).toBeGreaterThan(10_000); // the scenario was written
    const found = seen.filter((canary) => files.some((bytes) => bytes.includes(canary)) || audit.includes(canary));
    expect(found).toEqual([]);
  }, 30_000);
});
