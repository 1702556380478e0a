/** Types of apt-install.mjs, for the TypeScript tests. */
export interface AptFacts {
  packages: string[];
  uid: number | undefined;
  hasApt: boolean;
  hasSudo: boolean;
  sudoWithoutPassword: boolean;
  interactive: boolean;
  why: string;
}
export type AptPlan = { kind: 'run'; prefix: string[] } | { kind: 'tell'; line: string };
export declare function aptPlan(facts: AptFacts): AptPlan;
export declare function machineFacts(): Omit<AptFacts, 'packages' | 'why'>;
export declare function aptInstall(packages: string[], options: { why: string; log?: (line: string) => void }): string | null;
