// `npm run server -- …`: the directory service from its compiled bundle, built first when a
// source changed. The service runs in this process (no second node), so signals and the exit
// code are its own.
import { pathToFileURL } from 'node:url';
import { ensureServiceBuilt } from './build-service.mjs';

let bundle;
try {
  bundle = await ensureServiceBuilt();
} catch {
  console.error('The directory service could not be built (esbuild printed why). Fix the error, or run it from source: npx tsx server/cli.ts …');
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
