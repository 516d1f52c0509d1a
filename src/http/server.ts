import { timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { AdapterState } from '../bots/adapter-state';
import type { Logger } from '../log';
import type { Metrics } from './metrics';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The one HTTP server of the process: health, metrics, and whatever adapters mount (Slack events). */
export interface HttpServer {
  /** Mounts a handler for an exact method and path (query strings are ignored when matching). */
  route(method: string, path: string, handler: RouteHandler): void;
  /** Starts listening; port 0 lets the system pick. Resolves with the actual port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets requests in flight finish (forcing after a grace period); idempotent. */
  close(): Promise<void>;
  readonly server: http.Server;
}

export interface HealthSource {
  ping(): Promise<boolean>;
  /** Each chat adapter's state; absent: neither is configured. */
  adapters?(): { discord: AdapterState; slack: AdapterState };
}

/**
 * /healthz's body. No address, path or credential: it answers anyone who reaches the port. 503
 * only when the database is down: an adapter's outage must not make a load balancer stop sending
 * the other platform's traffic (Slack's events) to this instance.
 */
export async function healthOf(health: HealthSource): Promise<{ httpStatus: number; body: Record<string, unknown> }> {
  const up = await health.ping();
  const adapters = health.adapters?.() ?? { discord: 'not configured', slack: 'not configured' };
  const degraded = Object.values(adapters).some((state) => state === 'down' || state === 'connecting');
  return {
    httpStatus: up ? 200 : 503,
    body: { status: up ? (degraded ? 'degraded' : 'ok') : 'unavailable', database: up ? 'up' : 'down', adapters },
  };
}

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
function hasBearer(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(String(req.headers.authorization ?? ''));
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

/**
 * The raw request body (Slack signs the exact bytes), refused past `maxBytes` with a
 * PayloadTooLargeError. The rest is read and dropped rather than the connection reset, so the
 * sender gets its 413.
 */
export function readBody(req: IncomingMessage, maxBytes = 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', collect);
        chunks.length = 0;
        req.resume();
        reject(new PayloadTooLargeError(`request body over ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `SELECT 1` through the pool; false on error or when no answer comes within `timeoutMs` (a hung pool is "down"). */
export async function pingDatabase(dataSource: DataSource, timeoutMs = 2000): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = dataSource.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const CLOSE_GRACE_MS = 5000;

export function createHttpServer(options: {
  logger: Logger;
  metrics: Metrics;
  health: HealthSource;
  /** When set, /metrics answers only requests bearing it. */
  metricsToken?: string;
}): HttpServer {
  const { logger, metrics, health, metricsToken } = options;
  const routes = new Map<string, Map<string, RouteHandler>>(); // path → method → handler

  const route = (method: string, path: string, handler: RouteHandler): void => {
    const byMethod = routes.get(path) ?? new Map<string, RouteHandler>();
    const key = method.toUpperCase();
    if (byMethod.has(key)) throw new Error(`route ${key} ${path} is already mounted`);
    byMethod.set(key, handler);
    routes.set(path, byMethod);
  };

  route('GET', '/healthz', async (_req, res) => {
    const { httpStatus, body } = await healthOf(health);
    sendJson(res, httpStatus, body);
  });
  route('GET', '/metrics', async (req, res) => {
    if (metricsToken && !hasBearer(req, metricsToken)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return sendJson(res, 401, { error: 'METRICS_TOKEN required as a bearer token' });
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  });

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const byMethod = routes.get(path);
    // HEAD is answered by the GET handler; node drops the body for HEAD responses.
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const handler = byMethod?.get(method);
    if (!byMethod) return sendJson(res, 404, { error: 'not found' });
    if (!handler) {
      res.setHeader('allow', [...byMethod.keys()].join(', '));
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, method: req.method, path }, 'HTTP handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      });
  });

  let closing: Promise<void> | undefined;
  return {
    server,
    route,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      if (closing) return closing;
      if (!server.listening) return Promise.resolve();
      closing = new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Keep-alive sockets with no request in flight would otherwise hold close() open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
