/** Toolbar popup entry: wires the worker and the page's clock into the popup. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { subscribe, toWorker } from './bridge';
import { Popup, type PopupDeps } from './Popup';
import './popup.css';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
const language = browser.i18n.getUILanguage();
document.documentElement.lang = language;
document.title = t('extName');
const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });

const deps: PopupDeps = {
  t,
  worker: toWorker,
  subscribe,
  openOptions: () => void browser.runtime.openOptionsPage(),
  now: Date.now,
  formatTime: (epochMs) => time.format(epochMs),
};

const root = document.getElementById('app');
if (root) {
  render(<Popup deps={deps} />, root);
}
