/**
 * Property: for EVERY route of contract/api.ts, a body built from the route's own fields, with
 * one field (or several) varied in length, control characters, encoding and type, never gets
 * a 5xx — and the requests carry live session and reset tokens with challenges asked, so the
 * bodies the schema admits reach the verifiers (TOTP, sent codes, questions, WebAuthn), the
 * phone parser, the password check and the helpdesk.
 *
 * The fields come from each route's body schema (`shape`), so a new route or field is fuzzed
 * without touching this file; only its base body below must be written (the type forces it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_PREFIX, apiRoutes, type ApiRouteName } from '../../../contract/api.js';
import { errorInfoSchema } from '../../../contract/errors.js';
import { passkeyFields } from '../../../server/methods/securityKey/passkey-record.js';
import type { SsprPolicy } from '../../../server/policy/policy.js';
import { ANSWERS, createFastHarness, latestCodeTo, ALAIN_EMAIL, ALAIN_EMAIL_ADDRESS } from '../../support/api-flows.js';
import { ALAIN, ALAIN_APP, MEGAN, alainCode, DEMO_PASSWORD, failure, success, type ApiHarness } from '../../support/api-harness.js';
import { HOUR, MINUTE } from '../../support/fake-clock.js';

const resultShape = z.union([z.strictObject({ ok: z.literal(true), data: z.unknown() }), z.strictObject({ ok: z.literal(false), error: errorInfoSchema })]);

/** Limits out of the way: this test is about what reaches the verifiers, not about the limits (abuse tests own those). */
const roomy = { max: 1_000_000, windowMs: HOUR, blockMs: MINUTE };
const policy: Partial<SsprPolicy> = { verifyFailures: roomy, codeSends: roomy, emailSends: roomy, resetsPerAccount: roomy, perAddress: roomy, signInFailures: roomy, helpdeskRequests: roomy };

const ALAIN_KEY = 'm-alain-key';
const KEY_ID = 'AAECAwQFBgcICQoLDA0ODw';
const assertion = { id: KEY_ID, rawId: KEY_ID, type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA', userHandle: 'AA' } };
const registration = { id: KEY_ID, rawId: KEY_ID, type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2NmbXRkbm9uZQ', transports: ['usb'] } };

/** The live state one route is fuzzed against: alain elevated, a setup of each kind begun, a reset with every challenge asked, a passed reset. */
interface World {
  h: ApiHarness;
  session: string;
  /** megan's session, holding the setups. */
  setupSession: string;
  reset: string;
  passedReset: string;
  passedUnlock: string;
  setups: { app: string; phone: string; email: string; key: string };
  /** Ask again for what a wrong proof spends (questions are re-drawn after a wrong answer; a WebAuthn challenge is taken when tried). */
  refresh(): Promise<void>;
  questionIds: string[];
}

async function createWorld(): Promise<World> {
  const h = await createFastHarness(policy);
  await h.ctx.store.addMethod({ id: ALAIN_KEY, userId: ALAIN, type: 'securityKey', label: 'YubiKey', createdAt: new Date(h.clock()).toISOString(), ...passkeyFields(h.ctx, { credentialId: KEY_ID, publicKey: 'pQECAyYgASFYIA', counter: 0 }) });
  const session = await h.signIn(ALAIN);
  success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, session));
  success(await h.call('registerQuestions', { answers: ANSWERS }, session));
  // megan has no method yet: her session may begin a setup of every kind (alain already has his email).
  const setupSession = await h.signIn(MEGAN);
  const setups = {
    app: success(await h.call('beginAuthenticatorApp', {}, setupSession)).setupId,
    phone: success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+14255550142' }, setupSession)).setupId,
    email: success(await h.call('beginEmail', { address: 'fuzz@example.net' }, setupSession)).setupId,
    key: success(await h.call('beginSecurityKey', {}, setupSession)).setupId,
  };
  const questionsId = (await h.ctx.store.listMethods(ALAIN)).find((m) => m.type === 'questions')!.id;
  const reset = success(await h.call('startReset', { userId: ALAIN }, undefined)).resetToken;
  // A passed reset and a passed unlock: alain's email code (his app's current step is spent by the sign-in above).
  const passed = async (mode: 'reset' | 'unlock') => {
    const token = success(await h.call('startReset', { userId: ALAIN, mode })).resetToken;
    success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, token));
    success(await h.call('verifyReset', { methodId: ALAIN_EMAIL, code: latestCodeTo(h, ALAIN_EMAIL_ADDRESS) }, token));
    return token;
  };
  const passedReset = await passed('reset');
  const passedUnlock = await passed('unlock');
  const world: World = {
    h,
    session,
    setupSession,
    reset,
    passedReset,
    passedUnlock,
    setups,
    questionIds: [],
    // Best effort: a fuzzed request may have ended the session or spent the reset; the fuzz goes on regardless.
    async refresh() {
      await h.call('startSecondFactor', { methodId: ALAIN_KEY }, session);
      await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, reset);
      await h.call('startResetChallenge', { methodId: ALAIN_KEY }, reset);
      const drawn = await h.call('startResetChallenge', { methodId: questionsId }, reset);
      if (drawn.body.ok && drawn.body.data.kind === 'questions') world.questionIds = drawn.body.data.questions.map((q) => q.id);
    },
  };
  await world.refresh();
  return world;
}

