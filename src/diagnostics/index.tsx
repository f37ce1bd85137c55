/** Diagnostics page entry: wires the worker, the page's clock and downloads into the page. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { subscribe, toWorker } from './bridge';
import { DiagnosticsApp, type DiagnosticsDeps } from './DiagnosticsApp';
import './diagnostics.css';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
document.title = t('diagTitle');
document.documentElement.lang = browser.i18n.getUILanguage();

const TEST_NUMBER_KEY = 'switchboard.diagnostics.testNumber';

const deps: DiagnosticsDeps = {
  t,
  worker: toWorker,
  subscribe,
  now: Date.now,
  download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  testNumber: {
    load: () => localStorage.getItem(TEST_NUMBER_KEY) ?? '',
    save: (value) => localStorage.setItem(TEST_NUMBER_KEY, value),
  },
};

const root = document.getElementById('app');
if (root) {
  render(<DiagnosticsApp deps={deps} />, root);
}
