import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/server';
import { CONTENT_SECURITY_POLICY } from './layout';

export const SESSION_COOKIE = 'chatdesk_session';

/** Headers every dashboard answer carries: the CSP, no sniffing, no framing, no caching of people's data. */
function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  page: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(page),
    ...headers,
  });
  res.end(page);
}

/** 303 See Other: after a form, the browser GETs the page (a reload does not post again). */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { ...securityHeaders(), location, ...headers });
  res.end();
}

export function sendFile(
  res: ServerResponse,
  file: { filename: string; contentType: string | null; data: Buffer },
): void {
  // Always a download, never shown in our origin: a person's HTML file must not run as our page.
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.writeHead(200, {
    ...securityHeaders(),
    'content-type': 'application/octet-stream',
    'content-length': file.data.length,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
  res.end(file.data);
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The session cookie: not readable by scripts, not sent along with other sites' requests, https-only under https. */
export function sessionCookie(value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  // Max-Age, not Expires: relative to the browser's own clock, whatever the server's says.
  parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds ?? 0))}`);
  return parts.join('; ');
}

export function queryOf(req: IncomingMessage): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return Object.fromEntries(url.searchParams.entries());
}

const FORM_MAX_BYTES = 256 * 1024;

/** A posted form (application/x-www-form-urlencoded), as plain fields. */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const body = await readBody(req, FORM_MAX_BYTES);
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')).entries());
}

/** The form's CSRF field matches the session's token (compared in constant time). */
export function csrfMatches(given: string | undefined, wanted: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}
