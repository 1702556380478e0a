export const serviceExternals: string[];
export const serviceBundle: string;
export function serviceBuildIsStale(): boolean;
export function buildService(entry?: string, outdir?: string): Promise<string>;
export function ensureServiceBuilt(log?: (m: string) => void): Promise<string>;