type TokenKind = 'none' | 'session' | 'setupSession' | 'reset' | 'passedReset' | 'passedUnlock';
interface Base {
  label: string;
  token: TokenKind;
  body: (w: World) => Record<string, unknown>;
}
const answersFor = (w: World, answer = 'Lincoln Elementary') => w.questionIds.map((questionId) => ({ questionId, answer }));

/** Per route, bodies that reach the deepest check; every route has at least one (the type refuses a missing one). */
const bases: { [N in ApiRouteName]: Base[] } = {
  getTenant: [{ label: 'plain', token: 'none', body: () => ({}) }],
  getPasswordPolicy: [{ label: 'plain', token: 'none', body: () => ({}) }],
  checkPassword: [{ label: 'alain', token: 'none', body: () => ({ newPassword: 'a long new password 2026', userId: ALAIN }) }],
  signIn: [{ label: 'alain', token: 'none', body: () => ({ userId: ALAIN, password: DEMO_PASSWORD }) }],
  startSecondFactor: [
    { label: 'app', token: 'session', body: () => ({ methodId: ALAIN_APP }) },
    { label: 'key', token: 'session', body: () => ({ methodId: ALAIN_KEY }) },
  ],
  verifySecondFactor: [
    { label: 'app code', token: 'session', body: () => ({ methodId: ALAIN_APP, code: '123456' }) },
    { label: 'key assertion', token: 'session', body: () => ({ methodId: ALAIN_KEY, assertion }) },
  ],
  signOut: [{ label: 'plain', token: 'session', body: () => ({}) }],
  getSecurityInfo: [{ label: 'plain', token: 'session', body: () => ({}) }],
  beginAuthenticatorApp: [{ label: 'plain', token: 'session', body: () => ({}) }],
  confirmAuthenticatorApp: [{ label: 'live setup', token: 'setupSession', body: (w) => ({ setupId: w.setups.app, code: '123456', name: 'Phone' }) }],
  beginPhone: [
    { label: 'sms', token: 'session', body: () => ({ type: 'sms', phoneNumber: '+14255550142' }) },
    { label: 'voice, national', token: 'session', body: () => ({ type: 'voice', phoneNumber: '4255550142', country: 'US' }) },
  ],
  confirmPhone: [{ label: 'live setup', token: 'setupSession', body: (w) => ({ setupId: w.setups.phone, code: '123456' }) }],
  beginEmail: [{ label: 'address', token: 'setupSession', body: () => ({ address: 'someone@example.net' }) }],
  confirmEmail: [{ label: 'live setup', token: 'setupSession', body: (w) => ({ setupId: w.setups.email, code: '12345678' }) }],
  beginSecurityKey: [{ label: 'platform', token: 'session', body: () => ({ attachment: 'platform' }) }],
  confirmSecurityKey: [{ label: 'live setup', token: 'setupSession', body: (w) => ({ setupId: w.setups.key, name: 'Key', response: registration }) }],
  getQuestionPool: [{ label: 'plain', token: 'session', body: () => ({}) }],
  registerQuestions: [{ label: 'answers', token: 'session', body: () => ({ answers: ANSWERS }) }],
  removeMethod: [{ label: 'unknown id', token: 'session', body: () => ({ methodId: 'm-nobody' }) }],
  renameMethod: [{ label: 'app', token: 'session', body: () => ({ methodId: ALAIN_APP, name: 'Work phone' }) }],
  skipRegistration: [{ label: 'plain', token: 'session', body: () => ({}) }],
  setDefaultMethod: [{ label: 'app', token: 'session', body: () => ({ methodId: ALAIN_APP }) }],
  reconfirmSecurityInfo: [{ label: 'plain', token: 'session', body: () => ({}) }],
  startReset: [{ label: 'alain', token: 'none', body: () => ({ userId: ALAIN, mode: 'unlock' }) }],
  startResetChallenge: [
    { label: 'email', token: 'reset', body: () => ({ methodId: ALAIN_EMAIL }) },
    { label: 'key', token: 'reset', body: () => ({ methodId: ALAIN_KEY }) },
  ],
  verifyReset: [
    { label: 'app code', token: 'reset', body: () => ({ methodId: ALAIN_APP, code: '123456' }) },
    { label: 'email code', token: 'reset', body: () => ({ methodId: ALAIN_EMAIL, code: '12345678' }) },
    { label: 'key assertion', token: 'reset', body: () => ({ methodId: ALAIN_KEY, assertion }) },
    { label: 'questions', token: 'reset', body: (w) => ({ methodId: 'questions-of-alain', answers: answersFor(w) }) },
  ],
  completeReset: [{ label: 'passed reset', token: 'passedReset', body: () => ({ newPassword: 'a long new password 2026' }) }],
  unlockAccount: [{ label: 'passed unlock', token: 'passedUnlock', body: () => ({}) }],
  extendReset: [{ label: 'live reset', token: 'reset', body: () => ({}) }],
  changePassword: [{ label: 'alain', token: 'none', body: () => ({ userId: ALAIN, oldPassword: DEMO_PASSWORD, newPassword: 'a long new password 2026' }) }],
  contactHelpdesk: [{ label: 'alain', token: 'none', body: () => ({ userId: ALAIN, reason: 'OTHER' }) }],
  getDemoOutbox: [{ label: 'plain', token: 'none', body: () => ({}) }],
};

