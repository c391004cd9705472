/**
 * A logging HTTP proxy that refuses everything. Firefox is pointed at it for every host but
 * 127.0.0.1, so each request any part of the browser makes to the outside (pages, content
 * scripts, the extension's background page, Firefox itself) is recorded here and then fails,
 * exactly as with the harness's dead proxy. HTTPS arrives as CONNECT host:443 (MV3 extension
 * pages upgrade http:// requests to https://), so for those only the host is known.
 *
 * Used for Firefox only: BiDi request events neither name an initiator nor see the background
 * page. In Chromium the sweep reads initiators over CDP instead (see observe-chromium.ts).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** Absolute URL for plain HTTP, `https://host:port/` for a CONNECT. */
  url: string;
  host: string;
  origin?: string;
  time: number;
}

export interface LoggingProxy {
  port: number;
  readonly requests: readonly ProxiedRequest[];
  close(): Promise<void>;
}

function origin(headers: IncomingHttpHeaders): string | undefined {
  return typeof headers.origin === 'string' ? headers.origin : undefined;
}

export async function startLoggingProxy(): Promise<LoggingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      host = String(req.headers.host ?? '');
    }
    requests.push({ url, host, origin: origin(req.headers), time: Date.now() });
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('blocked by the Backstory sweep');
  });
  server.on('connect', (req, socket) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '');
    requests.push({
      url: `https://${target}/`,
      host,
      origin: origin(req.headers),
      time: Date.now(),
    });
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Firefox's own services (remote settings, telemetry, captive-portal checks), not ours. */
export function isBrowserService(host: string): boolean {
  return /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net|mozilla\.cloud)$/i.test(
    host,
  );
}

/** Firefox prefs that route every non-local request through `port`. */
export function proxyPrefs(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    // Fewer of Firefox's own requests to sort out.
    'services.settings.server': 'http://127.0.0.1:9/remote-settings',
  };
}
