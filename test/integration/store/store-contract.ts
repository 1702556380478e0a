/**
 * The Store contract: what every store must do, run against MemoryStore (the reference),
 * SqliteStore and PostgresStore. Each test gets a fresh, empty store from the factory; a
 * durable store's factory also offers `another()`, a second instance on the same data
 * (a restarted process, or a second service instance), for persistence and cross-instance
 * races.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChallengeRecord, ResetRecord, SetupRecord, Store, StoredMethod, StoredMethodOf } from '../../../server/store/store.js';

export interface OpenedStore {
  store: Store;
  /** Another instance on the same data: a restart, or a second service instance. */
  another?: () => Promise<Store>;
}

const T = 1_750_000_000_000; // "now" of the tests: a fixed epoch-ms instant

const common = { id: 'm-1', userId: 'Alain@Contoso.com', label: 'Phone app', createdAt: '2025-06-15T10:00:00.000Z' };
/** An authenticator app (the method most tests use). */
const method = (over: Partial<StoredMethodOf<'authenticatorApp'>> = {}): StoredMethodOf<'authenticatorApp'> => ({ ...common, type: 'authenticatorApp', secret: 'sealed:totp', ...over });
const key = (over: Partial<StoredMethodOf<'securityKey'>> = {}): StoredMethodOf<'securityKey'> => ({
  ...common,
  type: 'securityKey',
  label: 'YubiKey',
  secret: 'sealed:cose',
  credentialId: 'AAECAwQ',
  counter: 0,
  ...over,
});
/** One method of every type, each with every field its type has. */
const everyType = (userId: string): StoredMethod[] => [
  method({ id: 'e-app', userId, lastUsedStep: 58_333_333 }),
  { ...common, id: 'e-sms', userId, type: 'sms', label: '+1 ••• ••• ••42', address: 'sealed:+14255550142' },
  { ...common, id: 'e-voice', userId, type: 'voice', label: '+886 ••• ••• ••78', address: 'sealed:+886912345678' },
  { ...common, id: 'e-email', userId, type: 'email', label: 'a•••@example.net', address: 'sealed:alain@example.net' },
  key({ id: 'e-key', userId, counter: 4_294_967_295, transports: ['usb', 'nfc'] }),
  key({ id: 'e-passkey', userId, label: 'This laptop' }),
  { ...common, id: 'e-questions', userId, type: 'questions', label: '3', answers: [{ questionId: 'q-first-pet', hash: '$argon2id$a' }, { questionId: 'q-first-job', hash: '$argon2id$b' }] },
];
const challengeCommon = { id: 'c-1', ownerHash: 'owner-hash', userId: 'alain@contoso.com', methodId: 'm-1', expiresAt: T + 60_000 };
/** A code challenge (the kind most tests use). */
const challenge = (over: Partial<typeof challengeCommon> = {}): ChallengeRecord => ({ ...challengeCommon, kind: 'code', codeHash: '$argon2id$code', ...over });
const drawn = (questionIds: string[], over: Partial<typeof challengeCommon> = {}): ChallengeRecord => ({ ...challengeCommon, kind: 'questions', questionIds, ...over });
const setupCommon = { id: 's-1', userId: 'alain@contoso.com', sessionTokenHash: 'session-hash', expiresAt: T + 60_000 };
const setup = (over: Partial<typeof setupCommon> = {}): SetupRecord => ({ ...setupCommon, type: 'authenticatorApp', secret: 'sealed:totp', ...over });
const reset = (over: Partial<ResetRecord> = {}): ResetRecord => ({
  tokenHash: 'r-1',
  userId: 'alain@contoso.com',
  required: 2,
  offeredMethodIds: ['m-1', 'm-2'],
  passedMethodIds: [],
  expiresAt: T + 60_000,
  completed: false,
  ...over,
});

export interface ContractOptions {
  /** Durable stores: the factory offers `another()`, and the several-instances tests run. */
  durable: boolean;
}

