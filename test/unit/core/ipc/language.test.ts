/**
 * The language the user reads reaches the directory: app.setLanguage with remember=true saves
 * it (refused when policy locks it), remember=false only sets it in memory; before any call
 * it is the configured language, else the system locale's. The header itself is checked on
 * a real loopback server, for every request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../../electron/core/create-core.js';
import { MemoryVault } from '../../../../electron/core/vault/memory-vault.js';
import { LANGUAGE_HEADER } from '../../../../contract/api.js';
import { DirectoryClient } from '../../../../electron/core/directory/directory-client.js';
import { languageOfLocale, ReadingLanguage } from '../../../../electron/core/language/reading-language.js';
import { sendJson, startDirectoryDouble, type DirectoryDouble } from '../../../support/http-doubles.js';
import { fakeCore, type FakeCore } from './fake-core.js';

let core: FakeCore | undefined;
let double: DirectoryDouble | undefined;
afterEach(async () => {
  await core?.close();
  await double?.close();
  core = undefined;
  double = undefined;
});

describe('languageOfLocale', () => {
  it.each([
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh_HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-CN', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('%j reads %s', (locale, language) => expect(languageOfLocale(locale)).toBe(language));
});

describe('ReadingLanguage', () => {
  const config = (language?: 'en' | 'zh-TW') => ({ effective: () => ({ values: language ? { language } : {}, locked: new Set<never>(), problems: [] }) });
  it('system locale when nothing is configured; configured beats system; the one set now beats both', () => {
    expect(new ReadingLanguage(config(), 'zh-TW').current()).toBe('zh-TW');
    expect(new ReadingLanguage(config('en'), 'zh-TW').current()).toBe('en');
    const reading = new ReadingLanguage(config('en'), 'en-US');
    reading.set('zh-TW');
    expect(reading.current()).toBe('zh-TW');
  });
});

describe('app.setLanguage', () => {
  it('remember=false: the reading language changes, nothing is written', async () => {
    core = await fakeCore();
    expect(await core.ipc('app.setLanguage', { language: 'zh-TW', remember: false })).toEqual({ ok: true, data: {} });
    expect(core.services.language.current()).toBe('zh-TW');
    expect(core.services.config.effective().values.language).toBeUndefined();
  });

  it('remember=true (the default): saved as a preference and read now', async () => {
    core = await fakeCore();
    expect(await core.ipc('app.setLanguage', { language: 'zh-TW' })).toEqual({ ok: true, data: {} });
    expect(core.services.language.current()).toBe('zh-TW');
    expect(core.services.config.effective().values.language).toBe('zh-TW');
    const [prefsPath] = [(core.services.config as unknown as { sources: { userPrefsPath: string } }).sources.userPrefsPath];
    expect(JSON.parse(await readFile(prefsPath!, 'utf8'))).toEqual({ language: 'zh-TW' });
  });

  it('locked by policy: remembering another language is refused, and so is reading another one', async () => {
    core = await fakeCore({ policy: { language: 'en' } });
    expect(await core.ipc('app.setLanguage', { language: 'zh-TW', remember: true })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(await core.ipc('app.setLanguage', { language: 'zh-TW', remember: false })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(await core.ipc('app.setLanguage', { language: 'en', remember: false })).toEqual({ ok: true, data: {} });
    expect(core.services.language.current()).toBe('en');
  });
});

describe('Accept-Language on the wire', () => {
  it('every request carries the language read at that moment, with or without a token', async () => {
    const seen: (string | undefined)[] = [];
    double = await startDirectoryDouble((req, res) => {
      seen.push(req.headers[LANGUAGE_HEADER] as string | undefined);
      sendJson(res, 200, { ok: true, data: { name: 'Contoso', demo: true, helpdesk: {} } });
    });
    let language = 'en';
    const client = new DirectoryClient({ baseUrl: double.url, language: () => language });
    await client.call('getTenant', {});
    language = 'zh-TW';
    await client.call('getTenant', {});
    await client.call('signOut', {}, 'token');
    expect(seen).toEqual(['en', 'zh-TW', 'zh-TW']);
  });
});

describe('createCore wires the reading language into its directory client', () => {
  it('first the system locale (zh-TW), then what the renderer says it reads', async () => {
    const seen: (string | undefined)[] = [];
    double = await startDirectoryDouble((req, res) => {
      seen.push(req.headers[LANGUAGE_HEADER] as string | undefined);
      sendJson(res, 200, { ok: true, data: { name: 'Contoso', demo: false, helpdesk: {} } });
    });
    const dir = await mkdtemp(join(tmpdir(), 'core-language-'));
    const real = await createCore({ host: 'web', version: '1', systemLocale: 'zh-Hant-TW', userPrefsPath: join(dir, 'prefs.json'), overrides: { directoryUrl: double.url }, vault: new MemoryVault() }, () => undefined);
    try {
      await real.dispatch('app.getInfo', {});
      await real.dispatch('app.setLanguage', { language: 'en', remember: false });
      await real.dispatch('app.getInfo', {});
      expect(seen).toEqual(['zh-TW', 'en']);
    } finally {
      await real.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
