import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { FakeSocketMode, SOCKET_PATH } from './socket-mode';

/** One Web API call as the fake received it; JSON-encoded fields (blocks, view) are decoded. */
export interface SlackCall {
  method: string;
  args: Record<string, any>;
  /** The token the call came with (`Authorization: Bearer …`). */
  token?: string;
}

export interface StoredMessage {
  channel: string;
  files?: unknown[];
  ts: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  blocks?: unknown;
  /** Message metadata (`event_type`, `event_payload`): returned by the history methods only with `include_all_metadata`. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** How the fake answers beyond its programmed failures: Slack's latency, and a storm of refusals. */
export interface SlackConditions {
  /** Each call is answered after a delay drawn from this range (ms). */
  latencyMs?: [number, number];
  /** Share of calls answered 429 with Retry-After `retryAfterSeconds`. */
  rateLimited?: number;
  /** Share of calls answered HTTP 500. */
  serverErrors?: number;
  retryAfterSeconds?: number;
}

type Failure = { status: 429; retryAfterSeconds: number } | { error: string };

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

/**
 * Slack's Web API on a loopback port, enough for the real Bolt WebClient: it answers with
 * Slack-shaped JSON, keeps the messages posted (so `conversations.replies` can answer), records
 * every call, and fails the next calls of a method on demand (429 with Retry-After, or `ok: false`).
 */
export class FakeSlackWebApi {
  readonly calls: SlackCall[] = [];
  readonly messages: StoredMessage[] = [];
  /** Bytes posted to the upload URLs `files.getUploadURLExternal` handed out, by file id. */
  readonly uploads = new Map<string, Buffer>();
  /** Files served for download (`url_private_download`), by path; each wants the bot token. */
  private readonly served = new Map<string, Buffer>();
  /** Authorization headers the file downloads came with. */
  readonly downloadAuth: string[] = [];
  /** Each user's time zone as their profile gives it (`users.info`'s `tz`); UTC when not set. */
  readonly timeZones = new Map<string, string>();
  private readonly failures: Array<{ method: string; failure: Failure; remaining: number }> = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private tsCounter = 0;
  private lastTsMicros = 0;
  /** Latency and storms, changed at any time by `setConditions`. */
  private conditions: SlackConditions = {};
  port = 0;
  /** Tokens this Slack no longer accepts (revoked, mistyped): every call with one answers `invalid_auth`. */
  readonly refusedTokens = new Set<string>();
  /** Channels the app is not a member of: it cannot read or post there (`not_in_channel`). */
  readonly notIn = new Set<string>();
  /** Socket Mode: `apps.connections.open` (app-level `xapp-` token only) hands out a URL to this. */
  readonly socketMode = new FakeSocketMode();

  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://localhost').pathname === SOCKET_PATH)
        this.socketMode.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** What SLACK_API_URL is set to (WebClient wants the trailing slash). */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async stop(): Promise<void> {
    await this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, count = 1): this {
    this.failures.push({ method, failure, remaining: count });
    return this;
  }

  /** Latency for every call from now on, and a share of 429s and 500s (a storm); `{}` is calm again. */
  setConditions(conditions: SlackConditions): this {
    this.conditions = conditions;
    return this;
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages in a thread (its root excluded), in order. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.thread_ts === threadTs && m.ts !== threadTs);
  }

  /** A message a person wrote (e.g. while the app was down), visible to `conversations.replies`. */
  addHumanMessage(message: Omit<StoredMessage, 'ts'>): StoredMessage {
    const stored = { ...message, ts: this.nextTs() };
    this.messages.push(stored);
    return stored;
  }

