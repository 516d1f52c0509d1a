/**
 * Fetching a file a person shared on a platform. The URL comes in the platform's payload, so it
 * is checked before anything is sent: only the platform's own file hosts are asked, the token
 * (Slack's private files want the bot token) goes to the first request only and never along a
 * redirect, and the body is read as a stream that stops at the size cap, whatever length the
 * host claims or leaves out.
 */
export interface DownloadPolicy {
  /** Hosts (`host` or `host:port`) that may be asked for a file. */
  allowedHosts: readonly string[];
  maxBytes: number;
  /** Sent to the first URL only. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const MAX_REDIRECTS = 3;

export class DisallowedHostError extends Error {
  override readonly name = 'DisallowedHostError';
}

/** Whether `url` may be fetched under this policy: https on an allowed host (http only for a host named with its port, a local fake). */
export function isAllowedFileUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return allowedHosts.includes(parsed.hostname) || allowedHosts.includes(parsed.host);
  return parsed.protocol === 'http:' && parsed.port !== '' && allowedHosts.includes(parsed.host);
}

/** The file's bytes; null when it is larger than `maxBytes`. Throws for a host not allowed, or an HTTP error. */
export async function downloadCapped(url: string, policy: DownloadPolicy): Promise<Buffer | null> {
  const signal = AbortSignal.timeout(policy.timeoutMs ?? 15_000);
  let next = url;
  for (let hop = 0; ; hop++) {
    if (!isAllowedFileUrl(next, policy.allowedHosts))
      throw new DisallowedHostError(`not an allowed file host: ${hostOf(next)}`);
    const response = await fetch(next, {
      headers: hop === 0 ? policy.headers : undefined,
      redirect: 'manual',
      signal,
    });
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new Error('too many redirects');
      next = new URL(response.headers.get('location')!, next).toString();
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status}`);
    }
    return readCapped(response, policy.maxBytes);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Only the host, for a log line: a file URL's path and query can carry a person's file name or a token. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
}

/** Slack serves shared files from files.slack.com; a configured SLACK_API_URL (a local fake) serves its own. */
export function slackFileHosts(apiUrl?: string): string[] {
  return ['files.slack.com', ...(apiUrl ? [hostOf(apiUrl)] : [])];
}

/** Discord's attachment CDN; a configured DISCORD_API_URL (a local fake) serves its own. */
export function discordFileHosts(apiUrl?: string): string[] {
  return ['cdn.discordapp.com', 'media.discordapp.net', ...(apiUrl ? [hostOf(apiUrl)] : [])];
}
