/** Pieces both browser launchers share. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Only the source text of a page function travels, so any function will do here. */
type SerializableFunction = { toString(): string };

/**
 * esbuild (tsx, vite) may wrap named functions in `__name(fn, "name")` calls that refer to a
 * helper in the test module; the browser has no such helper, so the source gets its own.
 */
function withNameHelper(call: string): string {
  return `((__name) => ${call})((target) => target)`;
}

/**
 * `(fn)(...args)` as source text. Both drivers evaluate such a string through the debugging
 * protocol, which a page's (or the extension's) CSP does not block, and both await a Promise.
 */
export function callExpression(fn: SerializableFunction, args: unknown[]): string {
  return withNameHelper(`(${fn.toString()})(...${JSON.stringify(args)})`);
}

/** The same for extension pages: the first argument is the extension API. */
export function extensionCallExpression(fn: SerializableFunction, args: unknown[]): string {
  return withNameHelper(
    `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ...${JSON.stringify(args)})`,
  );
}

export async function poll<R>(
  attempt: () => Promise<R>,
  what: string,
  { timeoutMs = 10_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Hosts the browsers may reach; everything else is blocked (no test depends on the network). */
export function isLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!parsed.protocol.startsWith('http') && !parsed.protocol.startsWith('ws')) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

export interface Scratch {
  /** Fresh, empty browser profile. */
  profile: string;
  /** A private copy of the built extension, so a concurrent `npm run build` cannot pull it away. */
  extension: string;
  remove(): Promise<void>;
}

export async function makeScratch(distDir: string, prefix: string): Promise<Scratch> {
  const root = await mkdtemp(path.join(tmpdir(), `backstory-${prefix}-`));
  const profile = path.join(root, 'profile');
  const extension = path.join(root, 'extension');
  await cp(distDir, extension, { recursive: true });
  return {
    profile,
    extension,
    remove: () => rm(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * Raises the last part of the manifest version in an unpacked extension folder (0.1.0 →
 * 0.1.1), so loading it again is an update, as a store would deliver it. Returns the new one.
 */
export async function bumpManifestVersion(extensionDir: string): Promise<string> {
  const file = path.join(extensionDir, 'manifest.json');
  const text = await readFile(file, 'utf8');
  const manifest = JSON.parse(text) as { version: string };
  const parts = manifest.version.split('.').map(Number);
  parts[parts.length - 1] = (parts.at(-1) ?? 0) + 1;
  manifest.version = parts.join('.');
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
  return manifest.version;
}
