import { ensureRendererBuilt } from '../../electron/web-host/renderer-build.js';

/** The end-to-end tests drive the BUILT renderer, as users get it. */
export default function globalSetup(): void {
  ensureRendererBuilt(process.cwd(), console.log);
}
