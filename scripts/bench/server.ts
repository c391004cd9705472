/**
 * The benchmark's static server on 127.0.0.1: prepared pages from memory, and the built
 * extension's files under /ext/ (the card may load its stylesheet via runtime.getURL).
 * Pages are cross-origin isolated (COOP + COEP) so that performance.now() has its fine
 * resolution (5 µs in Chromium, 20 µs in Firefox) instead of 100 µs or 1 ms.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ServedPage {
  body: Buffer;
  charset: string | undefined;
}

export interface BenchServer {
  origin: string;
  /** Publishes `page` at a fresh URL and returns it. */
  publish(name: string, page: ServedPage): string;
  unpublish(name: string): void;
  extensionBase: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export async function startServer(extensionDir: string): Promise<BenchServer> {
  const pages = new Map<string, ServedPage>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (pathname.startsWith('/p/')) {
      const page = pages.get(pathname.slice(3));
      if (page) {
        const type = page.charset ? `text/html; charset=${page.charset}` : 'text/html';
        res.writeHead(200, { ...ISOLATION, 'content-type': type });
        res.end(page.body);
        return;
      }
    } else if (pathname.startsWith('/ext/')) {
      const file = path.resolve(extensionDir, pathname.slice(5));
      if (file.startsWith(path.resolve(extensionDir) + path.sep)) {
        const body = await readFile(file).catch(() => undefined);
        if (body) {
          const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
          res.writeHead(200, { ...ISOLATION, 'content-type': type });
          res.end(body);
          return;
        }
      }
    }
    res.writeHead(404, { ...ISOLATION, 'content-type': 'text/plain' });
    res.end('not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    publish(name, page) {
      pages.set(name, page);
      return `${origin}/p/${encodeURIComponent(name)}`;
    },
    unpublish: (name) => void pages.delete(name),
    extensionBase: `${origin}/ext/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