/**
 * What the fuzz must have met on its way, per route: proof that the bodies got past the
 * schema and the tokens into the check behind them (a fuzz that only ever met BAD_REQUEST or
 * UNAUTHORIZED would prove nothing about the verifiers).
 */
const mustReach: Partial<Record<ApiRouteName, string[]>> = {
  signIn: ['INVALID_CREDENTIALS', 'ok'],
  startSecondFactor: ['ok'],
  verifySecondFactor: ['INVALID_CODE'],
  confirmAuthenticatorApp: ['INVALID_CODE'],
  beginPhone: ['ok'],
  confirmPhone: ['INVALID_CODE'],
  beginEmail: ['ok'],
  confirmEmail: ['INVALID_CODE'],
  confirmSecurityKey: ['INVALID_CODE'],
  registerQuestions: ['ok'],
  renameMethod: ['ok'],
  startReset: ['ok'],
  startResetChallenge: ['ok'],
  verifyReset: ['INVALID_CODE'],
  completeReset: ['POLICY_VIOLATION'],
  unlockAccount: ['ok'],
  extendReset: ['ok'],
  changePassword: ['INVALID_CREDENTIALS'],
  checkPassword: ['ok'],
  contactHelpdesk: ['ok'],
};

// ---- variants -------------------------------------------------------------------------

const CONTROLS = ['\0', '\r\n', '\n', '\r', '\t', '\x1b', '\x7f', '\u0085', '\u2028', '\u2029', '\u202e', '\u200f', '\u2066'];
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A string of length n in the style of `base` (an address keeps its domain, digits stay digits). */
function ofLength(base: string, n: number): string {
  if (n <= 0) return '';
  const at = base.indexOf('@');
  if (at > 0 && n > base.length - at) return 'a'.repeat(n - (base.length - at)) + base.slice(at);
  return base.repeat(Math.ceil(n / base.length)).slice(0, n);
}

