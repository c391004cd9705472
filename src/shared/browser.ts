/**
 * The only import of webextension-polyfill. Every context imports `browser` from here, so tests
 * have one seam and the polyfill (frozen upstream) can be swapped in one place.
 */
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
