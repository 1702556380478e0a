/**
 * Every action the directory service throttles, as one catalog the concurrency property runs
 * over (test/support/throttle-burst.ts): how to arrange a burst of it, fire one wrong attempt,
 * fire the right proof, and count the checks that actually ran — at the expensive dependency
 * (evaluation-counters.ts), never from the answers. Adding a throttled action to the service
 * means adding it here.
 */
import { randomBytes } from 'node:crypto';
import type { Challenge } from '../../contract/api.js';
import { DEMO_ANSWERS } from '../../server/demo/contoso.js';
import { passkeyFields } from '../../server/methods/securityKey/passkey-record.js';
import { hashToken, newToken, type ServiceContext } from '../../server/service-context.js';
import { normalizeAnswer } from '../../server/verifiers/questions.js';
import { ADELE, ALAIN, ALAIN_APP, DEMO_PASSWORD, DEMO_TOTP_SECRET, MEGAN, success, type ApiHarness, type ApiReply } from './api-harness.js';
import { latestCodeTo } from './api-flows.js';
import { countOver } from './evaluation-counters.js';
import { softAuthenticator, type Assertion } from './soft-authenticator.js';
import { totpCode } from './totp.js';

/** The policy throttles the catalog exercises (store.ts `Limit`s in SsprPolicy). */
export type LimitName = 'verifyFailures' | 'signInFailures' | 'codeSends' | 'emailSends' | 'resetsPerAccount' | 'helpdeskRequests' | 'perAddress';

/** The service instances of one burst: arranged through `main`, attempt `i` sent through `via(i)`. */
export interface Fleet {
  main: ApiHarness;
  all: readonly ApiHarness[];
  via(i: number): ApiHarness;
}

export interface Burst {
  /** Attempt number `i` of the burst: a wrong proof (or one more send, start, request). */
  wrong(i: number): Promise<ApiReply<unknown>>;
  /** What the rightful user does: the right proof (or one send); each call a fresh one. */
  right(): Promise<ApiReply<unknown>>;
  /** Checks run so far, over the whole fleet, against what this burst targets (cumulative). */
  evaluations(): number;
}

export interface ThrottledAction {
  name: string;
  /** The policy limit that must hold. */
  limit: LimitName;
  /** The answer to an attempt that got through: its error code, or 'ok' (a send, a start). */
  evaluated: string;
  /** The answer to one over the limit: THROTTLED — or 'ok' where the answer is the same by design (helpdesk). */
  refused: 'THROTTLED' | 'ok';
  /** Whether the right proof clears the count of the same key (verify, sign-in, change); else only the block's end lifts it. */
  clearedByRight: boolean;
  /** Once per harness: register what the action needs beyond the Contoso demo. */
  seed?(h: ApiHarness): Promise<void>;
  arrange(fleet: Fleet, n: number): Promise<Burst>;
  /** Another burst on the SAME key; by default a new arrangement (whose key is the same method, account, address). */
  again?(burst: Burst): Burst;
}

const PRADEEP = 'pradeep@contoso.com';
const ISAIAH = 'isaiah@contoso.com';
const PRADEEP_SMS = { id: 'm-pradeep-sms', to: '+14255550123' };
const ISAIAH_EMAIL = { id: 'm-isaiah-email', to: 'isaiah.l@example.net' };
const ISAIAH_QUESTIONS = 'm-isaiah-questions';
const MEGAN_VOICE = { id: 'm-megan-voice', to: '+14255550177' };
const MEGAN_KEY = 'm-megan-key';
const ADELE_QUESTIONS = 'm-adele-questions';
const HELPDESK = 'helpdesk@contoso.com';

export const outcome = (reply: ApiReply<unknown>): string => (reply.body.ok ? 'ok' : reply.body.error.code);
const contexts = (fleet: Fleet): ServiceContext[] => fleet.all.map((h) => h.ctx);
/** One account, spelled differently attempt by attempt: spellings share one limit. */
const spelling = (userId: string, i: number) => (i % 2 === 1 ? userId.toUpperCase() : userId);

