/** Options page entry: wires the worker, permissions and downloads into the settings page. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { OptionsApp, type OptionsDeps } from './OptionsApp';
import { onBroadcast, toWorker } from './bridge';
import './options.css';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
document.title = t('optionsTitle');
document.documentElement.lang = browser.i18n.getUILanguage();

const deps: OptionsDeps = {
  t,
  worker: toWorker,
  permissions: {
    request: (permissions) => browser.permissions.request(permissions),
    contains: (permissions) => browser.permissions.contains(permissions),
  },
  onBroadcast,
  download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

const root = document.getElementById('app');
if (root) {
  render(<OptionsApp deps={deps} />, root);
}
