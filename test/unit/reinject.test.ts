/**
 * The parts of re-injection a real browser cannot easily be made to show: tabs that refuse
 * (the web store, error pages, a tab closing meanwhile), discarded tabs, a failing query, and
 * the browser and reason checks. The real thing is tested in test/e2e/content-lifecycle.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Call {
  api: 'insertCSS' | 'executeScript';
  tabId: number;
  frameIds?: number[];
  files: string[];
}

const fake = vi.hoisted(() => {
  const state = {
    calls: [] as Call[],
    tabs: [] as { id?: number; discarded?: boolean }[],
    refuse: new Set<number>(),
    queryFails: false,
    queried: [] as unknown[],
    manifest: {
      content_scripts: [{ js: ['content.js'], css: ['content.css'] }],
    } as Record<string, unknown>,
  };
  const record =
    (api: Call['api']) =>
    ({ target, files }: { target: { tabId: number; frameIds?: number[] }; files: string[] }) => {
      state.calls.push({ api, tabId: target.tabId, frameIds: target.frameIds, files });
      return state.refuse.has(target.tabId)
        ? Promise.reject(new Error('Cannot access contents of the page'))
        : Promise.resolve([]);
    };
  const browser = {
    runtime: { getManifest: () => state.manifest } as Record<string, unknown>,
    tabs: {
      query: (info: unknown) => {
        state.queried.push(info);
        return state.queryFails ? Promise.reject(new Error('no')) : Promise.resolve(state.tabs);
      },
    },
    scripting: { insertCSS: record('insertCSS'), executeScript: record('executeScript') },
  };
  return { state, browser };
});

vi.mock('../../src/shared/browser', () => ({ default: fake.browser }));

const {
  browserInjectsOnUpdate,
  injectIntoOpenTabs,
  isNewCode,
  manifestContentScripts,
  onInstalled,
} = await import('../../src/background/reinject');

beforeEach(() => {
  fake.state.calls = [];
  fake.state.tabs = [];
  fake.state.refuse = new Set();
  fake.state.queryFails = false;
  fake.state.queried = [];
  delete fake.browser.runtime.getBrowserInfo;
});

describe('re-injection into open tabs', () => {
  it('injects the manifest’s css, then its js, into each web tab’s top frame', async () => {
    fake.state.tabs = [{ id: 1 }, { id: 2 }];
    await injectIntoOpenTabs();
    expect(fake.state.queried).toEqual([{ url: ['http://*/*', 'https://*/*'] }]);
    for (const tabId of [1, 2]) {
      const calls = fake.state.calls.filter((call) => call.tabId === tabId);
      expect(calls).toEqual([
        { api: 'insertCSS', tabId, frameIds: undefined, files: ['content.css'] },
        { api: 'executeScript', tabId, frameIds: undefined, files: ['content.js'] },
      ]);
    }
  });

  it('goes on past a tab that refuses and skips discarded or id-less tabs', async () => {
    fake.state.tabs = [{ id: 1 }, { id: 2 }, { id: 3, discarded: true }, {}];
    fake.state.refuse = new Set([1]);
    await expect(injectIntoOpenTabs()).resolves.toBeUndefined();
    expect(fake.state.calls.map((call) => `${call.api}:${call.tabId}`)).toEqual([
      'insertCSS:1',
      'insertCSS:2',
      'executeScript:2',
    ]);
  });

  it('does nothing, without throwing, when the tab query fails', async () => {
    fake.state.queryFails = true;
    await expect(injectIntoOpenTabs()).resolves.toBeUndefined();
    expect(fake.state.calls).toEqual([]);
  });

  it('reads the content scripts from the manifest', () => {
    expect(manifestContentScripts({})).toEqual([]);
    expect(manifestContentScripts({ content_scripts: [{ js: ['a.js'] }] })).toEqual([
      { js: ['a.js'], css: [] },
    ]);
  });

  it('acts on install and update only, and not where the browser injects by itself', async () => {
    expect(isNewCode({ reason: 'install', temporary: false })).toBe(true);
    expect(isNewCode({ reason: 'update', temporary: false })).toBe(true);
    expect(isNewCode({ reason: 'browser_update', temporary: false })).toBe(false);

    expect(browserInjectsOnUpdate({})).toBe(false);
    expect(browserInjectsOnUpdate({ getBrowserInfo: () => undefined })).toBe(true);

    fake.state.tabs = [{ id: 7 }];
    fake.browser.runtime.getBrowserInfo = () => Promise.resolve({ name: 'Firefox' });
    onInstalled({ reason: 'update', temporary: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.state.queried).toEqual([]);

    delete fake.browser.runtime.getBrowserInfo;
    onInstalled({ reason: 'browser_update', temporary: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.state.queried).toEqual([]);

    onInstalled({ reason: 'update', temporary: false });
    await vi.waitFor(() => expect(fake.state.calls).toHaveLength(2));
  });
});