/** A session made in the store (sign-in is not what these bursts test, and its scrypt is slow). */
async function sessionFor(h: ApiHarness, userId: string, elevated: boolean): Promise<string> {
  const token = newToken();
  await h.ctx.store.putSession({ tokenHash: hashToken(token), userId, elevated, expiresAt: h.clock() + h.ctx.policy.sessionLifetimeMs });
  return token;
}
const resetFor = async (h: ApiHarness, userId: string) => success(await h.call('startReset', { userId })).resetToken;

/** A wrong code of the same length for attempt `i`: never the right one. */
const wrongCode = (code: string, i: number) => String((Number(code) + i + 1) % 10 ** code.length).padStart(code.length, '0');

/** Distinct TOTP codes valid in none of the steps the service accepts now (±1). */
async function wrongTotps(secret: string, now: number, n: number): Promise<string[]> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((k) => totpCode(secret, now + k * 30_000))));
  const codes: string[] = [];
  for (let k = 0; codes.length < n; k++) {
    const c = String((100_003 + k * 7_919) % 1_000_000).padStart(6, '0');
    if (!valid.has(c)) codes.push(c);
  }
  return codes;
}

async function sealedSecretOf(h: ApiHarness, userId: string, methodId: string): Promise<string> {
  const m = (await h.ctx.store.listMethods(userId)).find((x) => x.id === methodId);
  if (!m || !('secret' in m) || !m.secret) throw new Error(`no sealed secret for ${methodId}`);
  return m.secret;
}

// ---- where a proof goes: a reset gate or the second factor -------------------------------

interface Gate {
  label: string;
  /** A fresh owner of challenges (a reset token, a session). */
  owner(h: ApiHarness, userId: string): Promise<string>;
  challenge: 'startResetChallenge' | 'startSecondFactor';
  verify: 'verifyReset' | 'verifySecondFactor';
}
const atReset: Gate = { label: 'reset', owner: resetFor, challenge: 'startResetChallenge', verify: 'verifyReset' };
const atSecondFactor: Gate = { label: 'second factor', owner: (h, u) => sessionFor(h, u, false), challenge: 'startSecondFactor', verify: 'verifySecondFactor' };

type Proof = { code: string } | { answers: { questionId: string; answer: string }[] } | { assertion: Assertion };
const proofCall = (h: ApiHarness, gate: Gate, methodId: string, proof: Proof, token: string) => h.call(gate.verify, { methodId, ...proof }, token);

/** Authenticator app: N wrong codes on one owner; a check = its sealed secret opened. */
function totpVerify(gate: Gate, userId: string, methodId: string): ThrottledAction {
  return {
    name: `${gate.label}: authenticator app`,
    limit: 'verifyFailures',
    evaluated: 'INVALID_CODE',
    refused: 'THROTTLED',
    clearedByRight: true,
    async arrange(fleet, n) {
      const h = fleet.main;
      const sealed = await sealedSecretOf(h, userId, methodId);
      const token = await gate.owner(h, userId);
      const codes = await wrongTotps(DEMO_TOTP_SECRET, h.clock(), n);
      return {
        wrong: (i) => proofCall(fleet.via(i), gate, methodId, { code: codes[i]! }, token),
        right: async () => proofCall(h, gate, methodId, { code: await totpCode(DEMO_TOTP_SECRET, h.clock()) }, token),
        evaluations: () => countOver(contexts(fleet), 'boxOpen', (s) => s === sealed),
      };
    },
  };
}

/** Text, call, email: one code sent, N wrong codes against it; a check = an Argon2id verify of its hash. */
function codeVerify(gate: Gate, kind: string, userId: string, method: { id: string; to: string }): ThrottledAction {
  return {
    name: `${gate.label}: ${kind}`,
    limit: 'verifyFailures',
    evaluated: 'INVALID_CODE',
    refused: 'THROTTLED',
    clearedByRight: true,
    async arrange(fleet) {
      const h = fleet.main;
      const token = await gate.owner(h, userId);
      success(await h.call(gate.challenge, { methodId: method.id }, token));
      const code = latestCodeTo(h, method.to);
      return {
        wrong: (i) => proofCall(fleet.via(i), gate, method.id, { code: wrongCode(code, i) }, token),
        right: () => proofCall(h, gate, method.id, { code }, token),
        evaluations: () => countOver(contexts(fleet), 'hasherVerify'),
      };
    },
  };
}

