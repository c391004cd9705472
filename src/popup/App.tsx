import browser from '../shared/browser';

export function App() {
  return (
    <main>
      <h1>{browser.i18n.getMessage('extensionName')}</h1>
    </main>
  );
}
