/**
 * ConfigService: defaults < user preferences < command-line overrides < managed policy; policy
 * keys are locked; a broken preferences file is set aside (never lost, never fatal); writes are
 * atomic and private (0600).
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigService } from '../../../electron/core/config/config-service.js';

let dir: string;
let prefs: string;
let policy: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-'));
  prefs = join(dir, 'prefs', 'preferences.json');
  policy = join(dir, 'policy.json');
  await mkdir(join(dir, 'prefs'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const put = (path: string, value: unknown) => writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));

describe('layers', () => {
  it('with no files, the defaults (no directory URL, no language), nothing locked, no problem', async () => {
    const effective = await new ConfigService({ userPrefsPath: prefs, managedPolicyPath: policy }).load();
    expect(effective.values).toEqual({});
    expect(effective.locked.size).toBe(0);
    expect(effective.problems).toEqual([]);
  });

  it('preferences override the defaults', async () => {
    await put(prefs, { language: 'zh-TW', directoryUrl: 'https://prefs.example.com' });
    const { values } = await new ConfigService({ userPrefsPath: prefs }).load();
    expect(values).toEqual({ language: 'zh-TW', directoryUrl: 'https://prefs.example.com' });
  });

  it('command-line overrides beat preferences', async () => {
    await put(prefs, { language: 'zh-TW', directoryUrl: 'https://prefs.example.com' });
    const { values } = await new ConfigService({ userPrefsPath: prefs, overrides: { directoryUrl: 'https://override.example.com' } }).load();
    expect(values).toEqual({ language: 'zh-TW', directoryUrl: 'https://override.example.com' });
  });

  it('managed policy beats everything, and its keys are locked', async () => {
    await put(prefs, { language: 'zh-TW', directoryUrl: 'https://prefs.example.com' });
    await put(policy, { language: 'en', directoryUrl: 'https://policy.example.com' });
    const effective = await new ConfigService({ userPrefsPath: prefs, managedPolicyPath: policy, overrides: { directoryUrl: 'https://override.example.com' } }).load();
    expect(effective.values).toEqual({ language: 'en', directoryUrl: 'https://policy.example.com' });
    expect([...effective.locked].sort()).toEqual(['directoryUrl', 'language']);
  });

  it('only the keys policy sets are locked', async () => {
    await put(policy, { language: 'en' });
    const effective = await new ConfigService({ userPrefsPath: prefs, managedPolicyPath: policy }).load();
    expect([...effective.locked]).toEqual(['language']);
  });
});

describe('setPreference', () => {
  it('saves a preference, seen by a fresh load', async () => {
    const service = new ConfigService({ userPrefsPath: prefs });
    await service.load();
    expect(await service.setPreference('language', 'zh-TW')).toBe(true);
    expect(service.effective().values.language).toBe('zh-TW');
    expect((await new ConfigService({ userPrefsPath: prefs }).load()).values.language).toBe('zh-TW');
  });

  it('refuses a key managed policy sets, and writes nothing', async () => {
    await put(policy, { language: 'en' });
    const service = new ConfigService({ userPrefsPath: prefs, managedPolicyPath: policy });
    await service.load();
    expect(await service.setPreference('language', 'zh-TW')).toBe(false);
    expect(service.effective().values.language).toBe('en');
    expect(await readdir(join(dir, 'prefs'))).toEqual([]);
  });

  it('writes atomically (no temporary file left, valid JSON) with mode 0600, keeping other preferences', async () => {
    await put(prefs, { directoryUrl: 'https://prefs.example.com' });
    const service = new ConfigService({ userPrefsPath: prefs });
    await service.load();
    await service.setPreference('language', 'en');
    expect(await readdir(join(dir, 'prefs'))).toEqual(['preferences.json']);
    expect(JSON.parse(await readFile(prefs, 'utf8'))).toEqual({ directoryUrl: 'https://prefs.example.com', language: 'en' });
    if (process.platform !== 'win32') expect((await stat(prefs)).mode & 0o777).toBe(0o600);
  });

  it('creates the preferences folder when it does not exist yet', async () => {
    const deep = join(dir, 'new', 'nested', 'preferences.json');
    const service = new ConfigService({ userPrefsPath: deep });
    await service.load();
    expect(await service.setPreference('language', 'en')).toBe(true);
    expect(JSON.parse(await readFile(deep, 'utf8'))).toEqual({ language: 'en' });
  });
});

describe('broken files', () => {
  it.each([
    ['bad JSON', '{"language": "en",'],
    ['an unknown key', { language: 'en', colour: 'blue' }],
    ['a wrong value', { language: 'klingon' }],
    ['not an object', '[1, 2]'],
  ])('preferences with %s: set aside as <file>.broken-*, defaults used, a problem reported', async (_label, content) => {
    await put(prefs, content);
    const original = await readFile(prefs, 'utf8');
    const effective = await new ConfigService({ userPrefsPath: prefs }).load();
    expect(effective.values).toEqual({});
    expect(effective.problems).toHaveLength(1);
    expect(effective.problems[0]).toContain('preferences');
    const files = await readdir(join(dir, 'prefs'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^preferences\.json\.broken-\d+$/);
    // Set aside, not lost: the user's file is there byte for byte.
    expect(await readFile(join(dir, 'prefs', files[0]!), 'utf8')).toBe(original);
  });

  it('a broken managed policy is reported and ignored, but never moved (it belongs to the administrator)', async () => {
    await put(policy, '{ not json');
    await put(prefs, { language: 'zh-TW' });
    const effective = await new ConfigService({ userPrefsPath: prefs, managedPolicyPath: policy }).load();
    expect(effective.values).toEqual({ language: 'zh-TW' });
    expect(effective.locked.size).toBe(0);
    expect(effective.problems.join()).toContain('managed policy');
    expect(await readFile(policy, 'utf8')).toBe('{ not json');
  });

  it('after a broken file is set aside, a new preference is saved cleanly', async () => {
    await put(prefs, 'garbage');
    const service = new ConfigService({ userPrefsPath: prefs });
    await service.load();
    expect(await service.setPreference('language', 'en')).toBe(true);
    expect(JSON.parse(await readFile(prefs, 'utf8'))).toEqual({ language: 'en' });
  });
});