/** What the schema says a string field may hold at most (codes: 8 digits), else a generous guess. */
function maxOf(schema: z.ZodType | undefined): number {
  let s: unknown = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
  return s instanceof z.ZodString && typeof s.maxLength === 'number' ? s.maxLength : 64;
}

/** Variants of one string value: lengths, control characters, encodings. */
function stringVariants(base: string, max: number): string[] {
  const lengths = [0, 1, max - 1, max, max + 1, 10 * max].filter((n) => n >= 0);
  // Codes: every length around the digits a method may use (6 for an app, 8 for email).
  if (/^\d+$/.test(base)) lengths.push(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16);
  const mid = Math.floor(base.length / 2);
  return [
    ...new Set([
      ...lengths.map((n) => ofLength(base, n)),
      ...CONTROLS.flatMap((c) => [base + c, c + base, base.slice(0, mid) + c + base.slice(mid)]),
      `${base}\r\nSupport code: 0000000000\r\nBcc: attacker@example.org`,
      `${base}\nReason: OTHER`,
      // encodings
      '\ud800',
      `${base}\udfff`,
      `\udc00${base}`,
      `${base}\u0301`,
      'e\u0301'.repeat(Math.max(1, Math.floor(max / 2))),
      fullWidth(base),
      '１２３４５６',
      '１２３４５６７８',
      '٠١٢٣٤٥',
      '😀',
      `${base}👩‍💻`,
      '😀'.repeat(max),
      `ﬁ${base}`,
      'Ⅻ',
      '①②③④⑤⑥',
      `\u200b${base}`,
      `\ufeff${base}`,
      ` ${base} `,
      `\u00a0${base}`,
      '   ',
      `${base}İ`,
      base.toUpperCase(),
      `${base}ß`,
    ]),
  ];
}

const WRONG_TYPES: unknown[] = [42, 0, -1, 1.5, 1e308, true, false, null, {}, [], ['x'], { toString: 'x' }, JSON.parse('{"__proto__": {"admin": true}}')];

/** Variants of a value of any shape: strings as above; arrays and objects varied inside; wrong types for all. */
function valueVariants(base: unknown, schema: z.ZodType | undefined): unknown[] {
  if (typeof base === 'string') return [...stringVariants(base, maxOf(schema)), ...WRONG_TYPES];
  if (Array.isArray(base)) {
    const first = base[0];
    const inner = first === undefined ? [] : valueVariants(first, undefined).map((v) => [v, ...base.slice(1)]);
    return [[], base.slice(0, 1), [...base, ...base], Array.from({ length: 50 }, () => first), ...inner, ...WRONG_TYPES];
  }
  if (base !== null && typeof base === 'object') {
    const entries = Object.entries(base as Record<string, unknown>);
    const inner = entries.flatMap(([k, v]) => valueVariants(v, undefined).map((variant) => ({ ...(base as object), [k]: variant })));
    return [...inner, ...entries.map(([k]) => Object.fromEntries(entries.filter(([x]) => x !== k))), ...WRONG_TYPES];
  }
  return [...WRONG_TYPES, 'x'];
}

/** The fields of a body schema: an object's shape, or every option's of a union (a route taking a proof by id or by type). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodUnion) return Object.assign({}, ...(schema.options as z.ZodType[]).map(shapeOf)) as Record<string, z.ZodType>;
  return {};
}

/** Every field of the route's schema (optional ones the base leaves out too) with its variants. */
function fieldVariants(name: ApiRouteName, body: Record<string, unknown>): { field: string; values: unknown[] }[] {
  const shape = shapeOf(apiRoutes[name].body);
  const fields = [...new Set([...Object.keys(shape), ...Object.keys(body)])];
  return fields.map((field) => {
    const base = body[field] ?? (field === 'answers' ? ANSWERS : field === 'assertion' ? assertion : field === 'code' ? '123456' : 'x');
    return { field, values: valueVariants(base, shape[field]) };
  });
}

// ---- running ----------------------------------------------------------------------------

