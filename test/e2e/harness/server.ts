/**
 * A tiny static server on 127.0.0.1 (random port) for the real-browser tests: inline pages a
 * test registers, plus directories mounted under a prefix (the real-page corpus, test fixtures).
 * Only 127.0.0.1 is reachable from the browsers the harness launches, so every page comes from here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { detectCharset } from './charset';
import { CORPUS_PAGES, FIXTURES } from './paths';

export interface Route {
  body: string | Uint8Array;
  /** Default: text/html; charset=utf-8. */
  contentType?: string;
  status?: number;
  /** Extra response headers, e.g. a strict Content-Security-Policy. */
  headers?: Record<string, string>;
}

export interface ServerOptions {
  /** URL prefix → directory, added to /corpus/ → ../shared/corpus/pages and /fixtures/ → test/fixtures. */
  mounts?: Record<string, string>;
  /** Headers added to every response (a route's own headers win). */
  headers?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** Absolute URL for a path on this server. */
  url(pathname: string): string;
  /** Serve `route` (or an HTML string) at `pathname`; returns its absolute URL. */
  route(pathname: string, route: Route | string): string;
  /** URL of a corpus page by file name, e.g. corpusUrl('aeb-aljazeera.com-7916ecca.html'). */
  corpusUrl(file: string): string;
  /** Every path requested so far, in order (lets a test prove what the browser fetched). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.jsonl': 'application/jsonl',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const DEFAULT_MOUNTS: Record<string, string> = { '/corpus/': CORPUS_PAGES, '/fixtures/': FIXTURES };

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const mounts = Object.entries({ ...DEFAULT_MOUNTS, ...options.mounts });
  const requests: string[] = [];

  async function resolve(pathname: string): Promise<Route | undefined> {
    const inline = routes.get(pathname);
    if (inline) return inline;
    for (const [prefix, dir] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      const file = path.resolve(dir, decodeURIComponent(pathname.slice(prefix.length)));
      // No escaping the mounted directory with ../
      if (!file.startsWith(path.resolve(dir) + path.sep)) return undefined;
      const body = await readFile(file).catch(() => undefined);
      if (!body) return undefined;
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const textual = type.startsWith('text/') || type === 'image/svg+xml';
      const charset = textual ? detectCharset(body) : undefined;
      return { body, contentType: charset ? `${type}; charset=${charset}` : type };
    }
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    const route = await resolve(pathname);
    const headers = { ...options.headers, ...route?.headers, 'cache-control': 'no-store' };
    if (!route) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end(`not found: ${pathname}`);
      return;
    }
    res.writeHead(route.status ?? 200, {
      ...headers,
      'content-type': route.contentType ?? 'text/html; charset=utf-8',
    });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = (pathname: string): string => new URL(pathname, origin).href;

  return {
    origin,
    url,
    route(pathname, route) {
      routes.set(pathname, typeof route === 'string' ? { body: route } : route);
      return url(pathname);
    },
    corpusUrl: (file) => url(`/corpus/${encodeURIComponent(file)}`),
    requests,
    close: () =>
      new Promise<void>((done) => {
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
