/** Options page entry: renders the settings form. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { OptionsApp } from './OptionsApp';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) {
  render(<OptionsApp t={t} />, root);
}