interface Finding {
  route: string;
  base: string;
  body: string;
  status: number;
}

function tokenOf(w: World, kind: TokenKind): string | undefined {
  return kind === 'none' ? undefined : w[kind];
}

async function send(w: World, name: ApiRouteName, token: string | undefined, payload: string | Buffer) {
  const route = apiRoutes[name];
  const response = await w.h.app.inject({
    method: route.method,
    url: API_PREFIX + route.path,
    payload,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  let parsed: z.infer<typeof resultShape> | undefined;
  try {
    const r = resultShape.safeParse(response.json());
    parsed = r.success ? r.data : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.statusCode, shaped: parsed !== undefined, outcome: parsed === undefined ? 'unshaped' : parsed.ok ? 'ok' : parsed.error.code };
}

const routeNames = Object.keys(apiRoutes) as ApiRouteName[];

/** Fuzz one route of `w` from each of `baseList`: every field's variants one at a time, then mixed at random. */
async function fuzzRoute(w: World, name: ApiRouteName, baseList: readonly Base[]): Promise<{ findings: Finding[]; outcomes: Set<string> }> {
  const findings: Finding[] = [];
  const outcomes = new Set<string>();
  for (const base of baseList) {
    // The questions base names alain's real questions method.
    const questionsId = (await w.h.ctx.store.listMethods(ALAIN)).find((m) => m.type === 'questions')?.id ?? 'none';
    const bodyOf = () => {
      const b = base.body(w);
      if (b.methodId === 'questions-of-alain') b.methodId = questionsId;
      return b;
    };
    // Whether the last request may have spent a challenge or a draw: a body the schema refused
    // (BAD_REQUEST) spent nothing, so the world is asked again only after one that got further —
    // the refresh costs four requests, and most variants are refused at the schema.
    let spent = true;
    const refresh = async () => {
      if (!spent) return;
      await w.refresh();
      spent = false;
    };
    const record = async (payload: string | Buffer, label: string) => {
      const { status, shaped, outcome } = await send(w, name, tokenOf(w, base.token), payload);
      outcomes.add(outcome);
      spent = outcome !== 'BAD_REQUEST';
      if (status >= 500 || !shaped) findings.push({ route: name, base: base.label, body: label.slice(0, 300), status });
    };
    // One field at a time, every variant: the exhaustive table.
    for (const { field, values } of fieldVariants(name, bodyOf())) {
      for (const value of values) {
        await refresh();
        const body = { ...bodyOf(), [field]: value };
        await record(JSON.stringify(body), JSON.stringify(body));
      }
      // Bytes that are not UTF-8 inside the field's string.
      const raw = Buffer.concat([Buffer.from(JSON.stringify({ ...bodyOf(), [field]: 'AB' }).replace('"AB"', '"A')), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('B"')]);
      await record(raw, `${field}: invalid UTF-8`);
    }
    // The base itself, last (it may end the session or spend the reset).
    await record(JSON.stringify(bodyOf()), 'the base body');
    // Several fields varied at once, at random.
    const perField = fieldVariants(name, bodyOf());
    if (perField.length > 0) {
      const bodies = fc.tuple(...perField.map(({ field, values }) => fc.option(fc.constantFrom(...values).map((v) => [field, v] as const), { nil: undefined })));
      await fc.assert(
        fc.asyncProperty(bodies, async (changes) => {
          await refresh();
          const body = { ...bodyOf(), ...Object.fromEntries(changes.filter((c) => c !== undefined)) };
          await record(JSON.stringify(body), `(mixed) ${JSON.stringify(body)}`);
        }),
        { numRuns: 30 },
      );
    }
  }
  return { findings, outcomes };
}

describe('every field of every route, varied, behind live tokens: never a 5xx', () => {
  it.each(routeNames)('%s', { timeout: 120_000 }, async (name) => {
    const w = await createWorld();
    try {
      const { findings, outcomes } = await fuzzRoute(w, name, bases[name]);
      expect(findings).toEqual([]);
      expect([...outcomes]).toEqual(expect.arrayContaining(mustReach[name] ?? []));
    } finally {
      await w.h.close();
    }
  });
});

/**
 * With `hideAccountState`, a reset proves a method by TYPE (the full address for a code): the
 * same fuzz at the reset routes, by type, with the challenges asked by type.
 */
const hiddenBases: { [N in 'startReset' | 'startResetChallenge' | 'verifyReset']: Base[] } = {
  startReset: [{ label: 'alain, hidden', token: 'none', body: () => ({ userId: ALAIN }) }],
  startResetChallenge: [
    { label: 'email by address', token: 'reset', body: () => ({ methodType: 'email', address: ALAIN_EMAIL_ADDRESS }) },
    { label: 'text by number', token: 'reset', body: () => ({ methodType: 'sms', address: '4255550123', country: 'US' }) },
    { label: 'key', token: 'reset', body: () => ({ methodType: 'securityKey' }) },
  ],
  verifyReset: [
    { label: 'app code', token: 'reset', body: () => ({ methodType: 'authenticatorApp', code: '123456' }) },
    { label: 'email code', token: 'reset', body: () => ({ methodType: 'email', code: '12345678' }) },
    { label: 'key assertion', token: 'reset', body: () => ({ methodType: 'securityKey', assertion }) },
    { label: 'questions', token: 'reset', body: (w) => ({ methodType: 'questions', answers: answersFor(w) }) },
  ],
};

const hiddenReach: Record<keyof typeof hiddenBases, string[]> = { startReset: ['ok'], startResetChallenge: ['ok'], verifyReset: ['INVALID_CODE'] };

describe('hideAccountState on: the reset routes by method type, varied: never a 5xx', () => {
  it.each(Object.keys(hiddenBases) as (keyof typeof hiddenBases)[])('%s', { timeout: 120_000 }, async (name) => {
    const w = await createWorld();
    try {
      w.h.ctx.policy = { ...w.h.ctx.policy, hideAccountState: true };
      const hiddenReset = success(await w.h.call('startReset', { userId: ALAIN })).resetToken;
      w.reset = hiddenReset;
      w.refresh = async () => {
        await w.h.call('startResetChallenge', { methodType: 'email', address: ALAIN_EMAIL_ADDRESS } as never, hiddenReset);
        await w.h.call('startResetChallenge', { methodType: 'securityKey' } as never, hiddenReset);
        const drawn = await w.h.call('startResetChallenge', { methodType: 'questions' } as never, hiddenReset);
        if (drawn.body.ok && drawn.body.data.kind === 'questions') w.questionIds = drawn.body.data.questions.map((q) => q.id);
      };
      const { findings, outcomes } = await fuzzRoute(w, name, hiddenBases[name]);
      expect(findings).toEqual([]);
      // Once the contract takes proofs by type, the fuzz must get through to the checks behind them.
      if ('methodType' in shapeOf(apiRoutes[name].body)) expect([...outcomes]).toEqual(expect.arrayContaining(hiddenReach[name]));
    } finally {
      await w.h.close();
    }
  });
});

describe('the TOTP verifier: a code of another length is a wrong code, counted', () => {
  it.each(['1234567', '12345678'])('%s at sign-in second factor → 400 INVALID_CODE, one failure counted', async (code) => {
    const h = await createFastHarness({ verifyFailures: { max: 2, windowMs: HOUR, blockMs: HOUR } });
    try {
      const token = await h.signIn(ALAIN);
      const first = await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, token);
      expect(first.status).toBe(400);
      expect(failure(first).code).toBe('INVALID_CODE');
      // Counted: with a limit of 2, one more wrong try blocks the method — even the right code.
      expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, token)).code).toBe('INVALID_CODE');
      expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, token)).code).toBe('THROTTLED');
    } finally {
      await h.close();
    }
  });

  it('an authenticator app step spent ahead of this clock (another instance, a clock set back) is refused, not a 500', async () => {
    const h = await createFastHarness();
    try {
      const token = await h.signIn(ALAIN);
      success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, token));
      h.clock.advance(-5 * MINUTE);
      const second = await h.signIn(ALAIN);
      const reply = await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, second);
      expect(reply.status).toBe(400);
      expect(failure(reply).code).toBe('INVALID_CODE');
    } finally {
      await h.close();
    }
  });
});
