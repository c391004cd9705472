/**
 * Runs in the page. A stand-in for the extension API, so the built content.js can run in the
 * page's main world: webextension-polyfill only checks `chrome.runtime.id` and then uses
 * `globalThis.browser` as it is when that has a `runtime.id` too. Storage is empty (so the
 * content script uses its defaults) and answers in a new task, as the real API answers after an
 * IPC round trip: the scan then starts in a task of its own, not inside the injection. Messages
 * are recorded with their time: a `mentions-changed` message is the content script's "first
 * scan complete" signal; `load-card-ui` and `load-detector` are answered as the background
 * answers them.
 */
export interface SentMessage {
  at: number;
  message: unknown;
}

export const STUB_RUNTIME_ID = 'backstory-bench';

type Listener = (...args: unknown[]) => unknown;

function event(): Record<string, (listener: Listener) => unknown> {
  const listeners = new Set<Listener>();
  return {
    addListener: (l) => listeners.add(l),
    removeListener: (l) => listeners.delete(l),
    hasListener: (l) => listeners.has(l),
  };
}

/** Resolves in a later task (MessageChannel: not clamped like setTimeout). */
function later<T>(value: T): Promise<T> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(value);
    };
    channel.port2.postMessage(null);
  });
}

/**
 * What the background does on `load-card-ui` and `load-detector` (scripting.executeScript of
 * card-ui.js or detector.js into the asking frame), done from the page: the file is fetched
 * from the build served under /ext/ and evaluated as a global script. Not a <script> element:
 * executeScript adds nothing to the page, while an added and removed <script> is a mutation
 * the content script's observer answers with a re-read of the whole document 150 ms later
 * (inside the timed scan on pages that take longer than that).
 */
async function injectScript(src: string): Promise<undefined> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
  const source = await response.text();
  // Indirect eval: global scope, like a classic script; the prepared pages carry no CSP. The
  // source is our own build, served by the benchmark.
  // eslint-disable-next-line no-eval
  (0, eval)(`${source}\n//# sourceURL=${src}`);
  return undefined;
}

function storageArea(): Record<string, unknown> {
  return {
    get: () => later({}),
    set: () => Promise.resolve(),
    remove: () => Promise.resolve(),
    clear: () => Promise.resolve(),
    onChanged: event(),
  };
}

/** Anything the content script touches that the stub does not model answers with undefined. */
function lenient<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (key in obj) return Reflect.get(obj, key, receiver);
      if (typeof key === 'string' && key.startsWith('on')) return event();
      return undefined;
    },
  });
}

export function installExtensionStub(extensionBase: string, sent: SentMessage[]): void {
  const runtime = lenient({
    id: STUB_RUNTIME_ID,
    getURL: (p: string) => new URL(p.replace(/^\//, ''), extensionBase).href,
    getManifest: () => ({ manifest_version: 3, version: '0.0.0' }),
    sendMessage: (message: unknown) => {
      sent.push({ at: performance.now(), message });
      const type = (message as { type?: unknown }).type;
      if (type === 'load-card-ui') return injectScript(new URL('card-ui.js', extensionBase).href);
      if (type === 'load-detector') {
        return injectScript(new URL('detector.js', extensionBase).href);
      }
      return Promise.resolve(undefined);
    },
    onMessage: event(),
    onConnect: event(),
    connect: () => lenient({ onMessage: event(), onDisconnect: event(), postMessage: () => {} }),
  });
  const api = lenient({
    runtime,
    storage: lenient({
      local: storageArea(),
      sync: storageArea(),
      session: storageArea(),
      onChanged: event(),
    }),
    i18n: lenient({
      getMessage: (key: string) => key,
      getUILanguage: () => 'en',
    }),
  });
  const g = globalThis as unknown as Record<string, unknown>;
  g.browser = api;
  g.chrome = api;
}
