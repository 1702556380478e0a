// The floor of a code verify (issue 10): the irreducible work of POST /reset/verify and nothing
// else — node:http, parse the JSON body, one SQLite read (the reset's secret by its token),
// one TOTP verify with otplib (the service's library and settings: SHA-1, 6 digits, 30 s, ±1
// step), one SQLite write (the attempt), a JSON answer. Its own process, like the service.
//   node scripts/bench/floor-server.mjs FIXTURE.json DB   → prints "listening on http://127.0.0.1:PORT"
// FIXTURE.json: [{ token, secret, blockedUntil? }…] (the same users and codes the service is given).
// The blocked path's floor: a reset whose method is blocked (blockedUntil in the future) is
// answered THROTTLED after the same one read, with no verify and no write.
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { verify } from 'otplib';

const [fixturePath, dbPath] = process.argv.slice(2);
if (!fixturePath || !dbPath) {
  console.error('usage: floor-server.mjs FIXTURE.json DB');
  process.exit(2);
}
const db = new Database(dbPath);
// The service's SQLite settings (server/store/sqlite-store.ts, durability "crash").
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS resets (token TEXT PRIMARY KEY, secret TEXT NOT NULL, blocked_until INTEGER); CREATE TABLE IF NOT EXISTS attempts (id INTEGER PRIMARY KEY, token TEXT NOT NULL, at INTEGER NOT NULL, ok INTEGER NOT NULL)');
const insert = db.prepare('INSERT OR REPLACE INTO resets (token, secret, blocked_until) VALUES (?, ?, ?)');
db.transaction((rows) => rows.forEach((r) => insert.run(r.token, r.secret, r.blockedUntil ?? null)))(JSON.parse(readFileSync(fixturePath, 'utf8')));
const secretOf = db.prepare('SELECT secret, blocked_until FROM resets WHERE token = ?');
const record = db.prepare('INSERT INTO attempts (token, at, ok) VALUES (?, ?, ?)');

const answer = (res, status, body) => {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, { ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const row = secretOf.get(token);
    if (!row || typeof body.code !== 'string') return answer(res, 400, { ok: false, error: { code: 'RESET_EXPIRED' } });
    if (row.blocked_until !== null && row.blocked_until > Date.now()) return answer(res, 429, { ok: false, error: { code: 'THROTTLED', retryAfter: new Date(row.blocked_until).toISOString() } });
    const epoch = Math.floor(Date.now() / 1000);
    const result = await verify({ secret: row.secret, token: body.code, algorithm: 'sha1', digits: 6, period: 30, epoch, epochTolerance: 30 });
    record.run(token, Date.now(), result.valid ? 1 : 0);
    if (!result.valid) return answer(res, 400, { ok: false, error: { code: 'INVALID_CODE' } });
    return answer(res, 200, { ok: true, data: { complete: true } });
  });
});
// Fastify's keep-alive timeout (72 s), not node's 5 s: between its runs the bench's idle
// connections must stay open, as the service keeps them, or the next run meets closed sockets.
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