/**
 * Security questions: one draw, one try — so a burst needs N owners, each with its own draw
 * (N resets, or N sessions). Every drawn question gets a wrong answer; a check = Argon2id
 * verifies of this method's answer hashes.
 */
function questionsVerify(gate: Gate, userId: string, methodId: string, answers: Record<string, string>): ThrottledAction {
  const drawn = async (h: ApiHarness, token: string): Promise<ApiReply<unknown> | string[]> => {
    const reply = await h.call(gate.challenge, { methodId }, token);
    if (!reply.body.ok) return reply;
    const c = reply.body.data as Challenge;
    if (c.kind !== 'questions') throw new Error(`expected questions, got ${c.kind}`);
    return c.questions.map((q) => q.id);
  };
  return {
    name: `${gate.label}: security questions`,
    limit: 'verifyFailures',
    evaluated: 'INVALID_CODE',
    refused: 'THROTTLED',
    clearedByRight: true,
    async arrange(fleet, n) {
      const h = fleet.main;
      const method = (await h.ctx.store.listMethods(userId)).find((m) => m.id === methodId);
      if (method?.type !== 'questions') throw new Error(`no questions ${methodId}`);
      const hashes = new Set(method.answers.map((a) => a.hash));
      const owners = await Promise.all(
        Array.from({ length: n }, async () => {
          const token = await gate.owner(h, userId);
          const ids = await drawn(h, token);
          if (!Array.isArray(ids)) throw new Error(`no draw: ${outcome(ids)}`);
          return { token, ids };
        }),
      );
      return {
        wrong: (i) => proofCall(fleet.via(i), gate, methodId, { answers: owners[i]!.ids.map((questionId) => ({ questionId, answer: `not it ${i}` })) }, owners[i]!.token),
        async right() {
          const token = await gate.owner(h, userId);
          const ids = await drawn(h, token);
          if (!Array.isArray(ids)) return ids; // a blocked method draws nothing
          return proofCall(h, gate, methodId, { answers: ids.map((questionId) => ({ questionId, answer: answers[questionId]! })) }, token);
        },
        evaluations: () => countOver(contexts(fleet), 'hasherVerify', (hash) => hashes.has(hash)),
      };
    },
  };
}

/**
 * Security key: each challenge is single use, so N owners with a challenge each; every
 * attempt is a forged assertion (a real signature by another key). A check = the key's
 * sealed public key opened for the verifier (passkeyOf), once per WebAuthn verification.
 */
function keyVerify(gate: Gate): ThrottledAction {
  const key = softAuthenticator();
  const optionsChallenge = async (h: ApiHarness, token: string): Promise<ApiReply<unknown> | string> => {
    const reply = await h.call(gate.challenge, { methodId: MEGAN_KEY }, token);
    if (!reply.body.ok) return reply;
    const c = reply.body.data as Challenge;
    if (c.kind !== 'webauthn') throw new Error(`expected webauthn, got ${c.kind}`);
    return String(c.options.challenge);
  };
  return {
    name: `${gate.label}: security key (forged assertion)`,
    limit: 'verifyFailures',
    evaluated: 'INVALID_CODE',
    refused: 'THROTTLED',
    clearedByRight: true,
    async seed(h) {
      await h.ctx.store.addMethod({ id: MEGAN_KEY, userId: MEGAN, type: 'securityKey', label: 'Soft key', createdAt: new Date(h.clock()).toISOString(), ...passkeyFields(h.ctx, key.credential) });
    },
    async arrange(fleet, n) {
      const h = fleet.main;
      const sealed = await sealedSecretOf(h, MEGAN, MEGAN_KEY);
      const owners = await Promise.all(
        Array.from({ length: n }, async () => {
          const token = await gate.owner(h, MEGAN);
          const challenge = await optionsChallenge(h, token);
          if (typeof challenge !== 'string') throw new Error(`no challenge: ${outcome(challenge)}`);
          return { token, assertion: key.assert(challenge, { forged: true }) };
        }),
      );
      return {
        wrong: (i) => proofCall(fleet.via(i), gate, MEGAN_KEY, { assertion: owners[i]!.assertion }, owners[i]!.token),
        async right() {
          const token = await gate.owner(h, MEGAN);
          const challenge = await optionsChallenge(h, token);
          if (typeof challenge !== 'string') return challenge;
          return proofCall(h, gate, MEGAN_KEY, { assertion: key.assert(challenge) }, token);
        },
        evaluations: () => countOver(contexts(fleet), 'boxOpen', (s) => s === sealed),
      };
    },
  };
}

