/**
 * Property: random SEQUENCES of API calls (resets for any demo user, challenges, right /
 * wrong / stale proofs, completes, unlocks, sign-ins, step-ups, setups, waiting) never skip
 * a gate. A model replays what a legitimate user could know (codes read from the outbox for
 * the challenge they asked for, the current TOTP, the answers they registered) and checks:
 * never a 5xx; every body a valid Result of the route's schema; a proof is accepted only when
 * the model says it was the right, live one; completeReset / unlockAccount succeed only when
 * the model says the reset's gates were passed legitimately (and do succeed when they were).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiRoutes, type ApiBody, type ApiRouteName, type MethodChoice } from '../../../../contract/api.js';
import { ADELE, ALAIN, DEMO_PASSWORD, DEMO_TOTP_SECRET, LEE, MEGAN, createApiHarness, type ApiHarness } from '../../../support/api-harness.js';
import { ALL_METHODS, ANSWERS, codeIn, fastHasher, otherCode, outbox } from '../../../support/api-flows.js';
import { FAKE_CLOCK_START, MINUTE } from '../../../support/fake-clock.js';
import { freshDemoState } from '../../../support/fresh-demo-state.js';
import { totpCode } from '../../../support/totp.js';

type Proof = 'right' | 'wrong' | 'stale';
type Step =
  | { t: 'startReset'; user: string; mode: 'reset' | 'unlock' }
  | { t: 'challenge' | 'verify' | 'pass'; r: number; m: number; proof: Proof }
  | { t: 'complete'; r: number; weak: boolean }
  | { t: 'unlock'; r: number }
  | { t: 'signIn'; user: string; wrong: boolean }
  | { t: 'stepUp'; s: number; proof: Proof }
  | { t: 'setup'; s: number; kind: 'sms' | 'email' | 'questions'; proof: Proof }
  | { t: 'wait'; ms: number };

const proof = fc.constantFrom<Proof>('right', 'right', 'wrong', 'stale');
const ix = fc.nat(2);
// Weighted towards the reset path so most runs reach verify and complete.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('startReset' as const), user: fc.constantFrom(ALAIN, ALAIN, ALAIN, MEGAN, ADELE, LEE, 'nobody@contoso.com'), mode: fc.constantFrom('reset' as const, 'reset' as const, 'unlock' as const) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constantFrom('challenge' as const, 'verify' as const, 'pass' as const, 'pass' as const), r: ix, m: ix, proof }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('complete' as const), r: ix, weak: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unlock' as const), r: ix }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('signIn' as const), user: fc.constantFrom(ALAIN, MEGAN), wrong: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('stepUp' as const), s: ix, proof }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('setup' as const), s: ix, kind: fc.constantFrom('sms' as const, 'email' as const, 'questions' as const), proof }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.constantFrom(31_000, 6 * MINUTE, 16 * MINUTE) }) },
);

interface ModelReset { token: string; userId: string; mode: 'reset' | 'unlock'; expiresAt: number; offered: MethodChoice[]; passed: Set<string>; completed: boolean; challenges: Map<string, { code?: string; draw?: string[]; expiresAt: number }> }
interface ModelSession { token: string; userId: string; expiresAt: number; elevated: boolean; methods: MethodChoice[] }
interface Model { resets: ModelReset[]; sessions: ModelSession[]; seen: string[]; methods: Map<string, { id: string; type: string }[]>; passwords: Map<string, string>; counter: number }

const ADDRESS: Record<string, { phone: string; email: string }> = { [ALAIN]: { phone: '+1 425 555 0143', email: 'alain.work@example.org' }, [MEGAN]: { phone: '+1 425 555 0142', email: 'megan.bowen@example.org' } };
const STEP_UP = new Set(['authenticatorApp', 'sms', 'voice', 'securityKey']);
const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness({ hasher: fastHasher(), policy: { methodsEnabled: ALL_METHODS, perAddress: { max: 10_000, windowMs: MINUTE, blockMs: MINUTE } } });
});
afterAll(() => h.close());

/** Call a route: never a 5xx, and a success body must match the route's response schema. */
async function act<N extends ApiRouteName>(name: N, body: ApiBody<N>, token?: string) {
  const reply = await h.call(name, body, token);
  expect(reply.status, `${name} → ${reply.status}`).toBeLessThan(500);
  if (reply.body.ok) apiRoutes[name].response.parse(reply.body.data);
  return reply;
}

