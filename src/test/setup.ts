import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';

vi.mock('webextension-polyfill');

beforeEach(() => {
  fakeBrowser.reset();
});
