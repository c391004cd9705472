import { render } from 'preact';
import browser from '../shared/browser';
import { messagesLocale, t } from '../shared/i18n';
import { App } from './App';

// The document speaks the language of the strings it shows (see messagesLocale), in its
// writing direction ("@@bidi_dir" is the catalogue's: "ltr" or "rtl").
document.documentElement.lang = messagesLocale();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
document.title = t('extensionName');

const root = document.getElementById('root');
if (root) render(<App />, root);
