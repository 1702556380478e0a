export function findChromium(): string | null;
export interface SystemDep { what: string; present(): boolean; debian: string[] }
export const systemDeps: SystemDep[];
export const buildDeps: { debian: string[] };
export function missingDeps(): SystemDep[];
