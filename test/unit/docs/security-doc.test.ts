/**
 * docs/security.md says where each defence lives and which test proves it (the OWASP ASVS
 * map above all). These checks keep it from lying as the code moves: every path it names
 * exists, every test title it quotes and every function it names is in the file named
 * before it, and its cryptographic inventory names every algorithm and cryptographic
 * library the code uses (ASVS 11.1.2, and a small discovery step for 11.1.3).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The document without its fenced code blocks (their ``` would pair with the wrong backticks). */
const doc = readFileSync('docs/security.md', 'utf8').replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** The text of the level-2 section whose heading starts with `title`. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}`);
  expect(start, `docs/security.md has a section "## ${title}"`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The level-3 subsection of `text` whose heading starts with `title`. */
function subsection(text: string, title: string): string {
  const start = text.indexOf(`\n### ${title}`);
  expect(start, `a subsection "### ${title}"`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n### ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

const TOP_FOLDERS = ['server', 'contract', 'electron', 'renderer', 'test', 'docs', 'scripts', 'resources', 'build'];
/** A backticked repository path: starts with one of the project's folders. */
const isPath = (token: string) => TOP_FOLDERS.some((f) => token.startsWith(`${f}/`)) && !/\s/.test(token);
const pathExists = (path: string) => existsSync(path.includes('*') ? path.slice(0, path.indexOf('*')) : path);

/** Source files of the project (no dependencies, no build output). */
function sourceFiles(): string[] {
  const roots = ['server', 'electron', 'contract', 'renderer', 'scripts'];
  return roots.flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[])
      .map((f) => join(root, f))
      .filter((f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f) && !f.includes('node_modules') && !f.startsWith(join('renderer', 'dist'))),
  );
}

describe('docs/security.md names what exists', () => {
  it('every repository path it names exists', () => {
    const paths = [...doc.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter(isPath);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !pathExists(p))).toEqual([]);
  });

  it('every link inside the document goes to one of its headings', () => {
    // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
    const anchors = new Set([...doc.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slug(m[1]!)));
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });

  it('in the ASVS tables, every quoted test title and every named function is in the file named before it', () => {
    const asvs = section('OWASP ASVS 5.0');
    const cells = asvs
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .flatMap((line) => line.split('|'));
    const missing: string[] = [];
    let checked = 0;
    for (const cell of cells) {
      // Tokens in order: `code` or “title”, with the text between them.
      let file: string | null = null;
      let chained = false;
      for (const m of cell.matchAll(/`([^`]+)`|“([^”]+)”|([^`“]+)/g)) {
        const [, code, title, between] = m;
        if (between !== undefined) {
          // A function belongs to the path before it only when nothing but commas or "and" separates them.
          chained = chained && /^[\s,]*(and\s*)?$/.test(between);
          continue;
        }
        if (code !== undefined && isPath(code)) {
          file = existsSync(code) && !code.endsWith('/') ? readFileSync(code, 'utf8') : null;
          chained = file !== null;
          continue;
        }
        const wanted = title ?? (chained ? code! : null);
        if (wanted === null || file === null) continue;
        checked++;
        if (!file.includes(wanted)) missing.push(`${wanted} (in a cell: ${cell.trim().slice(0, 80)}…)`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});

describe('the cryptographic inventory of docs/security.md', () => {
  const inventory = subsection(section('OWASP ASVS 5.0'), 'Cryptographic inventory');
  const files = sourceFiles().map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  /** Every algorithm named where node:crypto is called, with the file. */
  const algorithms = files.flatMap(({ path, text }) =>
    [...text.matchAll(/\bcreate(?:Cipheriv|Decipheriv|Hash|Hmac)\(\s*['"`]([^'"`]+)['"`]|\balgorithm:\s*['"`]([A-Za-z0-9-]+)['"`]/g)].map((m) => ({ path, name: (m[1] ?? m[2])!.toLowerCase() })),
  );

  it('reads the source (the checks below are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(algorithms.map((a) => a.name)).toContain('aes-256-gcm');
  });

  it('no Math.random: every random value comes from the CSPRNG', () => {
    expect(files.filter(({ text }) => /\bMath\.random\s*\(/.test(text)).map((f) => f.path)).toEqual([]);
  });

  it('names every algorithm the code uses', () => {
    // An algorithm passed as a variable could not be inventoried: name it where it is used.
    const unnamed = files.filter(({ text }) => /\bcreate(?:Cipheriv|Decipheriv|Hash|Hmac)\(\s*[^'"`\s]/.test(text)).map((f) => f.path);
    expect(unnamed).toEqual([]);
    const absent = [...new Set(algorithms.map((a) => a.name))].filter((name) => !inventory.includes(`\`${name}\``));
    expect(absent).toEqual([]);
  });

  it('names every node:crypto function and every cryptographic library the code imports', () => {
    // The node:crypto functions the inventory accounts for; a new one (a signature, a KDF, a
    // key pair) must be added to the inventory and here.
    const known = new Set(['createCipheriv', 'createDecipheriv', 'createHash', 'createHmac', 'randomBytes', 'randomInt', 'randomUUID', 'timingSafeEqual', 'scrypt', 'hkdfSync']);
    const used = files.flatMap(({ path, text }) =>
      [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"](?:node:)?crypto['"]/g)].flatMap((m) =>
        m[1]!
          .split(',')
          .map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!)
          .filter((name) => name && !/^[A-Z]/.test(name))
          .map((name) => ({ path, name })),
      ),
    );
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((u) => !known.has(u.name))).toEqual([]);
    // A namespace or default import of crypto hides what is called.
    expect(files.filter(({ text }) => /import\s+(\*\s+as\s+)?\w+\s+from\s*['"](?:node:)?crypto['"]/.test(text)).map((f) => f.path)).toEqual([]);
    // Packages (scope/name) imported anywhere whose name says cryptography.
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const libraries = new Set(
      files.flatMap(({ text }) =>
        [...text.matchAll(/(?:from\s*|import\(\s*)'([^'.][^']*)'/g)]
          .map((m) => m[1]!)
          .filter((specifier) => !specifier.startsWith('node:') && specifier !== 'crypto')
          .map(packageOf)
          .filter((name) => /argon|otp|webauthn|noble|crypt|jose|jwt|sodium|forge|scrypt|tweetnacl/i.test(name)),
      ),
    );
    expect([...libraries]).toContain('@node-rs/argon2');
    expect([...libraries].filter((lib) => !inventory.includes(lib))).toEqual([]);
  });

  it('uses only the ciphers and hashes of the inventory: AES-256-GCM and SHA-256, and HMAC-SHA-1 for TOTP only', () => {
    // ASVS 5.0 Appendix C: approved. SHA-1 is "legacy", kept where RFC 6238 and the
    // authenticator apps require it.
    const approved = new Set(['aes-256-gcm', 'sha256']);
    const totpOnly = new Set(['sha1']);
    const totpFiles = new Set([
      join('server', 'verifiers', 'totp.ts'), join('server', 'policy', 'policy.ts'), join('electron', 'core', 'authenticator', 'totp-code.ts'),
      // The bench's floor does the service's TOTP verify, nothing else.
      join('scripts', 'bench', 'floor-server.mjs'),
    ]);
    const refused = algorithms.filter((a) => !approved.has(a.name) && !(totpOnly.has(a.name) && totpFiles.has(a.path)));
    expect(refused).toEqual([]);
  });
});
