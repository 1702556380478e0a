/** Types of start-plan.mjs, for the TypeScript tests. */
export type StartPlan =
  | { mode: 'electron'; command: string; args: string[] }
  | { mode: 'web'; command: string; args: string[]; why: string; openBrowser: boolean };
export declare function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
export declare function planStart(facts: {
  electron: { ok: true; path: string } | { ok: false };
  platform: string;
  env: Record<string, string | undefined>;
  args: string[];
  root: string;
  execPath: string;
}): StartPlan;
export declare function webFallbackLine(why: string, url: string): string;
export declare function urlFromWebHostLine(line: string): string | null;
export declare function browserCommand(platform: string, url: string): [string, string[]];
