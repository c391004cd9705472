/**
 * Foundation: the built extension loads and its three contexts (content script, popup,
 * background) answer in real Chromium and Firefox; the built manifests and icons are what the
 * stores expect; and the harness itself does what other e2e tests rely on.
 */
import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/lib/manifest';
import type { MentionsReply } from '../../src/shared/messages';
import { BROWSERS, ROOT, distDir, requireBuild, type TestPage } from './harness';
import { useExtensionSession } from './session-setup';

const run = promisify(execFile);

interface BuiltManifest {
  background: { service_worker?: string; scripts?: string[] };
  icons: Record<string, string>;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[] };
    };
  };
}

async function builtManifest(browser: 'chromium' | 'firefox'): Promise<BuiltManifest> {
  const dir = requireBuild(browser);
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('built manifests', () => {
  it('Chrome runs the background as a service worker', async () => {
    const manifest = await builtManifest('chromium');
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.browser_specific_settings).toBeUndefined();
  });

  it('Firefox runs it as an event page, with a fixed id and the data-collection declaration', async () => {
    const manifest = await builtManifest('firefox');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    // 142 is the first version that knows data_collection_permissions and scheduler.yield().
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(142);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it.each(BROWSERS)('%s icons are PNGs of their declared sizes', async (browser) => {
    const manifest = await builtManifest(browser);
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(manifest.icons)) {
      const bytes = await readFile(path.join(distDir(browser), file));
      expect(pngSize(bytes), file).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('web-ext lint finds no errors, warnings or notices in dist/firefox', async () => {
    const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
    const { stdout, stderr } = await run(
      bin,
      ['lint', '--source-dir', requireBuild('firefox'), '--output', 'json', '--no-input'],
      // web-ext exits non-zero on errors; the JSON report is what we assert on either way.
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }));
    if (!stdout.includes('{')) throw new Error(`web-ext lint printed no report: ${stderr}`);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      summary: { errors: number; warnings: number; notices: number };
      errors: unknown[];
      warnings: unknown[];
    };
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });
});

describe.each(BROWSERS)('%s with the built extension', (browser) => {
  const ext = useExtensionSession(browser, { page: false });

  /** A new tab at `url`; each test closes its own. */
  async function openTab(url: string): Promise<TestPage> {
    const page = await ext.session.newPage();
    await page.goto(url);
    return page;
  }

  /** The content script answers `active: false` until it has read the settings. */
  function activeMentions(page: TestPage): Promise<MentionsReply> {
    return ext.session.sendToTab<MentionsReply>(
      page,
      { type: 'get-mentions' },
      { until: (answer) => answer.active },
    );
  }

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const page = await openTab(
      ext.server.route(
        '/foundation.html',
        '<!doctype html><title>Foundation</title><p>CSTO troops left Kazakhstan in January 2022.</p>',
      ),
    );
    const reply = await activeMentions(page);
    expect(reply.active).toBe(true);
    expect(Array.isArray(reply.mentions)).toBe(true);
    await page.close();
  });

  it('renders the popup', async () => {
    const popup = await ext.session.openPopup();
    expect(popup.url()).toBe(ext.session.popupUrl);
    // Rendered by Preact into #root; what it shows belongs to the popup's own tests.
    const text = await popup.waitFor(() => document.getElementById('root')?.textContent?.trim());
    expect(text.length).toBeGreaterThan(0);
    await popup.close();
  });

  it('gets a reply from the background', async () => {
    const reply = await ext.session.extension((api) => api.runtime.sendMessage({ type: 'ping' }));
    expect(reply).toEqual({ type: 'pong', from: 'background' });
  });

  it('evaluates and messages on a page whose CSP forbids every script', async () => {
    const page = await openTab(
      ext.server.route('/strict-csp.html', {
        body: '<!doctype html><title>Strict</title><p>ОДКБ</p>',
        headers: { 'content-security-policy': "default-src 'none'" },
      }),
    );
    expect(await page.evaluate((suffix: string) => document.title + suffix, '!')).toBe('Strict!');
    const reply = await activeMentions(page);
    expect(reply.active).toBe(true);
    await page.close();
  });

  it('decodes corpus pages as their bytes are encoded, whatever their <meta> says', async () => {
    // Declares iso-8859-15, but the collected bytes are UTF-8.
    const page = await openTab(ext.server.corpusUrl('goose3-elmondo1.html'));
    expect(await page.evaluate(() => document.body.textContent)).toContain(
      'Experimentó un gran ascenso en la banda',
    );
    // Really windows-1250.
    await page.goto(
      ext.server.corpusUrl(
        'trafilatura-unijne-fundusze-coraz-blizej.-sejm-zaglosowal-za--polityka--rp.pl.html',
      ),
    );
    expect(await page.evaluate(() => document.title)).toContain('Sejm zagłosował');
    await page.close();
  });

  it('lets no request leave the machine', async () => {
    const page = await openTab(
      ext.server.route('/offline.html', '<!doctype html><title>Offline</title>'),
    );
    const port = new URL(ext.server.origin).port;
    // A name for this machine that resolves to 127.0.0.1 proves the block is the harness's
    // doing, not a missing network; example.com stands in where the hostname resolves elsewhere.
    const local = await lookup(hostname()).catch(() => undefined);
    const outside =
      local?.address === '127.0.0.1'
        ? `http://${hostname()}:${port}/offline.html`
        : 'http://example.com/';
    const results = await page.evaluate(
      async (urls: string[]) =>
        Promise.all(
          urls.map((url) =>
            fetch(url).then(
              (response) => `ok ${response.status}`,
              () => 'blocked',
            ),
          ),
        ),
      [ext.server.url('/offline.html'), outside],
    );
    expect(results).toEqual(['ok 200', 'blocked']);
    expect(ext.session.outsideRequests).toContain(outside);
    await page.close();
  });

  it('drives hover, keys and touch like a user (pointer events reach the page)', async () => {
    const page = await openTab(
      ext.server.route(
        '/input.html',
        '<!doctype html><title>Input</title><button id="b" style="position:absolute;left:0;top:0;width:200px;height:100px">B</button>',
      ),
    );
    await page.evaluate(() => {
      const log: string[] = [];
      Object.assign(window, { inputLog: log });
      for (const type of ['pointerover', 'keydown', 'click']) {
        document.addEventListener(type, (event) => {
          const detail =
            event instanceof PointerEvent ? event.pointerType : (event as KeyboardEvent).key;
          log.push(`${type}:${detail}`);
        });
      }
      return matchMedia('(hover: hover) and (pointer: fine)').matches;
    });
    await page.mouse.move(100, 50, { steps: 2 });
    await page.keyboard.press('Escape');
    await page.tap(50, 50);
    const log = await page.waitFor(() => {
      const entries = (window as unknown as { inputLog: string[] }).inputLog;
      return entries.some((entry) => entry.startsWith('click')) ? entries : null;
    });
    expect(log).toContain('pointerover:mouse');
    expect(log).toContain('keydown:Escape');
    expect(log).toContain('click:touch');
    // A desktop with a mouse in both browsers (headless Firefox would otherwise report none).
    expect(
      await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches),
    ).toBe(true);
    await page.close();
  });
});