// ---- passwords ------------------------------------------------------------------------------

const signIn: ThrottledAction = {
  name: 'sign-in: wrong passwords (any spelling of the user id)',
  limit: 'signInFailures',
  evaluated: 'INVALID_CREDENTIALS',
  refused: 'THROTTLED',
  clearedByRight: true,
  async arrange(fleet) {
    const h = fleet.main;
    return {
      wrong: (i) => fleet.via(i).call('signIn', { userId: spelling(ALAIN, i), password: `not-the-password-${i}` }),
      right: () => h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD }),
      evaluations: () => countOver(contexts(fleet), 'verifyPassword'),
    };
  },
};

/** The old password at change counts on the sign-in limit. Every right change moves the password on. */
function oldPasswordAtChange(): ThrottledAction {
  let current = DEMO_PASSWORD;
  const fresh = () => `Vq7-${randomBytes(6).toString('hex')}-Plume`;
  return {
    name: 'password change: wrong old passwords',
    limit: 'signInFailures',
    evaluated: 'INVALID_CREDENTIALS',
    refused: 'THROTTLED',
    clearedByRight: true,
    async arrange(fleet) {
      const h = fleet.main;
      return {
        wrong: (i) => fleet.via(i).call('changePassword', { userId: spelling(ALAIN, i), oldPassword: `not-the-password-${i}`, newPassword: fresh() }),
        async right() {
          const next = fresh();
          const reply = await h.call('changePassword', { userId: ALAIN, oldPassword: current, newPassword: next });
          if (reply.body.ok) current = next;
          return reply;
        },
        evaluations: () => countOver(contexts(fleet), 'verifyPassword'),
      };
    },
  };
}

// ---- setup proofs (megan, who has no method, so her session is elevated by the password) ----

async function freshMegan(h: ApiHarness): Promise<string> {
  for (const m of await h.ctx.store.listMethods(MEGAN)) await h.ctx.store.removeMethod(MEGAN, m.id);
  return sessionFor(h, MEGAN, true);
}

/** The setup's key dies with the setup (spent by the right code): nothing of it is left to clear. */
const authenticatorAppSetup: ThrottledAction = {
  name: 'setup proof: authenticator app code',
  limit: 'verifyFailures',
  evaluated: 'INVALID_CODE',
  refused: 'THROTTLED',
  clearedByRight: false,
  // The setup is the key: a new arrangement would be a new setup, so the same burst is fired again.
  again: (burst) => burst,
  async arrange(fleet, n) {
    const h = fleet.main;
    const token = await freshMegan(h);
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, token));
    const setup = await h.ctx.store.getSetup(setupId, h.clock());
    if (setup?.type !== 'authenticatorApp') throw new Error('no app setup');
    return {
      // Wrong at the time of the attempt (the same burst is fired again after the block).
      wrong: async (i) => fleet.via(i).call('confirmAuthenticatorApp', { setupId, code: (await wrongTotps(secret, h.clock(), n))[i]!, name: 'Phone' }, token),
      right: async () => h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Phone' }, token),
      evaluations: () => countOver(contexts(fleet), 'boxOpen', (s) => s === setup.secret),
    };
  },
};

