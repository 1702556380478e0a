/**
 * Setup for the renderer's tests (vitest project "renderer": environment jsdom).
 * jest-dom matchers, a clean DOM, fresh stores and English texts before every test.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { initI18n, loadLanguage } from '../../../renderer/i18n';
import { resetStore } from '../../../renderer/store/store';

beforeEach(async () => {
  resetStore();
  await initI18n('en');
  // The app fetches zh-TW when it first speaks it; tests read it with getFixedT at any time.
  await loadLanguage('zh-TW');
  document.title = '';
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  resetStore();
});