  /** A file a person shared: its `url_private_download` answers with these bytes to the bot token only. */
  serveFile(name: string, data: Buffer): string {
    const path = `/files-pri/T1-F${this.nextTs().replace('.', '')}/${encodeURIComponent(name)}`;
    this.served.set(path, data);
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Like Slack's: the time of posting in seconds with six decimals, unique within the workspace here. */
  nextTs(): string {
    this.tsCounter += 1;
    this.lastTsMicros = Math.max(this.lastTsMicros + 1, Date.now() * 1000);
    const micros = String(this.lastTsMicros);
    return `${micros.slice(0, -6)}.${micros.slice(-6)}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/upload/')) {
      this.uploads.set(url.pathname.slice('/upload/'.length), bytes);
      return void res.writeHead(200).end('OK');
    }
    if (url.pathname.startsWith('/files-pri/')) {
      const file = this.served.get(url.pathname);
      this.downloadAuth.push(String(req.headers.authorization ?? ''));
      if (!file) return void res.writeHead(404).end('not found');
      if (req.headers.authorization !== 'Bearer xoxb-test') return void res.writeHead(403).end('forbidden');
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = decode(raw, String(req.headers['content-type'] ?? ''));
    const token =
      String(req.headers.authorization ?? '').replace(/^Bearer /, '') ||
      (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, ...(token ? { token } : {}) });
    const { latencyMs, rateLimited = 0, serverErrors = 0, retryAfterSeconds = 1 } = this.conditions;
    if (latencyMs) {
      const [low, high] = latencyMs;
      await new Promise((resolve) => setTimeout(resolve, low + Math.random() * (high - low)));
    }
    const roll = Math.random();
    if (roll < rateLimited) {
      res.writeHead(429, { 'retry-after': String(retryAfterSeconds), 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    if (roll < rateLimited + serverErrors) return void res.writeHead(500).end('internal error');

    if (token && this.refusedTokens.has(token)) return json(res, { ok: false, error: 'invalid_auth' });
    const rule = this.failures.find((f) => f.method === method && f.remaining > 0);
    if (rule) {
      rule.remaining -= 1;
      if ('status' in rule.failure) {
        res.writeHead(429, {
          'retry-after': String(rule.failure.retryAfterSeconds),
          'content-type': 'application/json',
        });
        return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      return json(res, { ok: false, error: rule.failure.error });
    }
    if (method === 'apps.connections.open') {
      // Only an app-level token may open a connection; a bot token gets what Slack answers it.
      if (!token?.startsWith('xapp-'))
        return json(res, { ok: false, error: token ? 'not_allowed_token_type' : 'not_authed' });
      return json(res, {
        ok: true,
        url: `ws://127.0.0.1:${this.port}${SOCKET_PATH}?ticket=${this.calls.length}&app_id=A1`,
      });
    }
    json(res, this.answer(method, args));
  }

  /**
   * One page of a history method's answer, as Slack pages: `limit` (capped at `maxLimit`), an
   * opaque `next_cursor`, and message metadata only when `include_all_metadata` asks for it.
   */
  private page(messages: StoredMessage[], args: Record<string, any>, maxLimit: number): Record<string, unknown> {
    const limit = Math.max(1, Math.min(maxLimit, Number(args.limit ?? maxLimit)));
    const start = args.cursor
      ? Number(Buffer.from(String(args.cursor), 'base64').toString().replace('offset:', ''))
      : 0;
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const shown = messages
      .slice(start, start + limit)
      .map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(withMetadata && metadata ? { metadata } : {}) }));
    const more = start + limit < messages.length;
    const next_cursor = more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
    return { ok: true, messages: shown, has_more: more, response_metadata: { next_cursor } };
  }

  private answer(method: string, args: Record<string, any>): Record<string, unknown> {
    const readsOrPostsIn = ['chat.postMessage', 'chat.postEphemeral', 'reactions.get', 'conversations.history'];
    if (readsOrPostsIn.includes(method) && this.notIn.has(String(args.channel)))
      return { ok: false, error: method === 'reactions.get' ? 'channel_not_found' : 'not_in_channel' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'chatdesk',
          team_id: 'T1',
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case 'chat.postMessage': {
        const message: StoredMessage = {
          channel: args.channel,
          ts: this.nextTs(),
          text: args.text,
          blocks: args.blocks,
          bot_id: BOT_ID,
          ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
          ...(isMetadata(args.metadata) ? { metadata: args.metadata } : {}),
        };
        this.messages.push(message);
        return { ok: true, channel: args.channel, ts: message.ts, message: { ...message, type: 'message' } };
      }
      case 'chat.update': {
        // Like Slack: only the app's own messages can be edited by its bot token.
        const index = this.messages.findIndex((m) => m.channel === args.channel && m.ts === args.ts);
        if (index < 0) return { ok: false, error: 'message_not_found' };
        if (this.messages[index].bot_id !== BOT_ID) return { ok: false, error: 'cant_update_message' };
        // A new object: a test holding the message as it was (an old copy of its buttons) keeps it.
        const message = {
          ...this.messages[index],
          text: args.text,
          ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
        };
        this.messages[index] = message;
        return {
          ok: true,
          channel: args.channel,
          ts: args.ts,
          text: args.text,
          message: { ...message, type: 'message' },
        };
      }
      case 'chat.delete': {
        // Like Slack: a bot token deletes the app's own messages only.
        const index = this.messages.findIndex((m) => m.channel === args.channel && m.ts === args.ts);
        if (index < 0) return { ok: false, error: 'message_not_found' };
        if (this.messages[index].bot_id !== BOT_ID) return { ok: false, error: 'cant_delete_message' };
        this.messages.splice(index, 1);
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'reactions.get': {
        // A message and its reactions (`full` or not: the fake has no reactions it would leave out).
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.timestamp);
        if (!message) return { ok: false, error: 'message_not_found' };
        return { ok: true, type: 'message', channel: args.channel, message: { type: 'message', ...message } };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://example.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).split(',')[0]}` } };
      case 'conversations.replies': {
        // The parent first, then its replies oldest first; `oldest`/`latest` bound the replies.
        const parent = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!parent) return { ok: false, error: 'thread_not_found' };
        const replies = this.messages
          .filter((m) => m.channel === args.channel && m.thread_ts === args.ts && m.ts !== args.ts)
          .filter(inWindow(args))
          .sort(byTs);
        return this.page([{ ...parent, thread_ts: args.ts }, ...replies], args, 1000);
      }
      case 'conversations.history': {
        // Top-level messages of the channel (thread replies stay in their threads), newest first.
        const messages = this.messages
          .filter((m) => m.channel === args.channel && !(m.thread_ts && m.thread_ts !== m.ts))
          .filter(inWindow(args))
          .sort((a, b) => byTs(b, a));
        return this.page(messages, args, 100);
      }
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return {
          ok: true,
          view: { id: `V${this.nextTs().replace('.', '')}`, ...(typeof args.view === 'object' ? args.view : {}) },
        };
      case 'users.info':
        return {
          ok: true,
          user: {
            id: args.user,
            name: String(args.user).toLowerCase(),
            real_name: String(args.user),
            profile: { display_name: String(args.user) },
            tz: this.timeZones.get(String(args.user)) ?? 'UTC',
          },
        };
      case 'files.getUploadURLExternal':
        return {
          ok: true,
          upload_url: `http://127.0.0.1:${this.port}/upload/F${this.tsCounter + 1}`,
          file_id: `F${++this.tsCounter}`,
        };
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (typeof args.files === 'object' ? args.files : []).map((f: { id: string; title?: string }) => ({
            id: f.id,
            title: f.title,
          })),
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function byTs(a: StoredMessage, b: StoredMessage): number {
  return Number(a.ts) - Number(b.ts);
}

/** Slack's `oldest`/`latest` window: exclusive unless `inclusive`. */
function inWindow(args: Record<string, any>): (m: StoredMessage) => boolean {
  const latest = args.latest ? Number(args.latest) : Infinity;
  const oldest = args.oldest ? Number(args.oldest) : -Infinity;
  const inclusive = args.inclusive === true || args.inclusive === 'true' || args.inclusive === '1';
  return (m) =>
    inclusive ? Number(m.ts) <= latest && Number(m.ts) >= oldest : Number(m.ts) < latest && Number(m.ts) > oldest;
}

function isMetadata(value: unknown): value is StoredMessage['metadata'] {
  return (
    typeof value === 'object' && value !== null && typeof (value as { event_type?: unknown }).event_type === 'string'
  );
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** WebClient sends form fields, with objects as JSON text; some calls send JSON bodies. */
function decode(raw: string, contentType: string): Record<string, any> {
  if (contentType.startsWith('application/json')) return raw ? JSON.parse(raw) : {};
  const form = parseQuery(raw) as Record<string, any>;
  for (const [key, value] of Object.entries(form)) {
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        form[key] = JSON.parse(value);
      } catch {
        // plain text that happens to start with a bracket
      }
    }
  }
  return form;
}
