/**
 * Whether Backstory may read web pages. Firefox lets the user withhold the host permission that
 * the content script's `<all_urls>` needs; without it nothing runs anywhere, and the popup must
 * say so and offer to ask again, instead of showing "no mentions".
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';

export const ALL_SITES = { origins: ['<all_urls>'] };

export type HostAccess = 'checking' | 'granted' | 'missing';

export function useHostAccess(): HostAccess {
  const [access, setAccess] = useState<HostAccess>('checking');

  useEffect(() => {
    let live = true;
    const check = () => {
      browser.permissions.contains(ALL_SITES).then(
        (granted) => live && setAccess(granted ? 'granted' : 'missing'),
        // A browser that cannot answer is not one that withholds access.
        () => live && setAccess('granted'),
      );
    };
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  return access;
}

/**
 * Asks for access to all sites. Must be called straight from a click handler, with no `await`
 * before it: browsers only show the prompt during a user gesture.
 */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES).catch(() => false);
}