const validTotp = async () => new Set(await Promise.all([-30_000, 0, 30_000].map((d) => totpCode(DEMO_TOTP_SECRET, h.clock() + d))));
const staleCode = (m: Model, not: string | undefined, digits: number) => m.seen.find((c) => c !== not && c.length === digits) ?? '9'.repeat(digits);
/** The gates as the model counts them: a passed method still registered, one not questions. */
const gatesOk = (m: Model, r: ModelReset) => (m.methods.get(r.userId) ?? []).some((x) => r.passed.has(x.id) && x.type !== 'questions');
const live = (r: ModelReset) => !r.completed && h.clock() < r.expiresAt;

/** A code proof for one method: [code, legit]. */
async function codeProof(m: Model, type: string, challenge: { code?: string; expiresAt: number } | undefined, kind: Proof): Promise<[string, boolean]> {
  if (type === 'authenticatorApp') {
    const code = kind === 'right' ? await totpCode(DEMO_TOTP_SECRET, h.clock()) : kind === 'stale' ? await totpCode(DEMO_TOTP_SECRET, h.clock() - 90_000) : otherCode(await totpCode(DEMO_TOTP_SECRET, h.clock()));
    return [code, (await validTotp()).has(code)];
  }
  const digits = type === 'email' ? 8 : 6;
  const right = challenge?.code;
  const code = kind === 'right' ? (right ?? '1'.repeat(digits)) : kind === 'wrong' ? otherCode(right ?? '1'.repeat(digits)) : staleCode(m, right, digits);
  return [code, right !== undefined && code === right && h.clock() < challenge!.expiresAt];
}