function codeSetup(kind: 'sms' | 'voice' | 'email'): ThrottledAction {
  const to = kind === 'email' ? 'megan.bowen@example.org' : '+14255550142';
  return {
    name: `setup proof: ${kind} code`,
    limit: 'verifyFailures',
    evaluated: 'INVALID_CODE',
    refused: 'THROTTLED',
    clearedByRight: false,
    again: (burst) => burst,
    async arrange(fleet) {
      const h = fleet.main;
      const token = await freshMegan(h);
      const { setupId } = success(kind === 'email' ? await h.call('beginEmail', { address: to }, token) : await h.call('beginPhone', { type: kind, phoneNumber: '+1 425 555 0142' }, token));
      const setup = await h.ctx.store.getSetup(setupId, h.clock());
      if (!setup || !('codeHash' in setup)) throw new Error('no code setup');
      const code = latestCodeTo(h, to);
      const confirm = kind === 'email' ? 'confirmEmail' : 'confirmPhone';
      return {
        wrong: (i) => fleet.via(i).call(confirm, { setupId, code: wrongCode(code, i) }, token),
        right: () => h.call(confirm, { setupId, code }, token),
        evaluations: () => countOver(contexts(fleet), 'hasherVerify', (hash) => hash === setup.codeHash),
      };
    },
  };
}

// ---- sends, starts, requests: "evaluated" is the work done (a message sent, an account looked up) ----

function challengeSend(gate: Gate, kind: string, userId: string, method: { id: string; to: string }, limit: 'codeSends' | 'emailSends'): ThrottledAction {
  return {
    name: `code send at ${gate.label}: ${kind}`,
    limit,
    evaluated: 'ok',
    refused: 'THROTTLED',
    clearedByRight: false,
    async arrange(fleet) {
      const h = fleet.main;
      const token = await gate.owner(h, userId);
      return {
        wrong: (i) => fleet.via(i).call(gate.challenge, { methodId: method.id }, token),
        right: () => h.call(gate.challenge, { methodId: method.id }, token),
        evaluations: () => countOver(contexts(fleet), 'notifierSend', (m) => m.to === method.to),
      };
    },
  };
}

/** Setup sends count per user (`send:setup:<user>`): many new addresses cannot flood anyone. */
function setupSend(kind: 'sms' | 'email'): ThrottledAction {
  const begin = (h: ApiHarness, token: string, i: number) =>
    kind === 'email' ? h.call('beginEmail', { address: `megan.${i}@example.org` }, token) : h.call('beginPhone', { type: 'sms', phoneNumber: `+1 425 555 01${String(10 + (i % 90))}` }, token);
  return {
    name: `code send at setup: ${kind} (a new address each time)`,
    limit: kind === 'email' ? 'emailSends' : 'codeSends',
    evaluated: 'ok',
    refused: 'THROTTLED',
    clearedByRight: false,
    async arrange(fleet) {
      const h = fleet.main;
      const token = await freshMegan(h);
      return {
        wrong: (i) => begin(fleet.via(i), token, i),
        right: () => begin(h, token, 99),
        evaluations: () => countOver(contexts(fleet), 'notifierSend', (m) => m.channel === kind),
      };
    },
  };
}

const resetStarts: ThrottledAction = {
  name: 'reset starts of one account (any spelling)',
  limit: 'resetsPerAccount',
  evaluated: 'ok',
  refused: 'THROTTLED',
  clearedByRight: false,
  async arrange(fleet) {
    const h = fleet.main;
    return {
      wrong: (i) => fleet.via(i).call('startReset', { userId: spelling(ALAIN, i) }),
      right: () => h.call('startReset', { userId: ALAIN }),
      evaluations: () => countOver(contexts(fleet), 'findUser', (u) => u.toLowerCase() === ALAIN),
    };
  },
};

/** Over the limit the answer is the same (a support code, audited), but nothing is sent. */
const helpdeskRequests: ThrottledAction = {
  name: 'helpdesk requests for one account',
  limit: 'helpdeskRequests',
  evaluated: 'ok',
  refused: 'ok',
  clearedByRight: false,
  async arrange(fleet) {
    const h = fleet.main;
    return {
      wrong: (i) => fleet.via(i).call('contactHelpdesk', { userId: spelling(ALAIN, i), reason: 'OTHER' }),
      right: () => h.call('contactHelpdesk', { userId: ALAIN, reason: 'OTHER' }),
      evaluations: () => countOver(contexts(fleet), 'notifierSend', (m) => m.to === HELPDESK),
    };
  },
};

