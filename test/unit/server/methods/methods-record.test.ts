/**
 * The methods record is complete: the compiler refuses a method type without its module (the
 * `@ts-expect-error` lines fail `tsc` if that ever stops being true), and at run time every
 * MethodType has a module of its own type carrying the traits every side agrees on.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { methodTraits, methodTypes, type MethodType } from '../../../../contract/methods.js';
import { notifyLanguages } from '../../../../server/notify/messages.js';
import { defaultPolicy } from '../../../../server/policy/policy.js';
import { methods, methodModule } from '../../../../server/methods/index.js';
import type { MethodModule } from '../../../../server/methods/method-module.js';

const { questions: _left, ...withoutQuestions } = methods;

describe('the methods record', () => {
  it('is typed as one module per MethodType, each under its own key', () => {
    expectTypeOf(methods).toEqualTypeOf<{ [T in MethodType]: MethodModule<T> }>();
    expectTypeOf(methodModule('sms')).toEqualTypeOf<MethodModule<'sms'>>();
    // @ts-expect-error a record without `questions` does not compile
    const incomplete: typeof methods = withoutQuestions;
    // @ts-expect-error a module under another type's key does not compile
    const swapped: typeof methods = { ...methods, email: methods.sms };
    expect([incomplete, swapped]).toHaveLength(2);
  });

  it.each(methodTypes)('has a module for %s, of that type, with the traits of contract/methods.ts', (type) => {
    const module = methods[type];
    expect(module.type).toBe(type);
    expect({ secondFactor: module.secondFactor, resetOnly: module.resetOnly }).toEqual({ secondFactor: methodTraits[type].secondFactor, resetOnly: methodTraits[type].resetOnly });
    expect(module.maxPerUser(defaultPolicy)).toBeGreaterThanOrEqual(1);
    for (const language of notifyLanguages) expect(module.name[language].trim()).not.toBe('');
    expect(module.name['zh-TW']).not.toBe(module.name.en);
    for (const fn of [module.setup.begin, module.setup.prove, module.challenge, module.verify, module.readProof, module.hint]) expect(fn).toBeTypeOf('function');
  });

  it('has no module beyond the method types', () => {
    expect(Object.keys(methods).sort()).toEqual([...methodTypes].sort());
  });

  it('names only apps and keys as user-given (the ones that may be renamed)', () => {
    expect(methodTypes.filter((t) => methods[t].userNamed).sort()).toEqual(['authenticatorApp', 'securityKey']);
  });

  it('reads from an API proof only the kind of proof its method takes', () => {
    const code = { code: '123456' };
    const answers = { answers: [{ questionId: 'q-first-pet', answer: 'Rex' }] };
    const assertion = { assertion: { id: 'x' } };
    for (const type of ['authenticatorApp', 'sms', 'voice', 'email'] as const) {
      expect(methods[type].readProof(code)).toEqual(code);
      expect(methods[type].readProof(answers)).toBeNull();
    }
    expect(methods.questions.readProof(answers)).toEqual(answers);
    expect(methods.questions.readProof(code)).toBeNull();
    expect(methods.securityKey.readProof(assertion)).toEqual(assertion);
    expect(methods.securityKey.readProof(code)).toBeNull();
  });
});
