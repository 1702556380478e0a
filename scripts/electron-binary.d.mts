/** Types of electron-binary.mjs, for the TypeScript tests. */
export declare const ELECTRON_UNAVAILABLE_MESSAGE: string;

export interface ResolveElectronBinaryOptions {
  electronDir?: string;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string;
}

export type ElectronBinary = { ok: true; path: string } | { ok: false; message: string };

export declare function resolveElectronBinary(options?: ResolveElectronBinaryOptions): ElectronBinary;
