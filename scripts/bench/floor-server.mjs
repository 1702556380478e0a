// The floor of a code verify (issue 10): the irreducible work of POST /reset/verify and nothing
// else — node:http, parse the JSON body, one SQLite read (the reset's secret by its token),
// one TOTP verify with otplib (the service's library and settings: SHA-1, 6 digits, 30 s, ±1
// step), one SQLite write (the attempt), a JSON answer. Its own process, like the service.
//   node scripts/bench/floor-server.mjs FIXTURE.json DB   → prints "listening on http://127.0.0.1:PORT"
// FIXTURE.json: [{ token, secret, blockedUntil?, userId?, password?, scryptN? }…] (the same users
// and codes the service is given).
// The blocked path's floor: a reset whose method is blocked (blockedUntil in the future) is
// answered THROTTLED after the same one read, with no verify and no write.
// The sign-in's floor (POST /api/v1/sessions { userId, password }): one SQLite read (the user's
// salt and hash), one scrypt with the memory directory's parameters (N from the fixture, r 8,
// p 1, 32 bytes), one SQLite write (the session), a JSON answer with a new token.
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
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
db.exec('CREATE TABLE IF NOT EXISTS users (user_id TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL, n INTEGER NOT NULL); CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL)');
// Asynchronous, on libuv's pool, as the memory directory calls it.
const scryptOf = (password, salt, n) => new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, 32, { N: n, r: 8, p: 1 }, (e, key) => (e ? reject(e) : resolve(key))));
const insert = db.prepare('INSERT OR REPLACE INTO resets (token, secret, blocked_until) VALUES (?, ?, ?)');
const insertUser = db.prepare('INSERT OR REPLACE INTO users (user_id, salt, hash, n) VALUES (?, ?, ?, ?)');
const fixture = await Promise.all(
  JSON.parse(readFileSync(fixturePath, 'utf8')).map(async (r) => {
    if (!r.userId) return r;
    const salt = randomBytes(16);
    return { ...r, salt, hash: await scryptOf(r.password, salt, r.scryptN) };
  }),
);
db.transaction((rows) =>
  rows.forEach((r) => {
    insert.run(r.token, r.secret, r.blockedUntil ?? null);
    if (r.userId) insertUser.run(r.userId.toLowerCase(), r.salt, r.hash, r.scryptN);
  }),
)(fixture);
const userOf = db.prepare('SELECT salt, hash, n FROM users WHERE user_id = ?');
const putSession = db.prepare('INSERT INTO sessions (token, user_id, expires_at) VALUES (?, ?, ?)');
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
    if (req.url === '/api/v1/sessions') {
      const user = typeof body.userId === 'string' && typeof body.password === 'string' ? userOf.get(body.userId.toLowerCase()) : undefined;
      if (!user || !timingSafeEqual(await scryptOf(body.password, user.salt, user.n), user.hash)) return answer(res, 401, { ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      const sessionToken = randomBytes(32).toString('base64url');
      putSession.run(sessionToken, body.userId.toLowerCase(), Date.now() + 900_000);
      return answer(res, 200, { ok: true, data: { sessionToken } });
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
