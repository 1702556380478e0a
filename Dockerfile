# syntax=docker/dockerfile:1
# The directory service as an OCI image (docs/deployment.md, "Container image (Docker/OCI)").
#   docker build -t sign-in-helper-service .
#   docker run --rm -p 8787:8787 --env-file sign-in-helper.env \
#     -v "$PWD/service.yaml:/etc/sign-in-helper/service.yaml:ro" \
#     -v sign-in-helper-data:/var/lib/sign-in-helper sign-in-helper-service
#
# The service runs from its esbuild bundle (scripts/build-service.mjs: dist/server/cli.cjs, run
# by dist/server/cli.mjs with a V8 code cache). Every package is bundled except the native
# addons, which load from node_modules: only those are installed in the runtime image.

ARG NODE_IMAGE=node:20-bookworm
ARG NODE_RUNTIME_IMAGE=node:20-bookworm-slim

# --- build: the bundle ------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# The bundle needs esbuild and the packages it inlines, not the desktop app's install steps
# (Electron's download, the keyring's native build): esbuild's JS API finds its platform
# binary without its install script.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build-service.mjs scripts/service-loader.mjs scripts/
COPY contract contract
COPY server server
RUN node scripts/build-service.mjs
# The packages the bundle loads from node_modules (its bare imports and require calls that
# are not Node built-ins; a require written inside a string is ajv's generated code, not a
# call) must be exactly what the runtime stage installs (RUNTIME_PACKAGES): a new external
# would otherwise fail at the first request that needs it, not here.
# pg-native is left out on purpose: pg loads it only when its native client is asked for.
ARG RUNTIME_PACKAGES="better-sqlite3 @node-rs/argon2"
ARG NEVER_LOADED="pg-native"
RUN node --input-type=module -e ' \
  import { readdirSync, readFileSync } from "node:fs"; \
  import { isBuiltin } from "node:module"; \
  const dir = "dist/server"; \
  const list = (v) => v.split(/\s+/).filter(Boolean); \
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.(mjs|cjs)$/.test(f)); \
  const found = new Set(); \
  const pattern = /^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|(?<![`\x27"\w.$])(?:__)?require\(\s*"([^"]+)"\s*\)/gm; \
  for (const f of files) for (const m of readFileSync(`${dir}/${f}`, "utf8").matchAll(pattern)) { \
    const name = m[1] ?? m[2] ?? m[3] ?? m[4]; \
    if (!name.startsWith(".") && !name.startsWith("/") && !isBuiltin(name)) found.add(name); \
  } \
  const wanted = list(process.env.RUNTIME_PACKAGES); \
  const loaded = [...found].filter((n) => !list(process.env.NEVER_LOADED).includes(n)).sort(); \
  if (loaded.join() !== [...wanted].sort().join()) { console.error(`externals: the bundle loads [${loaded}] from node_modules, the image installs [${wanted}]`); process.exit(1); } \
  console.log(`externals: ${loaded.join(", ")} (never loaded: ${[...found].filter((n) => !loaded.includes(n))})`);'

# --- runtime-deps: the native addons, at the versions of package-lock.json ---------------------
# The full Node image has python3, make and g++ in case a prebuilt addon cannot be fetched;
# its glibc is the slim image's (both Debian bookworm), so the addons run there as built here.
FROM ${NODE_IMAGE} AS runtime-deps
ARG RUNTIME_PACKAGES="better-sqlite3 @node-rs/argon2"
# A source build of an addon uses the image's own Node headers rather than downloading them.
ENV npm_config_nodedir=/usr/local
WORKDIR /deps
COPY package.json package-lock.json ./
# A package.json that depends on those packages only, each at its locked version; npm keeps
# the lockfile's versions of their own dependencies too.
RUN node -e ' \
  const fs = require("node:fs"); \
  const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")); \
  const dependencies = {}; \
  for (const name of process.env.RUNTIME_PACKAGES.split(/\s+/).filter(Boolean)) { \
    const entry = lock.packages[`node_modules/${name}`]; \
    if (!entry) { console.error(`${name} is not in package-lock.json`); process.exit(1); } \
    dependencies[name] = entry.version; \
  } \
  fs.writeFileSync("package.json", JSON.stringify({ name: "sign-in-helper-service", private: true, dependencies }, null, 2)); \
  console.log(dependencies);' \
  && npm install --omit=dev --omit=peer --no-audit --no-fund \
  && test -f node_modules/better-sqlite3/build/Release/better_sqlite3.node \
  && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
  && find node_modules/better-sqlite3/build -mindepth 1 ! -path '*/Release' ! -name better_sqlite3.node -prune -exec rm -rf {} + \
  && npm cache clean --force

# --- runtime ------------------------------------------------------------------------------------
FROM ${NODE_RUNTIME_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system --gid 10001 sign-in-helper \
  && useradd --system --uid 10001 --gid sign-in-helper --home-dir /var/lib/sign-in-helper --shell /usr/sbin/nologin sign-in-helper \
  && mkdir -p /etc/sign-in-helper /var/lib/sign-in-helper \
  && chown sign-in-helper:sign-in-helper /var/lib/sign-in-helper \
  && chmod 700 /var/lib/sign-in-helper
# Owned by root, read-only to the service: code is not writable by the process that runs it.
COPY --from=runtime-deps /deps/node_modules ./node_modules
COPY --from=build /src/dist/server ./dist/server
COPY server/config/example-config.yaml /etc/sign-in-helper/example-config.yaml
# The V8 code cache of the bundle, made here (as root: dist/ is read-only to the service): one
# start of the demo, which the loader caches 2 s after it began (scripts/service-loader.mjs).
# Without it every start compiles the bundle (~0.1 s more); nothing else differs.
RUN timeout 6 node /app/dist/server/cli.mjs --demo --port 0 > /dev/null; ls /app/dist/server/cli.cjs.*.cache

# The SQLite store (store.path: /var/lib/sign-in-helper/sign-in-helper.db). Not needed with a
# PostgreSQL store.
VOLUME ["/var/lib/sign-in-helper"]
USER sign-in-helper
EXPOSE 8787
# cli.ts stops taking requests on SIGTERM, lets those in flight finish (10 s at most), closes
# the store, exits 0. Give `docker stop` more than that: docker stop -t 15.
STOPSIGNAL SIGTERM
# /readyz: 200 when the service can serve (warm-up done, store answers), 503 meanwhile. Slim
# images have no curl: Node asks. Set SIGNIN_HELPER_HEALTHCHECK_URL for another port or
# https (server.tls; the loopback probe does not check the certificate).
ENV SIGNIN_HELPER_HEALTHCHECK_URL=http://127.0.0.1:8787/readyz
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const u = new URL(process.env.SIGNIN_HELPER_HEALTHCHECK_URL); require(u.protocol === 'https:' ? 'node:https' : 'node:http').get(u, { rejectUnauthorized: false, timeout: 4000 }, (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('timeout', () => process.exit(1)).on('error', () => process.exit(1))"]
ENTRYPOINT ["node", "/app/dist/server/cli.mjs"]
CMD ["--config", "/etc/sign-in-helper/service.yaml"]