export function storeContract(name: string, factory: () => Promise<OpenedStore>, options: ContractOptions): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });
    const fresh = async (): Promise<OpenedStore> => {
      const o = await factory();
      opened.push(o.store);
      return o;
    };
    const open = async (): Promise<Store> => (await fresh()).store;

    describe('methods', () => {
      it('stores every field of every method type and lists a user’s methods in the order added, user id case-insensitive', async () => {
        const store = await open();
        const all = everyType('Alain@Contoso.com');
        for (const m of all) await store.addMethod(m);
        const email: StoredMethod = { ...common, id: 'm-2', type: 'email', label: 'a***@example.com', userId: 'ALAIN@contoso.COM', address: 'sealed:a' };
        await store.addMethod(email);
        await store.addMethod(method({ id: 'm-3', userId: 'someone.else@contoso.com' }));
        const listed = await store.listMethods('alain@contoso.com');
        expect(listed).toEqual([...all, email]);
        // Each type has exactly its own fields: nothing of another type's, absent stays absent.
        expect(Object.keys(listed.find((m) => m.id === 'e-passkey')!).sort()).toEqual(['counter', 'createdAt', 'credentialId', 'id', 'label', 'secret', 'type', 'userId']);
        expect(Object.keys(email).sort()).toEqual(Object.keys(listed.at(-1)!).sort());
        expect(Object.keys(await store.listMethods('someone.else@contoso.com').then((l) => l[0]!)).sort()).toEqual(['createdAt', 'id', 'label', 'secret', 'type', 'userId']);
        expect(await store.listMethods('nobody@contoso.com')).toEqual([]);
      });

      it('adding a method with an existing id replaces it in place', async () => {
        const store = await open();
        await store.addMethod(method({ id: 'a', secret: 'old' }));
        await store.addMethod(method({ id: 'b' }));
        await store.addMethod(key({ id: 'a', label: 'New', counter: 7 }));
        expect(await store.listMethods('alain@contoso.com')).toEqual([key({ id: 'a', label: 'New', counter: 7 }), method({ id: 'b' })]);
      });

      it('removes only the owner’s method (any case), once', async () => {
        const store = await open();
        await store.addMethod(method());
        expect(await store.removeMethod('mallory@contoso.com', 'm-1')).toBe(false);
        expect(await store.listMethods('alain@contoso.com')).toHaveLength(1);
        expect(await store.removeMethod('ALAIN@CONTOSO.COM', 'm-1')).toBe(true);
        expect(await store.removeMethod('alain@contoso.com', 'm-1')).toBe(false);
        expect(await store.listMethods('alain@contoso.com')).toEqual([]);
      });

      it('renames a method without touching anything else; an unknown id is a no-op', async () => {
        const store = await open();
        await store.addMethod(method({ secret: 'sealed:s', lastUsedStep: 3 }));
        await store.addMethod(key({ id: 'm-2', counter: 9, transports: ['usb'] }));
        await store.renameMethod('m-1', 'Work phone');
        await store.renameMethod('m-2', 'Blue key');
        await store.renameMethod('nope', 'x');
        expect(await store.listMethods('alain@contoso.com')).toEqual([method({ secret: 'sealed:s', lastUsedStep: 3, label: 'Work phone' }), key({ id: 'm-2', counter: 9, transports: ['usb'], label: 'Blue key' })]);
      });

      it('advanceTotpStep accepts only a newer step', async () => {
        const store = await open();
        expect(await store.advanceTotpStep('m-1', 10)).toBe(false); // unknown method
        await store.addMethod(method());
        expect(await store.advanceTotpStep('m-1', 10)).toBe(true);
        expect(await store.advanceTotpStep('m-1', 10)).toBe(false);
        expect(await store.advanceTotpStep('m-1', 9)).toBe(false);
        expect(await store.advanceTotpStep('m-1', 11)).toBe(true);
        expect(await store.listMethods('alain@contoso.com')).toEqual([method({ lastUsedStep: 11 })]);
      });

      it('advanceCounter accepts a higher counter, or 0 while the stored one is 0', async () => {
        const store = await open();
        expect(await store.advanceCounter('m-1', 1)).toBe(false); // unknown method
        await store.addMethod(key());
        expect(await store.advanceCounter('m-1', 0)).toBe(true);
        expect(await store.listMethods('alain@contoso.com')).toEqual([key({ counter: 0 })]);
        expect(await store.advanceCounter('m-1', 0)).toBe(true);
        expect(await store.advanceCounter('m-1', 5)).toBe(true);
        expect(await store.advanceCounter('m-1', 5)).toBe(false);
        expect(await store.advanceCounter('m-1', 3)).toBe(false);
        expect(await store.advanceCounter('m-1', 0)).toBe(false);
        expect(await store.advanceCounter('m-1', 6)).toBe(true);
        expect(await store.listMethods('alain@contoso.com')).toEqual([key({ counter: 6 })]);
      });
    });

    describe('profiles', () => {
      it('puts and gets by user id in any case; a second put replaces', async () => {
        const store = await open();
        expect(await store.getProfile('alain@contoso.com')).toBeNull();
        await store.putProfile({ userId: 'Alain@Contoso.com' });
        expect(await store.getProfile('ALAIN@contoso.com')).toEqual({ userId: 'Alain@Contoso.com', skipsUsed: 0 });
        await store.putProfile({ userId: 'alain@contoso.com', defaultMethodId: 'm-1', reconfirmedAt: T });
        expect(await store.getProfile('Alain@Contoso.com')).toEqual({ userId: 'alain@contoso.com', defaultMethodId: 'm-1', reconfirmedAt: T, skipsUsed: 0 });
        await store.putProfile({ userId: 'alain@contoso.com' });
        expect(await store.getProfile('alain@contoso.com')).toEqual({ userId: 'alain@contoso.com', skipsUsed: 0 });
      });

      it('putProfile never writes the skip count; takeSkip counts up to `allowed`, creating the profile when absent', async () => {
        const store = await open();
        expect(await store.takeSkip('Alain@Contoso.com', 0)).toBeNull();
        expect(await store.getProfile('alain@contoso.com')).toBeNull();
        expect(await store.takeSkip('Alain@Contoso.com', 2)).toBe(1);
        expect(await store.getProfile('ALAIN@contoso.com')).toEqual({ userId: 'Alain@Contoso.com', skipsUsed: 1 });
        // A put from a read made before the skip gives nothing back.
        await store.putProfile({ userId: 'alain@contoso.com', defaultMethodId: 'm-1', skipsUsed: 0 });
        expect(await store.getProfile('alain@contoso.com')).toEqual({ userId: 'alain@contoso.com', defaultMethodId: 'm-1', skipsUsed: 1 });
        expect(await store.takeSkip('alain@contoso.com', 2)).toBe(2);
        expect(await store.takeSkip('alain@contoso.com', 2)).toBeNull();
        expect(await store.takeSkip('alain@contoso.com', 3)).toBe(3); // the policy allows more now
        expect(await store.getProfile('alain@contoso.com')).toEqual({ userId: 'alain@contoso.com', defaultMethodId: 'm-1', skipsUsed: 3 });
        await store.putProfile({ userId: 'megan@contoso.com', reconfirmedAt: T });
        expect(await store.takeSkip('megan@contoso.com', 1)).toBe(1);
        expect(await store.getProfile('megan@contoso.com')).toEqual({ userId: 'megan@contoso.com', reconfirmedAt: T, skipsUsed: 1 });
      });
    });

    describe('sessions', () => {
      it('live until expiresAt (exclusive), then absent; replace; delete', async () => {
        const store = await open();
        const s = { tokenHash: 'h', userId: 'alain@contoso.com', elevated: false, expiresAt: T };
        await store.putSession(s);
        expect(await store.getSession('h', T - 1)).toEqual(s);
        expect(await store.getSession('h', T)).toBeNull();
        await store.putSession({ ...s, elevated: true, expiresAt: T + 1000 });
        expect(await store.getSession('h', T)).toEqual({ ...s, elevated: true, expiresAt: T + 1000 });
        await store.deleteSession('h');
        await store.deleteSession('h');
        expect(await store.getSession('h', T)).toBeNull();
        expect(await store.getSession('unknown', T)).toBeNull();
      });
    });

    describe('setups', () => {
      it('get reads, take reads and deletes once; expired = absent', async () => {
        const store = await open();
        const full: SetupRecord = { ...setupCommon, type: 'sms', address: 'sealed:+1', codeHash: 'ch', label: 'Mobile' };
        await store.putSetup(full);
        expect(await store.getSetup('s-1', T)).toEqual(full);
        expect(await store.getSetup('s-1', T + 60_000)).toBeNull();
        expect(await store.takeSetup('s-1', T)).toEqual(full);
        expect(await store.takeSetup('s-1', T)).toBeNull();
        expect(await store.getSetup('s-1', T)).toBeNull();
        const app = setup({ id: 's-2' });
        await store.putSetup(app);
        expect(await store.getSetup('s-2', T)).toEqual(app);
        expect(await store.takeSetup('s-2', T + 60_000)).toBeNull(); // expired: nobody gets it
        expect(await store.getSetup('s-2', T)).toBeNull();
      });

      it('keeps every setup type with exactly its own fields', async () => {
        const store = await open();
        const all: SetupRecord[] = [
          setup({ id: 'a' }),
          { ...setupCommon, id: 'b', type: 'voice', address: 'sealed:+886', codeHash: 'ch2', label: '+886 ••• ••• ••78' },
          { ...setupCommon, id: 'c', type: 'email', address: 'sealed:a@example.net', codeHash: 'ch3', label: 'a•••@example.net' },
          { ...setupCommon, id: 'd', type: 'securityKey', challenge: 'webauthn-challenge' },
        ];
        for (const x of all) await store.putSetup(x);
        for (const x of all) expect(await store.takeSetup(x.id, T)).toEqual(x);
      });
    });

    describe('challenges', () => {
      it('put replaces by id (resend); get; take once; expired = absent', async () => {
        const store = await open();
        await store.putChallenge(challenge());
        const resent = drawn(['q1', 'q7', 'q3']);
        await store.putChallenge(resent);
        expect(await store.getChallenge('c-1', T)).toEqual(resent); // replaced whole, of another kind: no code hash left
        expect(await store.getChallenge('c-1', T + 60_000)).toBeNull();
        expect(await store.takeChallenge('c-1', T)).toEqual(resent);
        expect(await store.takeChallenge('c-1', T)).toBeNull();
        await store.putChallenge(drawn([], { id: 'c-2' }));
        expect(await store.getChallenge('c-2', T)).toEqual(drawn([], { id: 'c-2' }));
        expect(await store.takeChallenge('c-2', T + 60_000)).toBeNull();
        expect(await store.getChallenge('c-2', T)).toBeNull();
      });

      it('keeps each kind with exactly its own fields', async () => {
        const store = await open();
        const all: ChallengeRecord[] = [challenge({ id: 'a' }), drawn(['q-first-pet'], { id: 'b' }), { ...challengeCommon, id: 'c', kind: 'webauthn', webauthnChallenge: 'Y2hhbGxlbmdl' }];
        for (const c of all) await store.putChallenge(c);
        for (const c of all) expect(await store.takeChallenge(c.id, T)).toEqual(c);
      });
    });

    describe('resets', () => {
      it('put/get with lists and mode; completeReset flips once, never when expired', async () => {
        const store = await open();
        const r = reset({ passedMethodIds: ['m-1'] });
        await store.putReset(r);
        expect(await store.getReset('r-1', T)).toEqual(r);
        expect(await store.completeReset('r-1', T + 60_000)).toBe(false);
        expect(await store.completeReset('r-1', T)).toBe(true);
        expect(await store.completeReset('r-1', T)).toBe(false);
        expect(await store.getReset('r-1', T)).toEqual({ ...r, completed: true });
        expect(await store.completeReset('unknown', T)).toBe(false);
        const unlock = reset({ tokenHash: 'r-2', mode: 'unlock', required: 1, offeredMethodIds: [] });
        await store.putReset(unlock);
        expect(await store.getReset('r-2', T)).toEqual(unlock);
        expect(await store.getReset('r-2', T + 60_000)).toBeNull();
        await store.putReset({ ...unlock, passedMethodIds: ['m-9'] }); // a gate passed: replace
        expect((await store.getReset('r-2', T))?.passedMethodIds).toEqual(['m-9']);
      });

      it('extendReset moves a live reset\'s expiry (never earlier), keeps its gates; never an expired, completed or unknown one', async () => {
        const store = await open();
        await store.putReset(reset({ passedMethodIds: ['m-1'] }));
        const exp = (await store.getReset('r-1', T))!.expiresAt;
        expect(await store.extendReset('r-1', exp + 60_000, T)).toBe(true);
        expect(await store.getReset('r-1', T)).toEqual(reset({ passedMethodIds: ['m-1'], expiresAt: exp + 60_000 }));
        expect(await store.extendReset('r-1', exp, T)).toBe(true);
        expect((await store.getReset('r-1', T))?.expiresAt).toBe(exp + 60_000); // an earlier one is ignored
        expect((await store.getReset('r-1', exp + 30_000))?.passedMethodIds).toEqual(['m-1']); // alive past the first expiry
        expect(await store.extendReset('r-1', exp + 600_000, exp + 60_000)).toBe(false); // run out: not revived
        expect(await store.getReset('r-1', exp + 60_000)).toBeNull();
        await store.putReset(reset({ tokenHash: 'r-2' }));
        expect(await store.completeReset('r-2', T)).toBe(true);
        expect(await store.extendReset('r-2', exp + 60_000, T)).toBe(false);
        expect((await store.getReset('r-2', T))?.expiresAt).toBe(exp);
        expect(await store.extendReset('unknown', exp, T)).toBe(false);
      });
      it('passResetGate appends a method once, never after completion or expiry; reopenReset undoes a completion', async () => {
        const store = await open();
        await store.putReset(reset({ passedMethodIds: [] }));
        expect((await store.passResetGate('r-1', 'm-1', T))?.passedMethodIds).toEqual(['m-1']);
        expect(await store.passResetGate('r-1', 'm-1', T)).toBeNull(); // the same gate twice
        expect((await store.passResetGate('r-1', 'm-2', T))?.passedMethodIds).toEqual(['m-1', 'm-2']);
        expect(await store.passResetGate('r-1', 'm-3', T + 60_000)).toBeNull(); // expired
        expect(await store.completeReset('r-1', T)).toBe(true);
        expect(await store.passResetGate('r-1', 'm-3', T)).toBeNull(); // completed: a late gate cannot reopen it
        expect((await store.getReset('r-1', T))?.completed).toBe(true);
        await store.reopenReset('r-1');
        expect((await store.getReset('r-1', T))?.completed).toBe(false);
        expect(await store.passResetGate('unknown', 'm-1', T)).toBeNull();
      });
    });

    describe('copies', () => {
      it('records handed in or out are copies: mutating them never changes the store', async () => {
        const store = await open();
        const m = method();
        await store.addMethod(m);
        m.label = 'mutated after add';
        const listed = await store.listMethods('alain@contoso.com');
        listed[0]!.label = 'mutated after list';
        if (listed[0]!.type === 'authenticatorApp') listed[0]!.lastUsedStep = 99;
        const r = reset();
        await store.putReset(r);
        r.passedMethodIds.push('after-put');
        const gotReset = await store.getReset('r-1', T);
        gotReset!.passedMethodIds.push('after-get');
        gotReset!.completed = true;
        const ids = ['q1'];
        await store.putChallenge(drawn(ids));
        ids.push('after-put');
        const gotChallenge = await store.getChallenge('c-1', T);
        if (gotChallenge?.kind === 'questions') gotChallenge.questionIds.push('after-get');
        const p = { userId: 'alain@contoso.com', skipsUsed: 0 };
        await store.putProfile(p);
        p.skipsUsed = 5;
        (await store.getProfile('alain@contoso.com'))!.skipsUsed = 6;
        const s = { tokenHash: 'h', userId: 'u', elevated: false, expiresAt: T + 1 };
        await store.putSession(s);
        s.elevated = true;
        (await store.getSession('h', T))!.elevated = true;
        const e = { at: '2025-01-01T00:00:00.000Z', event: 'x', outcome: 'success' as const };
        await store.appendAudit(e);
        e.event = 'mutated';
        (await store.listAudit())[0]!.event = 'mutated too';

        expect(await store.listMethods('alain@contoso.com')).toEqual([method()]);
        expect(await store.getReset('r-1', T)).toEqual(reset());
        expect(await store.getChallenge('c-1', T)).toEqual(drawn(['q1']));
        expect((await store.getProfile('alain@contoso.com'))?.skipsUsed).toBe(0);
        expect((await store.getSession('h', T))?.elevated).toBe(false);
        expect((await store.listAudit())[0]?.event).toBe('x');
      });
    });

    describe('compare-and-set under concurrency: exactly one of 20 racing calls wins', () => {
      const race = <R>(n: number, fn: (i: number) => Promise<R>): Promise<R[]> => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

      it('takeChallenge', async () => {
        const store = await open();
        await store.putChallenge(challenge());
        const got = await race(20, () => store.takeChallenge('c-1', T));
        expect(got.filter((c) => c !== null)).toEqual([challenge()]);
      });
      it('takeSetup', async () => {
        const store = await open();
        await store.putSetup(setup());
        const got = await race(20, () => store.takeSetup('s-1', T));
        expect(got.filter((s) => s !== null)).toHaveLength(1);
      });
      it('advanceTotpStep with the same step', async () => {
        const store = await open();
        await store.addMethod(method({ lastUsedStep: 100 }));
        const won = await race(20, () => store.advanceTotpStep('m-1', 101));
        expect(won.filter(Boolean)).toHaveLength(1);
        expect(await store.listMethods('alain@contoso.com')).toEqual([method({ lastUsedStep: 101 })]);
      });
      it('advanceCounter with the same counter', async () => {
        const store = await open();
        await store.addMethod(key({ counter: 6 }));
        const won = await race(20, () => store.advanceCounter('m-1', 7));
        expect(won.filter(Boolean)).toHaveLength(1);
      });
      it('completeReset', async () => {
        const store = await open();
        await store.putReset(reset());
        const won = await race(20, () => store.completeReset('r-1', T));
        expect(won.filter(Boolean)).toHaveLength(1);
      });
      it('extendReset racing completeReset: the reset ends completed, whatever the order', async () => {
        const store = await open();
        await store.putReset(reset());
        const [, completed] = await Promise.all([race(10, () => store.extendReset('r-1', T + 120_000, T)), store.completeReset('r-1', T)]);
        expect(completed).toBe(true);
        expect((await store.getReset('r-1', T))?.completed).toBe(true);
        expect(await store.extendReset('r-1', T + 120_000, T)).toBe(false);
      });
      it('passResetGate with the same method', async () => {
        const store = await open();
        await store.putReset(reset({ passedMethodIds: [] }));
        const won = await race(20, () => store.passResetGate('r-1', 'm-1', T));
        expect(won.filter(Boolean)).toHaveLength(1);
        expect((await store.getReset('r-1', T))?.passedMethodIds).toEqual(['m-1']);
      });
      it('addMethodUnder with a limit of 5: 20 racing adds of one type, exactly 5 land; replacing frees its place', async () => {
        const store = await open();
        const got = await race(20, (i) => store.addMethodUnder(method({ id: `m-r${i}` }), 5));
        expect(got.filter(Boolean)).toHaveLength(5);
        const mine = await store.listMethods('alain@contoso.com');
        expect(mine).toHaveLength(5);
        // Replacing one of the five: the new one takes its place, atomically.
        expect(await store.addMethodUnder(method({ id: 'm-new' }), 5, [mine[0]!.id])).toBe(true);
        expect((await store.listMethods('alain@contoso.com')).map((m) => m.id)).not.toContain(mine[0]!.id);
        expect(await store.addMethodUnder(method({ id: 'm-over' }), 5)).toBe(false);
        expect(await store.listMethods('alain@contoso.com')).toHaveLength(5);
      });
      it('takeSkip with 3 allowed: 20 racing skips, exactly 3 counted', async () => {
        const store = await open();
        const got = await race(20, () => store.takeSkip('alain@contoso.com', 3));
        expect(got.filter((n) => n !== null).sort()).toEqual([1, 2, 3]);
        expect((await store.getProfile('alain@contoso.com'))?.skipsUsed).toBe(3);
      });
      it('reserveAttempt with a limit of 5: 50 racing reservations, exactly 5 granted, the rest refused until the block ends', async () => {
        const store = await open();
        const limit = { max: 5, windowMs: 3_600_000, blockMs: 86_400_000 };
        const got = await race(50, () => store.reserveAttempt('verify:m-1', T, limit));
        expect(got.filter((r) => r.ok)).toHaveLength(5);
        expect(new Set(got.flatMap((r) => (r.ok ? [r.id] : []))).size).toBe(5);
        expect(got.filter((r) => !r.ok).every((r) => !r.ok && r.until === T + 86_400_000)).toBe(true);
        expect(await store.blockedUntil('verify:m-1', T)).toBe(T + 86_400_000);
        // Each granted reservation saw its own place in the window (what "tries left" is told from): 1…5, none twice.
        expect(got.flatMap((r) => (r.ok ? [r.count] : [])).sort()).toEqual([1, 2, 3, 4, 5]);
      });
    });

    describe('throttles', () => {
      const limit = { max: 3, windowMs: 5000, blockMs: 1000 };
      it('reserveAttempt counts inside the sliding window; the max-th blocks the key for blockMs', async () => {
        const store = await open();
        expect((await store.reserveAttempt('k', T, limit)).ok).toBe(true);
        expect((await store.reserveAttempt('k', T + 1000, limit)).ok).toBe(true);
        expect(await store.blockedUntil('k', T + 1000)).toBeNull();
        expect((await store.reserveAttempt('other', T + 1000, limit)).ok).toBe(true);
        expect((await store.reserveAttempt('K', T + 1000, limit)).ok).toBe(true); // keys are exact
        expect(await store.reserveAttempt('k', T + 2000, limit)).toMatchObject({ ok: true, count: 3 }); // the 3rd: granted, and blocks
        expect(await store.blockedUntil('k', T + 2000)).toBe(T + 3000);
        expect(await store.reserveAttempt('k', T + 2999, limit)).toEqual({ ok: false, until: T + 3000 });
        expect(await store.blockedUntil('k', T + 3000)).toBeNull(); // exclusive
        // After the block, the window still holds T+1000 and T+2000 (T left at T+5000): the next one blocks again.
        expect(await store.reserveAttempt('k', T + 5000, limit)).toMatchObject({ ok: true, count: 3 });
        expect(await store.blockedUntil('k', T + 5000)).toBe(T + 6000);
        // Long after, the window is empty again.
        expect(await store.reserveAttempt('k', T + 60_000, limit)).toMatchObject({ ok: true, count: 1 });
        expect(await store.blockedUntil('k', T + 60_000)).toBeNull();
      });

      it('releaseAttempt gives one back, and lifts the block only when that reservation set it', async () => {
        const store = await open();
        const r1 = await store.reserveAttempt('k', T, limit);
        const r2 = await store.reserveAttempt('k', T, limit);
        const r3 = await store.reserveAttempt('k', T, limit);
        if (!r1.ok || !r2.ok || !r3.ok) throw new Error('expected three reservations');
        expect(await store.blockedUntil('k', T)).toBe(T + 1000);
        await store.releaseAttempt('k', r1.id); // not the one that blocked
        expect(await store.blockedUntil('k', T)).toBe(T + 1000);
        await store.releaseAttempt('k', r3.id); // the one that blocked
        expect(await store.blockedUntil('k', T)).toBeNull();
        // Two events were given back: one stays (r2), so two more fit before the block.
        expect((await store.reserveAttempt('k', T, limit)).ok).toBe(true);
        expect(await store.blockedUntil('k', T)).toBeNull();
        expect((await store.reserveAttempt('k', T, limit)).ok).toBe(true);
        expect(await store.blockedUntil('k', T)).toBe(T + 1000);
        await store.releaseAttempt('never-used', '12345');
        await store.releaseAttempt('k', r2.id); // another key's id space is untouched; releasing twice is harmless
        await store.releaseAttempt('k', r2.id);
      });

      it('clearAttempts forgets the events and the block of one key only', async () => {
        const store = await open();
        for (let i = 0; i < 3; i++) await store.reserveAttempt('k', T, limit);
        for (let i = 0; i < 3; i++) await store.reserveAttempt('other', T, limit);
        expect(await store.blockedUntil('k', T)).toBe(T + 1000);
        await store.clearAttempts('k');
        await store.clearAttempts('never-used');
        expect(await store.blockedUntil('k', T)).toBeNull();
        expect(await store.blockedUntil('other', T)).toBe(T + 1000);
        expect((await store.reserveAttempt('k', T, limit)).ok).toBe(true);
        expect((await store.reserveAttempt('k', T, limit)).ok).toBe(true);
        expect(await store.blockedUntil('k', T)).toBeNull(); // the count started again from 0
      });
    });

    describe('audit and helpdesk', () => {
      it('lists events in append order (not time order), filters since (inclusive) and limits', async () => {
        const store = await open();
        const e1 = { at: '2025-06-15T10:00:00.000Z', event: 'reset.verify', userId: 'alain@contoso.com', client: '10.0.0.1', outcome: 'failure' as const, supportCode: 'SC-1', detail: 'wrong code' };
        const e2 = { at: '2025-06-15T09:00:00.000Z', event: 'reset.start', outcome: 'success' as const };
        const e3 = { at: '2025-06-15T11:00:00.000Z', event: 'reset.done', userId: 'alain@contoso.com', outcome: 'success' as const };
        for (const e of [e1, e2, e3]) await store.appendAudit(e);
        expect(await store.listAudit()).toEqual([e1, e2, e3]);
        expect(await store.listAudit({})).toEqual([e1, e2, e3]);
        expect(await store.listAudit({ since: '2025-06-15T10:00:00.000Z' })).toEqual([e1, e3]);
        expect(await store.listAudit({ since: '2025-06-15T12:00:00.000Z' })).toEqual([]);
        expect(await store.listAudit({ limit: 2 })).toEqual([e1, e2]);
        expect(await store.listAudit({ since: '2025-06-15T09:30:00.000Z', limit: 1 })).toEqual([e1]);
        expect(await store.listAudit({ limit: 0 })).toEqual([]);
        const [second] = (await store.listAudit({ since: '2025-06-15T08:00:00.000Z' })).slice(1);
        expect(Object.keys(second!).sort()).toEqual(['at', 'event', 'outcome']);
      });

      it('keeps 200 events in order', async () => {
        const store = await open();
        for (let i = 0; i < 200; i++) await store.appendAudit({ at: new Date(T + (i % 7) * 1000).toISOString(), event: `e${i}`, outcome: 'success' });
        expect((await store.listAudit()).map((e) => e.event)).toEqual(Array.from({ length: 200 }, (_, i) => `e${i}`));
      });

      it('accepts helpdesk requests (the same support code twice too)', async () => {
        const store = await open();
        const r = { supportCode: 'SC-9', userId: 'alain@contoso.com', reason: 'SSPR_NOT_ENABLED', at: '2025-06-15T10:00:00.000Z' };
        await store.addHelpdeskRequest(r);
        await expect(store.addHelpdeskRequest(r)).resolves.toBeUndefined();
      });
    });

    describe('ping and sweep', () => {
      it('ping resolves on a working store', async () => {
        const store = await open();
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('sweep removes expired sessions, setups, challenges, resets and blocks, and keeps live ones', async () => {
        const store = await open();
        const old = T - 1;
        await store.putSession({ tokenHash: 'old', userId: 'u', elevated: false, expiresAt: old });
        await store.putSession({ tokenHash: 'new', userId: 'u', elevated: true, expiresAt: T + 1 });
        await store.putSetup(setup({ id: 'old', expiresAt: old }));
        await store.putSetup(setup({ id: 'new', expiresAt: T + 1 }));
        await store.putChallenge(challenge({ id: 'old', expiresAt: old }));
        await store.putChallenge(challenge({ id: 'new', expiresAt: T + 1 }));
        await store.putReset(reset({ tokenHash: 'old', expiresAt: old }));
        await store.putReset(reset({ tokenHash: 'new', expiresAt: T + 1 }));
        const blockOnce = (until: number) => ({ max: 1, windowMs: 1, blockMs: until - (T - 100) });
        await store.reserveAttempt('old', T - 100, blockOnce(old));
        await store.reserveAttempt('new', T - 100, blockOnce(T + 1));
        await store.reserveAttempt('live', T - 500, { max: 2, windowMs: 1000, blockMs: 1 });
        await store.sweep(T);
        // Looking back in time shows what sweep deleted (expired = absent already hides it at T).
        const past = T - 10;
        expect(await store.getSession('old', past)).toBeNull();
        expect(await store.getSetup('old', past)).toBeNull();
        expect(await store.getChallenge('old', past)).toBeNull();
        expect(await store.getReset('old', past)).toBeNull();
        expect(await store.blockedUntil('old', past)).toBeNull();
        expect(await store.getSession('new', past)).not.toBeNull();
        expect(await store.getSetup('new', past)).not.toBeNull();
        expect(await store.getChallenge('new', past)).not.toBeNull();
        expect(await store.getReset('new', past)).not.toBeNull();
        expect(await store.blockedUntil('new', past)).toBe(T + 1);
        // A counted event survives sweep: this second one reaches max (2) and blocks.
        expect((await store.reserveAttempt('live', T, { max: 2, windowMs: 1000, blockMs: 1 })).ok).toBe(true);
        expect(await store.blockedUntil('live', T)).toBe(T + 1);
        await store.sweep(T + 1);
        expect(await store.getSession('new', past)).toBeNull();
      });
    });

    const second = (o: OpenedStore): (() => Promise<Store>) => {
      if (!o.another) throw new Error(`${name}: a durable store's factory must offer another()`);
      return o.another;
    };

    if (options.durable) describe('several instances', () => {
      it('a second instance sees what the first wrote, and after the first closed', async () => {
        const o = await fresh();
        const another = second(o);
        await o.store.addMethod(method({ lastUsedStep: 5 }));
        await o.store.appendAudit({ at: '2025-01-01T00:00:00.000Z', event: 'x', outcome: 'success' });
        await o.store.putReset(reset());
        await o.store.close();
        const again = await another();
        opened.push(again);
        expect(await again.listMethods('alain@contoso.com')).toEqual([method({ lastUsedStep: 5 })]);
        expect(await again.listAudit()).toHaveLength(1);
        expect(await again.getReset('r-1', T)).toEqual(reset());
      });

      it('two instances racing: one takeChallenge, one advanceTotpStep, one completeReset win', async () => {
        const o = await fresh();
        const b = await second(o)();
        opened.push(b);
        const a = o.store;
        await a.putChallenge(challenge());
        await a.addMethod(method());
        await a.putReset(reset());
        const both = <R>(fn: (s: Store) => Promise<R>) => Promise.all(Array.from({ length: 20 }, (_, i) => fn(i % 2 ? a : b)));
        expect((await both((s) => s.takeChallenge('c-1', T))).filter((c) => c !== null)).toHaveLength(1);
        expect((await both((s) => s.advanceTotpStep('m-1', 42))).filter(Boolean)).toHaveLength(1);
        expect((await both((s) => s.completeReset('r-1', T))).filter(Boolean)).toHaveLength(1);
        expect((await both((s) => s.takeSkip('alain@contoso.com', 2))).filter((n) => n !== null)).toHaveLength(2);
        // 20 reservations split over two instances against a limit of 5: exactly 5 granted.
        const reserved = await both((s) => s.reserveAttempt('k', T, { max: 5, windowMs: 60_000, blockMs: 60_000 }));
        expect(reserved.filter((r) => r.ok)).toHaveLength(5);
      });
    });
  });
}
