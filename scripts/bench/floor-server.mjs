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
// The reset start's floor (POST /api/v1/reset { userId }): one read (the user, as the directory
// is asked), one read (the user's methods), one write (the new reset with its token).
// A right code marks the reset verified in its one write (the used code and the passed gate:
// what a replay and the password step need); a wrong code's one write is the failed attempt.
// The new password's floor (POST /api/v1/reset/password { newPassword }): one read (the
// reset, verified), the length rule, one scrypt at the directory's cost, one transaction of
// two writes (the user's new hash; the reset ended: single use). No strength estimate.
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
db.exec('CREATE TABLE IF NOT EXISTS resets (token TEXT PRIMARY KEY, user_id TEXT, secret TEXT NOT NULL, blocked_until INTEGER, verified_step INTEGER); CREATE TABLE IF NOT EXISTS attempts (id INTEGER PRIMARY KEY, token TEXT NOT NULL, at INTEGER NOT NULL, ok INTEGER NOT NULL)');
db.exec('CREATE TABLE IF NOT EXISTS methods (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, label TEXT NOT NULL, secret TEXT NOT NULL); CREATE INDEX IF NOT EXISTS methods_user ON methods (user_id)');
db.exec('CREATE TABLE IF NOT EXISTS users (user_id TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL, n INTEGER NOT NULL); CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL)');
// Asynchronous, on libuv's pool, as the memory directory calls it.
const scryptOf = (password, salt, n) => new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, 32, { N: n, r: 8, p: 1 }, (e, key) => (e ? reject(e) : resolve(key))));
const insert = db.prepare('INSERT OR REPLACE INTO resets (token, user_id, secret, blocked_until) VALUES (?, ?, ?, ?)');
const insertMethod = db.prepare('INSERT OR REPLACE INTO methods (id, user_id, label, secret) VALUES (?, ?, ?, ?)');
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
    insert.run(r.token, r.userId?.toLowerCase() ?? null, r.secret, r.blockedUntil ?? null);
    if (r.userId) insertUser.run(r.userId.toLowerCase(), r.salt, r.hash, r.scryptN);
    if (r.userId && r.methodId) insertMethod.run(r.methodId, r.userId.toLowerCase(), 'Phone', r.secret);
  }),
)(fixture);
const userOf = db.prepare('SELECT salt, hash, n FROM users WHERE user_id = ?');
const putSession = db.prepare('INSERT INTO sessions (token, user_id, expires_at) VALUES (?, ?, ?)');
const secretOf = db.prepare('SELECT secret, blocked_until, verified_step FROM resets WHERE token = ?');
const record = db.prepare('INSERT INTO attempts (token, at, ok) VALUES (?, ?, ?)');
const markVerified = db.prepare('UPDATE resets SET verified_step = ? WHERE token = ? AND verified_step IS NULL');
const methodsOf = db.prepare('SELECT id, label, secret FROM methods WHERE user_id = ?');
const resetOf = db.prepare('SELECT user_id, verified_step FROM resets WHERE token = ?');
const setHash = db.prepare('UPDATE users SET salt = ?, hash = ? WHERE user_id = ?');
const endReset = db.prepare('DELETE FROM resets WHERE token = ?');
const finishReset = db.transaction((token, userId, salt, hash) => {
  setHash.run(salt, hash, userId);
  endReset.run(token);
});
const newToken = () => randomBytes(32).toString('base64url');

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
      const sessionToken = newToken();
      putSession.run(sessionToken, body.userId.toLowerCase(), Date.now() + 900_000);
      return answer(res, 200, { ok: true, data: { sessionToken } });
    }
    if (req.url === '/api/v1/reset') {
      const user = typeof body.userId === 'string' ? userOf.get(body.userId.toLowerCase()) : undefined;
      const methods = user ? methodsOf.all(body.userId.toLowerCase()) : [];
      if (methods.length === 0) return answer(res, 404, { ok: false, error: { code: 'NOT_REGISTERED' } });
      const resetToken = newToken();
      const expiresAt = Date.now() + 900_000;
      // The reset carries its method's secret, so the verify that follows reads one row.
      insert.run(resetToken, body.userId.toLowerCase(), methods[0].secret, null);
      return answer(res, 200, { ok: true, data: { resetToken, expiresAt: new Date(expiresAt).toISOString(), required: 1, methods: methods.map((m) => ({ id: m.id, type: 'authenticatorApp', label: m.label })) } });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (req.url === '/api/v1/reset/password') {
      const reset = resetOf.get(token);
      if (!reset || reset.verified_step === null) return answer(res, 403, { ok: false, error: { code: 'STEP_NOT_ALLOWED' } });
      if (typeof body.newPassword !== 'string' || body.newPassword.length < 8) return answer(res, 400, { ok: false, error: { code: 'POLICY_VIOLATION' } });
      const user = userOf.get(reset.user_id);
      const salt = randomBytes(16);
      finishReset(token, reset.user_id, salt, await scryptOf(body.newPassword, salt, user.n));
      return answer(res, 200, { ok: true, data: { completedAt: new Date().toISOString() } });
    }
    const row = secretOf.get(token);
    if (!row || typeof body.code !== 'string') return answer(res, 400, { ok: false, error: { code: 'RESET_EXPIRED' } });
    if (row.blocked_until !== null && row.blocked_until > Date.now()) return answer(res, 429, { ok: false, error: { code: 'THROTTLED', retryAfter: new Date(row.blocked_until).toISOString() } });
    const epoch = Math.floor(Date.now() / 1000);
    const result = await verify({ secret: row.secret, token: body.code, algorithm: 'sha1', digits: 6, period: 30, epoch, epochTolerance: 30 });
    if (!result.valid) {
      record.run(token, Date.now(), 0);
      return answer(res, 400, { ok: false, error: { code: 'INVALID_CODE' } });
    }
    // The used step and the passed gate in one write; a code already used on this reset is refused.
    if (markVerified.run(Math.floor(epoch / 30), token).changes === 0) return answer(res, 400, { ok: false, error: { code: 'INVALID_CODE' } });
    return answer(res, 200, { ok: true, data: { complete: true } });
  });
});
// Fastify's keep-alive timeout (72 s), not node's 5 s: between its runs the bench's idle
// connections must stay open, as the service keeps them, or the next run meets closed sockets.
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
