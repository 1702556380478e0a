/**
 * A verification method, as the directory service knows it: one module per method type under
 * `server/methods/<type>/`, collected in `methods` (./index.ts), a
 * `{ [T in MethodType]: MethodModule<T> }` record so a missing method is a compile error.
 *
 * Routes, sign-in, step-up and reset know methods only through that record: they call
 * `setup.begin`/`setup.prove` to register one, `challenge`/`verify` to pass a gate, `hint`
 * to show it to someone not yet verified, `maxPerUser` to offer adding another.
 */
import type { ApiBody, ApiData, Challenge } from '../../contract/api.js';
import type { Result } from '../../contract/errors.js';
import type { MethodType } from '../../contract/methods.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { NotifyLanguage } from '../notify/messages.js';
import type { SsprPolicy } from '../policy/policy.js';
import type { ServiceContext } from '../service-context.js';
import type { SetupRecordOf, StoredMethod, StoredMethodOf } from '../store/store.js';

/** Who is verifying a registered method: a reset or a signed-in session (its token hash), under the user's own policy. */
export interface MethodOwner {
  hash: string;
  userId: string;
  /** The policy for this user (group overrides applied): code digits, lifetimes, questions asked. */
  policy: SsprPolicy;
  /** The language codes are written in. */
  language: NotifyLanguage;
}

/** Who is adding a method: an elevated session (password + a registered method passed). */
export interface SetupOwner {
  userId: string;
  displayName: string;
  sessionTokenHash: string;
  policy: SsprPolicy;
  /** The methods already registered (keys to exclude, answers to replace). */
  methods: StoredMethod[];
  language: NotifyLanguage;
  /** For the audit log. */
  client: string;
}

/** A proof as the API carries it (contract/api.ts `proofSchema`): exactly one of these. */
export interface ProofInput {
  code?: string;
  answers?: { questionId: string; answer: string }[];
  assertion?: Record<string, unknown>;
}

/** The proof each method type takes. */
export interface ProofFields {
  authenticatorApp: { code: string };
  sms: { code: string };
  voice: { code: string };
  email: { code: string };
  securityKey: { assertion: Record<string, unknown> };
  questions: { answers: { questionId: string; answer: string }[] };
}
export type ProofOf<T extends MethodType> = ProofFields[T];

/** The challenge each method type answers with (contract/api.ts `challengeSchema`). */
interface ChallengeKinds {
  authenticatorApp: 'totp';
  sms: 'code';
  voice: 'code';
  email: 'code';
  securityKey: 'webauthn';
  questions: 'questions';
}
export type ChallengeOf<T extends MethodType> = Extract<Challenge, { kind: ChallengeKinds[T] }>;

/**
 * What a method's setup takes and gives: `begin` (the route body, minus what the glue
 * decides), `started` (the route's answer), `prove` (the confirming route's body).
 */
export interface SetupIo {
  authenticatorApp: { begin: Record<string, never>; started: ApiData<'beginAuthenticatorApp'>; prove: ApiBody<'confirmAuthenticatorApp'> };
  sms: { begin: { phoneNumber: string; country?: string }; started: ApiData<'beginPhone'>; prove: ApiBody<'confirmPhone'> };
  voice: { begin: { phoneNumber: string; country?: string }; started: ApiData<'beginPhone'>; prove: ApiBody<'confirmPhone'> };
  email: { begin: ApiBody<'beginEmail'>; started: ApiData<'beginEmail'>; prove: ApiBody<'confirmEmail'> };
  securityKey: { begin: ApiBody<'beginSecurityKey'>; started: ApiData<'beginSecurityKey'>; prove: ApiBody<'confirmSecurityKey'> };
  /** One step: `begin` shows the pool, `prove` saves the answers (no setup record in between). */
  questions: { begin: Record<string, never>; started: ApiData<'getQuestionPool'>; prove: ApiBody<'registerQuestions'> };
}

/** The setup record `prove` gets: the live one of its type, or null for a method registered in one step. */
export interface SetupRecordMap {
  authenticatorApp: SetupRecordOf<'authenticatorApp'>;
  sms: SetupRecordOf<'sms'>;
  voice: SetupRecordOf<'voice'>;
  email: SetupRecordOf<'email'>;
  securityKey: SetupRecordOf<'securityKey'>;
  questions: null;
}
export type SetupRecordFor<T extends MethodType> = SetupRecordMap[T];

/** A method ready to be stored: everything but the fields the service assigns. */
export type NewMethod<T extends MethodType> = Omit<StoredMethodOf<T>, 'id' | 'userId' | 'createdAt'>;

/**
 * What a check of a proof found. `noChallenge`: nothing was asked for (or it was spent by a
 * racing request with the right proof) — refused, but never counted as a guess.
 */
export type Verdict = 'passed' | 'failed' | 'noChallenge';

export interface MethodModule<T extends MethodType> {
  type: T;
  /** May stand as a second factor at sign-in (contract/methods.ts `methodTraits`). */
  secondFactor: boolean;
  /** Only for password reset, never a second factor. */
  resetOnly: boolean;
  /** The label is a name the user gave (an app, a key), so it may be renamed; otherwise it is a masked address or a count. */
  userNamed: boolean;
  /** The method's name in notifications, per language. */
  name: Record<NotifyLanguage, string>;
  /** Registering it again replaces the user's previous one (security questions: one set of answers). */
  replacesExisting?: true;
  /** How many of this method one user may register under `policy`. */
  maxPerUser(policy: SsprPolicy): number;
  setup: {
    /** Start adding the method: a secret to show, a code sent, WebAuthn options, or the question pool. */
    begin(ctx: ServiceContext, owner: SetupOwner, input: SetupIo[T]['begin']): Promise<Result<SetupIo[T]['started']>>;
    /**
     * Check what the user proved for `setup` (already checked to belong to the session),
     * taking the setup once it is spent; the method to store, or why not.
     */
    prove(ctx: ServiceContext, owner: SetupOwner, setup: SetupRecordFor<T>, input: SetupIo[T]['prove']): Promise<Result<NewMethod<T>>>;
  };
  /** Begin verifying a registered method (the method's throttle is checked by the caller). */
  challenge(ctx: ServiceContext, owner: MethodOwner, method: StoredMethodOf<T>): Promise<Result<ChallengeOf<T>>>;
  /** The proof of this type in an API proof, or null when it carries another kind. */
  readProof(input: ProofInput): ProofOf<T> | null;
  /** Check a proof; each code, question draw and WebAuthn challenge is used once. */
  verify(ctx: ServiceContext, owner: MethodOwner, method: StoredMethodOf<T>, proof: ProofOf<T>): Promise<Verdict>;
  /** How the method is shown to someone who has not proven who they are yet: masked, never the value. */
  hint(method: StoredMethodOf<T>, box: SecretBox): string;
}