async function run(m: Model, s: Step): Promise<void> {
  const now = h.clock();
  switch (s.t) {
    case 'wait':
      return h.clock.advance(s.ms);
    case 'startReset': {
      const reply = await act('startReset', { userId: s.user, mode: s.mode });
      if (!reply.body.ok) return;
      expect((m.methods.get(s.user) ?? []).some((x) => x.type !== 'questions'), `reset started for ${s.user}`).toBe(true);
      expect(reply.body.data.required).toBe(1);
      m.resets.push({ token: reply.body.data.resetToken, userId: s.user, mode: s.mode, expiresAt: now + 15 * MINUTE, offered: reply.body.data.methods, passed: new Set(), completed: false, challenges: new Map() });
      return;
    }
    case 'challenge':
    case 'verify':
    case 'pass': {
      const r = pick(m.resets, s.r);
      if (!r) return;
      const method = r.offered[s.m % (r.offered.length + 1)] ?? { id: 'm-not-offered', type: 'sms' as const, hint: '' };
      if (s.t !== 'verify') {
        // 'pass' is what a user does: ask for the challenge, then answer it.
        const reply = await act('startResetChallenge', { methodId: method.id }, r.token);
        if (reply.body.ok) {
          expect(live(r) && r.offered.includes(method)).toBe(true);
          const c = reply.body.data;
          if (c.kind === 'code') m.seen.push(codeIn(outbox(h).at(-1)!));
          if (c.kind === 'code') r.challenges.set(method.id, { code: m.seen.at(-1)!, expiresAt: Date.parse(c.expiresAt) });
          if (c.kind === 'questions') r.challenges.set(method.id, { draw: c.questions.map((q) => q.id), expiresAt: now + 15 * MINUTE });
        }
        if (s.t === 'challenge') return;
      }
      const challenge = r.challenges.get(method.id);
      let body: ApiBody<'verifyReset'>;
      let legit: boolean;
      if (method.type === 'questions') {
        const answers = (challenge?.draw ?? ANSWERS.map((a) => a.questionId)).map((id, i) => ({ questionId: id, answer: s.proof === 'right' || i > 0 ? (ANSWERS.find((a) => a.questionId === id)?.answer ?? 'unknown') : 'a wrong answer' }));
        body = { methodId: method.id, answers };
        legit = s.proof === 'right' && challenge?.draw !== undefined;
      } else {
        const [code, ok] = await codeProof(m, method.type, challenge, s.proof);
        body = { methodId: method.id, code };
        legit = ok;
      }
      const reply = await act('verifyReset', body, r.token);
      if (reply.body.ok) {
        expect(legit && live(r) && r.offered.includes(method) && !r.passed.has(method.id), `verifyReset accepted a ${s.proof} ${method.type} proof`).toBe(true);
        r.passed.add(method.id);
        r.challenges.delete(method.id);
        expect(reply.body.data.complete).toBe(gatesOk(m, r));
      } else if (method.type === 'questions' && ['INVALID_CODE', 'STEP_NOT_ALLOWED'].includes(reply.body.error.code)) {
        r.challenges.delete(method.id); // one draw, one try
      }
      return;
    }
    case 'complete':
    case 'unlock': {
      const r = pick(m.resets, s.r);
      if (!r) return;
      const weak = s.t === 'complete' && s.weak;
      const password = weak ? 'short' : `Strong-Run-${m.counter++}-Zq`;
      const reply = s.t === 'complete' ? await act('completeReset', { newPassword: password }, r.token) : await act('unlockAccount', {}, r.token);
      const allowed = live(r) && r.mode === (s.t === 'complete' ? 'reset' : 'unlock') && gatesOk(m, r);
      expect(reply.body.ok, `${s.t}: model says allowed=${allowed}${weak ? ' (weak password)' : ''}`).toBe(allowed && !weak);
      if (!reply.body.ok) return;
      r.completed = true;
      if (s.t === 'complete') m.passwords.set(r.userId, password);
      return;
    }
    case 'signIn': {
      const reply = await act('signIn', { userId: s.user, password: s.wrong ? 'Wrong-Passw0rd!' : (m.passwords.get(s.user) ?? DEMO_PASSWORD) });
      if (!reply.body.ok) return;
      expect(s.wrong).toBe(false);
      const d = reply.body.data;
      // Step-up: a second factor, else the alternate email, else the security questions.
      const gates = (m.methods.get(s.user) ?? []).filter((x) => STEP_UP.has(x.type) || x.type === 'email' || x.type === 'questions');
      expect(d.secondFactor).toBe(gates.length === 0 ? 'none' : 'required');
      m.sessions.push({ token: d.sessionToken, userId: s.user, expiresAt: now + 15 * MINUTE, elevated: d.secondFactor === 'none', methods: d.secondFactorMethods });
      return;
    }
    case 'stepUp': {
      const session = pick(m.sessions, s.s);
      const method = session?.methods[0];
      if (!session || !method) return;
      let challenge: { code?: string; expiresAt: number } | undefined;
      if (method.type !== 'authenticatorApp') {
        const started = await act('startSecondFactor', { methodId: method.id }, session.token);
        if (started.body.ok && started.body.data.kind === 'code') challenge = { code: codeIn(outbox(h).at(-1)!), expiresAt: Date.parse(started.body.data.expiresAt) };
      }
      const [code, legit] = await codeProof(m, method.type, challenge, s.proof);
      const reply = await act('verifySecondFactor', { methodId: method.id, code }, session.token);
      if (challenge?.code) m.seen.push(challenge.code);
      if (!reply.body.ok) return;
      expect(legit && now < session.expiresAt, `second factor accepted a ${s.proof} ${method.type} proof`).toBe(true);
      session.elevated = true;
      return;
    }
    case 'setup': {
      const session = pick(m.sessions, s.s);
      if (!session) return;
      const mayChange = session.elevated && now < session.expiresAt;
      const mine = m.methods.get(session.userId) ?? [];
      if (s.kind === 'questions') {
        const reply = await act('registerQuestions', { answers: ANSWERS }, session.token);
        if (!reply.body.ok) return;
        expect(mayChange, 'questions registered without step-up').toBe(true);
        m.methods.set(session.userId, [...mine.filter((x) => x.type !== 'questions'), reply.body.data.method]);
        return;
      }
      const begun = s.kind === 'sms' ? await act('beginPhone', { type: 'sms', phoneNumber: ADDRESS[session.userId]!.phone }, session.token) : await act('beginEmail', { address: ADDRESS[session.userId]!.email }, session.token);
      if (!begun.body.ok) return;
      expect(mayChange, `${s.kind} setup begun without step-up`).toBe(true);
      const sent = codeIn(outbox(h).at(-1)!);
      m.seen.push(sent);
      const code = s.proof === 'right' ? sent : s.proof === 'wrong' ? otherCode(sent) : staleCode(m, sent, sent.length);
      const confirmed = s.kind === 'sms' ? await act('confirmPhone', { setupId: begun.body.data.setupId, code }, session.token) : await act('confirmEmail', { setupId: begun.body.data.setupId, code }, session.token);
      if (!confirmed.body.ok) return;
      expect(code, 'setup confirmed with a code that was not sent for it').toBe(sent);
      m.methods.set(session.userId, [...mine, confirmed.body.data.method]);
      return;
    }
  }
}

it('no sequence of API calls passes a reset or unlock without its gates, or a proof that was not right', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 15 }), async (steps) => {
      await freshDemoState(h, FAKE_CLOCK_START);
      const model: Model = { resets: [], sessions: [], seen: [], passwords: new Map(), counter: 0, methods: new Map([[ALAIN, [{ id: 'm-alain-app', type: 'authenticatorApp' }, { id: 'm-alain-email', type: 'email' }]]]) };
      for (const s of steps) await run(model, s);
    }),
    { numRuns: 300 },
  );
}, 60_000);
