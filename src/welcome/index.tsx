/** Welcome page entry (opened once, on install): the first-run checklist. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { browserWelcomePort } from './browser-port';
import { Welcome } from './Welcome';
import './welcome.css';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
document.title = t('welcomeTitle');
document.documentElement.lang = browser.i18n.getUILanguage();

const root = document.getElementById('app');
if (root) {
  render(<Welcome t={t} port={browserWelcomePort} />, root);
}
