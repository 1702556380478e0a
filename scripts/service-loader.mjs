// Copied by scripts/build-service.mjs next to the service's bundle as <name>.mjs (the command
// people run, e.g. dist/server/cli.mjs); runs <name>.cjs with a V8 code cache.
// Why: compiling the ~5 MB bundle was the largest part of the service's start (a third of it in
// a CPU profile), and node 20 keeps no compile cache for ES modules. A CommonJS script compiled
// through vm.Script can be given the bytecode V8 made last time (measured: start → listening
// 334 → 231 ms median). The cache is written once, after the start (so it holds the functions
// the start ran), beside the bundle, under the bundle's content hash: V8 checks little more than
// the source's length before it trusts a cache, so a rebuilt bundle must never meet an old one.
// A cache V8 rejects (another node, other flags) is written again; where the folder is read-only
// the service starts without one (slower, nothing else).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const self = fileURLToPath(import.meta.url);
const bundle = self.replace(/\.mjs$/, '.cjs');
// Replaced by the build with the first 16 hex digits of the bundle's SHA-256.
const bundleHash = '__BUNDLE_HASH__';
const cacheFile = `${bundle}.${bundleHash}.cache`;

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined; // none yet: written after this start
}
const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData,
  // import() of a package kept outside the bundle resolves as it would in the bundle itself.
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});

if (cachedData === undefined || script.cachedDataRejected) {
  // After the start: the cache then carries the bytecode of everything the start compiled.
  setTimeout(() => {
    const partial = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile); // whole or not at all, even with several starting at once
    } catch {
      // A read-only install: every start compiles the bundle, as without this loader.
    }
  }, 2000).unref();
}

const module = new Module(bundle);
module.filename = bundle;
const require = createRequire(bundle);
script.runInThisContext()(module.exports, require, module, bundle, dirname(bundle));
