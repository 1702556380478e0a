/** Types of keyring-module.mjs, for the TypeScript tests. */
export type KeytarCheck = { ok: true } | { ok: false; installed: boolean; reason: string };
export declare function keytarVersionFromLock(lockText: string): string;
export declare function checkKeytar(root: string): KeytarCheck;
export declare function restoreCommand(state: { installed: boolean; version: string }): string[];
export declare function missingBuildTools(): string[];
export declare function bringKeytarBack(root: string, options?: { log?: (line: string) => void }): { ok: true; changed: boolean } | { ok: false; line: string };