/** One address walking through accounts: sign-ins and changes with wrong passwords, each account under its own limit. */
const ADDRESS = '203.0.113.7';
const WALKED = [ALAIN, MEGAN, ADELE, PRADEEP, ISAIAH, 'admin@contoso.com'];
const perAddress: ThrottledAction = {
  name: 'per client address: unauthenticated POSTs over many accounts',
  limit: 'perAddress',
  evaluated: 'INVALID_CREDENTIALS',
  refused: 'THROTTLED',
  clearedByRight: false,
  async arrange(fleet) {
    const h = fleet.main;
    return {
      wrong: (i) => {
        const userId = WALKED[i % WALKED.length]!;
        return i % 3 === 2
          ? fleet.via(i).call('changePassword', { userId, oldPassword: `guess-${i}`, newPassword: `Vq7-${i}-Plume-Lantern` }, undefined, { remoteAddress: ADDRESS })
          : fleet.via(i).call('signIn', { userId, password: `guess-${i}` }, undefined, { remoteAddress: ADDRESS });
      },
      right: () => h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD }, undefined, { remoteAddress: ADDRESS }),
      evaluations: () => countOver(contexts(fleet), 'verifyPassword'),
    };
  },
};

// ---- the catalog ------------------------------------------------------------------------------

async function seedVoice(h: ApiHarness): Promise<void> {
  await h.ctx.store.addMethod({ id: MEGAN_VOICE.id, userId: MEGAN, type: 'voice', label: '+1 ••• ••• ••77', createdAt: new Date(h.clock()).toISOString(), address: h.ctx.box.seal(MEGAN_VOICE.to) });
}
/** adele has only questions: her step-up is her questions (stepUpMethods). */
async function seedAdeleQuestions(h: ApiHarness): Promise<void> {
  const answers = await Promise.all(Object.entries(DEMO_ANSWERS).map(async ([questionId, answer]) => ({ questionId, hash: await h.ctx.hasher.hash(normalizeAnswer(answer)) })));
  await h.ctx.store.addMethod({ id: ADELE_QUESTIONS, userId: ADELE, type: 'questions', label: '3', createdAt: new Date(h.clock()).toISOString(), answers });
}
const withSeed = (action: ThrottledAction, seed: (h: ApiHarness) => Promise<void>): ThrottledAction => ({ ...action, seed });

/** Fresh actions (some keep state: a key pair, the current password); one harness per action. */
export function throttledActions(): ThrottledAction[] {
  return [
    totpVerify(atReset, ALAIN, ALAIN_APP),
    totpVerify(atSecondFactor, ALAIN, ALAIN_APP),
    codeVerify(atReset, 'text message', PRADEEP, PRADEEP_SMS),
    codeVerify(atSecondFactor, 'text message', PRADEEP, PRADEEP_SMS),
    withSeed(codeVerify(atReset, 'phone call', MEGAN, MEGAN_VOICE), seedVoice),
    withSeed(codeVerify(atSecondFactor, 'phone call', MEGAN, MEGAN_VOICE), seedVoice),
    codeVerify(atReset, 'alternate email', ISAIAH, ISAIAH_EMAIL),
    // isaiah has no second factor: his step-up is his alternate email (stepUpMethods).
    codeVerify(atSecondFactor, 'alternate email', ISAIAH, ISAIAH_EMAIL),
    questionsVerify(atReset, ISAIAH, ISAIAH_QUESTIONS, DEMO_ANSWERS),
    withSeed(questionsVerify(atSecondFactor, ADELE, ADELE_QUESTIONS, DEMO_ANSWERS), seedAdeleQuestions),
    keyVerify(atReset),
    keyVerify(atSecondFactor),
    signIn,
    oldPasswordAtChange(),
    authenticatorAppSetup,
    codeSetup('sms'),
    codeSetup('voice'),
    codeSetup('email'),
    challengeSend(atReset, 'text message', PRADEEP, PRADEEP_SMS, 'codeSends'),
    withSeed(challengeSend(atSecondFactor, 'phone call', MEGAN, MEGAN_VOICE, 'codeSends'), seedVoice),
    challengeSend(atReset, 'alternate email', ISAIAH, ISAIAH_EMAIL, 'emailSends'),
    setupSend('sms'),
    setupSend('email'),
    resetStarts,
    helpdeskRequests,
    perAddress,
  ];
}
