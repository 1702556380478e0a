import type { MethodOwner } from './method-module.js';

/** One challenge per owner and method: asking again (a resend) replaces the previous one. */
export const challengeId = (owner: Pick<MethodOwner, 'hash'>, methodId: string): string => `${owner.hash}:${methodId}`;
