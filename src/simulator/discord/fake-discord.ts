import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType, GatewayIntentBits, MessageType, RESTJSONErrorCodes } from 'discord.js';
import { FakeGateway } from './gateway';
import { compareSnowflakes, snowflake } from './snowflake';

/**
 * A local Discord for end-to-end tests and the demo: REST on a loopback port and the gateway on the same port,
 * speaking the real protocol to the real discord.js. It keeps the guild's channels, threads,
 * thread members and messages, records every REST request, and fails requests on demand.
 */
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Without the `/v10` prefix, `@original` decoded. */
  path: string;
  query: URLSearchParams;
  body: any;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export const ALL_PERMISSIONS = '2251799813685247';
export const GUILD_ID = '100000000000000001';
export const SUPPORT_CHANNEL_ID = '100000000000000010';
export const STAFF_CHANNEL_ID = '100000000000000020';

export class FakeDiscord {
  readonly bot: FakeUser = {
    id: '200000000000000001',
    username: 'chatdesk',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
  };
  readonly applicationId = '200000000000000001';
  readonly users = new Map<string, FakeUser>([[this.bot.id, this.bot]]);
  /** Each user's client language, as interactions carry it (`locale`); `en-US` unless set. */
  readonly locales = new Map<string, string>();
  readonly channels = new Map<string, any>();
  readonly messages = new Map<string, any[]>();
  readonly threadMembers = new Map<string, Set<string>>();
  readonly files = new Map<string, Buffer>();
  /** Users who are not members of the fake's guild (they can still DM the bot). */
  readonly outsiders = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  private readonly failures: Failure[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private gateway!: FakeGateway;
  /** Interaction id → everything the bot answered to it (callbacks, edits, follow-ups) in order. */
  readonly answers = new Map<string, Array<{ via: 'callback' | 'edit' | 'followup'; body: any }>>();
  /** Interaction id → when it was sent, and when its first answer arrived (performance.now()). */
  readonly sentAt = new Map<string, number>();
  readonly firstAnswerAt = new Map<string, number>();
  private readonly tokens = new Map<string, string>();
  /** The bot token this Discord issued; REST calls with another get 401, as Discord answers a reset or mistyped one. */
  botToken = 'fake-token';
  /** The privileged intents turned on for the bot in the developer portal (bits of GatewayIntentBits). */
  privilegedIntents =
    GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
  /**
   * How long Discord remembers a nonce for `enforce_nonce` ("the past few minutes"): a message sent
   * again later with the same nonce is a new message.
   */
  nonceWindowMs = 5 * 60_000;
  port = 0;

  /** Listens on `port` (0: one the system picks; a test starts Discord "coming back" on a port it knew). */
  async start(port = 0): Promise<this> {
    this.addChannel({ id: SUPPORT_CHANNEL_ID, type: ChannelType.GuildText, name: 'support' });
    this.addChannel({ id: STAFF_CHANNEL_ID, type: ChannelType.GuildText, name: 'staff' });
    this.gateway = new FakeGateway(this.server, {
      ready: () => this.readyPayload(),
      guildCreate: () => this.guildPayload(),
      privilegedIntents: () => this.privilegedIntents,
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The DISCORD_* settings that point a helpdesk at this fake (merge into loadSettings' input). */
  get settingsEnv(): Record<string, string> {
    return {
      DISCORD_TOKEN: this.botToken,
      DISCORD_API_URL: this.apiUrl,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_SUPPORT_CHANNEL_ID: SUPPORT_CHANNEL_ID,
      DISCORD_STAFF_CHANNEL_ID: STAFF_CHANNEL_ID,
    };
  }

  get gatewayConnections(): number {
    return this.gateway.connections;
  }

  get identifies() {
    return this.gateway.identifies;
  }

  /** RESUMEs the bot sent, and whether each found its session. */
  get resumes() {
    return this.gateway.resumes;
  }

  /** The gateway connection dropped (a network cut): the bot may RESUME its session. */
  dropGateway(): void {
    this.gateway.disconnectAll();
  }

  /** The gateway connection dropped and the session gone: the bot's RESUME is refused and it identifies afresh. */
  invalidateGatewaySession(): void {
    this.gateway.invalidateSessions();
  }

  user(name: string): FakeUser {
    const existing = [...this.users.values()].find((u) => u.username === name);
    if (existing) return existing;
    const user: FakeUser = {
      id: snowflake(),
      username: name,
      global_name: name[0].toUpperCase() + name.slice(1),
      discriminator: '0',
      avatar: null,
    };
    this.users.set(user.id, user);
    return user;
  }

  member(user: FakeUser, permissions = '0') {
    return {
      user,
      roles: [],
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      pending: false,
      permissions,
    };
  }

  /** The next request matching method and path fails with this status (429 and 403 get Discord's headers and body). */
  failNext(method: string, path: RegExp, status: number, retryAfterSeconds = 0.05): void {
    const body =
      status === 429
        ? { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false }
        : status === 403
          ? { message: 'Missing Permissions', code: RESTJSONErrorCodes.MissingPermissions }
          : { message: 'Internal Server Error', code: 0 };
    const headers: Record<string, string> =
      status === 429 ? { 'Retry-After': String(retryAfterSeconds), 'X-RateLimit-Scope': 'user' } : {};
    this.failures.push({ method, path, status, body, headers });
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Threads created under a channel (support or staff). */
  threadsIn(parentId: string): any[] {
    return [...this.channels.values()].filter((c) => c.parent_id === parentId);
  }

  messagesIn(channelId: string): any[] {
    return this.messages.get(channelId) ?? [];
  }

  // ---- what users do: gateway dispatches -------------------------------------------------------

  dispatch(t: string, d: unknown): void {
    this.gateway.dispatch(t, d);
  }

  /** A person posts in a channel (the message is kept, then sent to the bot as MESSAGE_CREATE). */
  say(
    user: FakeUser,
    channelId: string,
    content: string,
    extra: {
      /** `url` puts the file elsewhere than the fake's CDN; `size` is what the message claims (default: the data's). */
      attachments?: Array<{ filename: string; data: Buffer; contentType?: string; url?: string; size?: number }>;
    } = {},
  ): any {
    const id = snowflake();
    const attachments = (extra.attachments ?? []).map((a) => {
      const attachmentId = snowflake();
      const path = `/attachments/${channelId}/${attachmentId}/${a.filename}`;
      this.files.set(path, a.data);
      return {
        id: attachmentId,
        filename: a.filename,
        size: a.size ?? a.data.length,
        url: a.url ?? `${this.apiUrl}${path}`,
        proxy_url: a.url ?? `${this.apiUrl}${path}`,
        content_type: a.contentType ?? 'application/octet-stream',
      };
    });
    const message = this.storeMessage(channelId, { id, author: user, content, attachments });
    this.dispatchMessageCreate(message);
    return message;
  }

  dispatchMessageCreate(message: any): void {
    const author = message.author as FakeUser;
    this.dispatch('MESSAGE_CREATE', {
      ...message,
      guild_id: this.guildIdOf(message.channel_id),
      member: author.bot ? undefined : this.member(author),
    });
  }

  /** A person writes to the bot in their DM: kept, and sent as Discord sends a DM (no guild, no member). */
  dm(user: FakeUser, content: string): any {
    const channel =
      [...this.channels.values()].find((c) => c.type === ChannelType.DM && c.recipients[0].id === user.id) ??
      this.addChannel({ id: snowflake(), type: ChannelType.DM, recipients: [user], guild_id: undefined });
    const message = this.storeMessage(channel.id, { id: snowflake(), author: user, content, attachments: [] });
    // Discord names a DM's channel type in the event: discord.js makes the (uncached) DM channel from it.
    this.dispatch('MESSAGE_CREATE', { ...message, channel_type: ChannelType.DM });
    return message;
  }

  /** A person posts while the bot is offline: kept, never dispatched. */
  sayOffline(user: FakeUser, channelId: string, content: string): any {
    return this.storeMessage(channelId, { id: snowflake(), author: user, content, attachments: [] });
  }

  edit(user: FakeUser, channelId: string, messageId: string, content: string): void {
    const message = this.messagesIn(channelId).find((m) => m.id === messageId);
    Object.assign(message, { content, edited_timestamp: new Date().toISOString() });
    this.dispatch('MESSAGE_UPDATE', { ...message, guild_id: GUILD_ID, member: this.member(user) });
  }

  remove(channelId: string, messageId: string): void {
    this.messages.set(
      channelId,
      this.messagesIn(channelId).filter((m) => m.id !== messageId),
    );
    this.dispatch('MESSAGE_DELETE', { id: messageId, channel_id: channelId, guild_id: GUILD_ID });
  }

  /** Sends an interaction and resolves once the bot's first response to it (callback) has arrived. */
  async interact(payload: Record<string, unknown>, timeoutMs = 5000): Promise<string> {
    const id = this.sendInteraction(payload);
    await this.waitFor(() => (this.answers.get(id)?.length ?? 0) > 0, timeoutMs, `an answer to interaction ${id}`);
    return id;
  }

  /** Sends an interaction without waiting for its answer; `sentAt` and `firstAnswerAt` say how long the answer took. */
  sendInteraction(payload: Record<string, unknown>): string {
    const id = snowflake();
    const token = `token-${id}`;
    this.tokens.set(token, id);
    this.answers.set(id, []);
    this.sentAt.set(id, performance.now());
    this.dispatch('INTERACTION_CREATE', {
      id,
      token,
      application_id: this.applicationId,
      version: 1,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      app_permissions: ALL_PERMISSIONS,
      attachment_size_limit: 10485760,
      ...payload,
    });
    return id;
  }

  /** Waits until the interaction has at least `count` answers (a deferral, then its edit). */
  async answered(id: string, count = 2, timeoutMs = 5000): Promise<Array<{ via: string; body: any }>> {
    await this.waitFor(
      () => (this.answers.get(id)?.length ?? 0) >= count,
      timeoutMs,
      `${count} answers to interaction ${id}`,
    );
    return this.answers.get(id)!;
  }

  async waitFor(check: () => boolean, timeoutMs = 5000, what = 'a condition'): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** A new text channel in the guild, announced to the bot as Discord does (CHANNEL_CREATE). */
  textChannel(name: string): any {
    const channel = this.addChannel({ id: snowflake(), type: ChannelType.GuildText, name });
    this.dispatch('CHANNEL_CREATE', channel);
    return channel;
  }

  // ---- state ---------------------------------------------------------------------------------

  private addChannel(fields: Record<string, unknown>): any {
    const channel: any = {
      guild_id: GUILD_ID,
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      last_message_id: null,
      flags: 0,
      ...fields,
    };
    this.channels.set(channel.id as string, channel);
    return channel;
  }

  private guildIdOf(channelId: string): string | undefined {
    return this.channels.get(channelId)?.type === ChannelType.DM ? undefined : GUILD_ID;
  }

  private storeMessage(
    channelId: string,
    fields: { id: string; author: FakeUser; content: string; attachments: any[] } & Record<string, unknown>,
  ): any {
    const message = {
      type: MessageType.Default,
      channel_id: channelId,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...fields,
    };
    this.messages.set(channelId, [...this.messagesIn(channelId), message]);
    return message;
  }

  private readyPayload() {
    return {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
    };
  }

  private guildPayload() {
    const all = [...this.channels.values()].filter((c) => c.guild_id === GUILD_ID);
    const isThread = (c: any) => c.type === ChannelType.PublicThread || c.type === ChannelType.PrivateThread;
    return {
      id: GUILD_ID,
      name: 'Helpdesk test',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '300000000000000001',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      features: [],
      emojis: [],
      stickers: [],
      large: false,
      unavailable: false,
      member_count: this.users.size,
      joined_at: '2025-01-01T00:00:00.000Z',
      roles: [
        {
          id: GUILD_ID,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '1071698660929',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: all.filter((c) => !isThread(c)),
      threads: all.filter((c) => isThread(c) && !c.thread_metadata.archived),
      members: [this.member(this.bot)],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---- REST ----------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiUrl);
    const path = decodeURIComponent(url.pathname)
      .replace(/^\/api/, '')
      .replace(/^\/v\d+/, '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const body = parseBody(req.headers['content-type'] ?? '', raw);
    const method = req.method ?? 'GET';
    if (!path.startsWith('/attachments/')) this.requests.push({ method, path, query: url.searchParams, body });

    const reply = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      if (data === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(data));
    };
    // Interaction answers and attachments are authorised by their URL, not the bot token.
    const byToken = !/^\/(webhooks|interactions|attachments)\//.test(path);
    if (byToken && req.headers.authorization !== `Bot ${this.botToken}`)
      return reply(401, { message: '401: Unauthorized', code: 0 });
    const failure = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      return reply(f.status, f.body, f.headers);
    }
    const result = this.route(method, path, url.searchParams, body);
    if (!result) return reply(404, { message: 'Unknown route', code: 0 });
    if (result.raw) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(result.raw);
      return;
    }
    return reply(result.status, result.data);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: any,
  ): { status: number; data?: unknown; raw?: Buffer } | null {
    let m: RegExpMatchArray | null;
    const ok = (data?: unknown) => ({ status: data === undefined ? 204 : 200, data });
    if (method === 'GET' && (m = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/))) {
      const user = this.users.get(m[2]);
      if (m[1] !== GUILD_ID || !user || this.outsiders.has(user.id))
        return { status: 404, data: { message: 'Unknown Member', code: RESTJSONErrorCodes.UnknownMember } };
      return ok(this.member(user));
    }
    if (method === 'GET' && path.startsWith('/attachments/'))
      return this.files.has(path) ? { status: 200, raw: this.files.get(path) } : null;
    if (method === 'GET' && path === '/gateway/bot') {
      return ok({
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/users/@me') return ok(this.bot);
    if (method === 'GET' && path === '/applications/@me')
      return ok({ id: this.applicationId, name: 'chatdesk', flags: 0, bot_public: false });
    if ((m = path.match(/^\/applications\/(\d+)\/(?:guilds\/\d+\/)?commands$/)) && method === 'PUT')
      return ok((body as any[]).map((c) => ({ id: snowflake(), application_id: m![1], ...c })));
    if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && method === 'POST') {
      if (!this.firstAnswerAt.has(m[1])) this.firstAnswerAt.set(m[1], performance.now());
      this.answers.get(m[1])?.push({ via: 'callback', body });
      return ok();
    }
    if ((m = path.match(/^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/)) && method === 'PATCH') {
      this.answers.get(this.tokens.get(m[1]) ?? '')?.push({ via: 'edit', body });
      return ok(this.interactionMessage(body));
    }
    if ((m = path.match(/^\/webhooks\/\d+\/([^/]+)$/)) && method === 'POST') {
      this.answers.get(this.tokens.get(m[1]) ?? '')?.push({ via: 'followup', body });
      return ok(this.interactionMessage(body));
    }
    if ((m = path.match(/^\/channels\/(\d+)\/threads$/)) && method === 'POST') return this.createThread(m[1], body);
    if ((m = path.match(/^\/guilds\/(\d+)\/threads\/active$/)) && method === 'GET') return ok(this.activeThreads(m[1]));
    if ((m = path.match(/^\/channels\/(\d+)\/thread-members\/(\d+|@me)$/)) && method === 'PUT') {
      if (!this.channels.has(m[1]))
        return { status: 404, data: { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel } };
      this.threadMembers.get(m[1])?.add(m[2] === '@me' ? this.bot.id : m[2]);
      return ok();
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!this.channels.has(m[1]))
        return { status: 404, data: { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel } };
      if (method === 'GET') return ok(this.fetchMessages(m[1], query));
      if (method === 'POST') return ok(this.botMessage(m[1], body));
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = this.messagesIn(m[1]).find((x) => x.id === m![2]);
      if (!message)
        return { status: 404, data: { message: 'Unknown Message', code: RESTJSONErrorCodes.UnknownMessage } };
      if (method === 'GET') return ok(message);
      // Like Discord: an archived thread's messages can be neither edited nor deleted.
      if ((method === 'PATCH' || method === 'DELETE') && this.channels.get(m[1])?.thread_metadata?.archived) {
        return {
          status: 400,
          data: { message: 'Thread is archived', code: RESTJSONErrorCodes.InvalidActionOnArchivedThread },
        };
      }
      if (method === 'PATCH') {
        if (message.author.id !== this.bot.id)
          return { status: 403, data: { message: 'Cannot edit a message authored by another user', code: 50005 } };
        Object.assign(message, body, { edited_timestamp: new Date().toISOString() });
        return ok(message);
      }
      if (method === 'DELETE') {
        this.remove(m[1], m[2]);
        return ok();
      }
    }
    if ((m = path.match(/^\/channels\/(\d+)$/))) {
      const channel = this.channels.get(m[1]);
      if (!channel)
        return { status: 404, data: { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel } };
      if (method === 'GET') return ok(channel);
      // Deleting a thread (Manage Threads) takes every message in it.
      if (method === 'DELETE') {
        this.channels.delete(m[1]);
        this.messages.delete(m[1]);
        this.dispatch(channel.thread_metadata ? 'THREAD_DELETE' : 'CHANNEL_DELETE', {
          id: channel.id,
          type: channel.type,
          guild_id: GUILD_ID,
          parent_id: channel.parent_id,
        });
        return ok(channel);
      }
      if (method === 'PATCH') {
        const { archived, locked, ...rest } = body ?? {};
        Object.assign(channel, rest);
        if (channel.thread_metadata)
          Object.assign(
            channel.thread_metadata,
            archived === undefined ? {} : { archived },
            locked === undefined ? {} : { locked },
          );
        this.dispatch('THREAD_UPDATE', channel);
        return ok(channel);
      }
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = this.users.get(body.recipient_id);
      if (!recipient)
        return { status: 400, data: { message: 'Invalid Recipient(s)', code: RESTJSONErrorCodes.InvalidRecipients } };
      const existing = [...this.channels.values()].find(
        (c) => c.type === ChannelType.DM && c.recipients[0].id === recipient.id,
      );
      return ok(
        existing ??
          this.addChannel({ id: snowflake(), type: ChannelType.DM, recipients: [recipient], guild_id: undefined }),
      );
    }
    return null;
  }

  private createThread(parentId: string, body: any) {
    if (!this.channels.has(parentId))
      return { status: 404, data: { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel } };
    const thread = this.addChannel({
      id: snowflake(),
      type: body.type ?? ChannelType.PrivateThread,
      name: body.name,
      parent_id: parentId,
      owner_id: this.bot.id,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: body.auto_archive_duration ?? 10080,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        invitable: body.invitable ?? true,
      },
    });
    this.threadMembers.set(thread.id, new Set([this.bot.id]));
    // Discord tells the creator about its new thread; discord.js caches it from this.
    this.dispatch('THREAD_CREATE', {
      ...thread,
      newly_created: true,
      member: { id: thread.id, user_id: this.bot.id, join_timestamp: new Date().toISOString(), flags: 0 },
    });
    return { status: 201, data: thread };
  }

  private botMessage(channelId: string, body: any): any {
    // enforce_nonce: the same author's same nonce within the window returns the first message instead of a second one.
    if (body?.enforce_nonce && body.nonce) {
      const since = Date.now() - this.nonceWindowMs;
      const earlier = this.messagesIn(channelId).find(
        (m) => m.nonce === body.nonce && m.author.id === this.bot.id && Date.parse(m.timestamp) >= since,
      );
      if (earlier) return earlier;
    }
    const message = this.storeMessage(channelId, {
      id: snowflake(),
      author: this.bot,
      content: body?.content ?? '',
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      nonce: body?.nonce,
    });
    this.dispatchMessageCreate(message);
    return message;
  }

  private interactionMessage(body: any): any {
    return {
      id: snowflake(),
      type: MessageType.ChatInputCommand,
      channel_id: SUPPORT_CHANNEL_ID,
      author: this.bot,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    };
  }

  /** Like Discord: at most `limit`, newest first, even with `after`; a listed message carries no nonce (only its creation does). */
  private fetchMessages(channelId: string, query: URLSearchParams): any[] {
    const after = query.get('after');
    const limit = Number(query.get('limit') ?? 50);
    // Like Discord: `before` pages back from a message, newest first.
    const before = query.get('before');
    if (before)
      return this.messagesIn(channelId)
        .filter((m) => compareSnowflakes(m.id, before) < 0)
        .slice(-limit)
        .reverse();
    const newer = this.messagesIn(channelId).filter((m) => !after || compareSnowflakes(m.id, after) > 0);
    return newer
      .slice(0, limit)
      .reverse()
      .map(({ nonce: _nonce, ...message }) => message);
  }

  /** List Active Guild Threads: every unarchived thread, public and private, newest first, with the bot's memberships. */
  private activeThreads(guildId: string) {
    const threads = [...this.channels.values()]
      .filter((c) => c.guild_id === guildId && c.thread_metadata && !c.thread_metadata.archived)
      .sort((a, b) => compareSnowflakes(b.id, a.id));
    const members = threads
      .filter((t) => this.threadMembers.get(t.id)?.has(this.bot.id))
      .map((t) => ({ id: t.id, user_id: this.bot.id, join_timestamp: new Date().toISOString(), flags: 0 }));
    return { threads, members };
  }
}

/** JSON, or discord.js's multipart form with files, whose `payload_json` part carries the message. */
function parseBody(contentType: string, raw: Buffer): any {
  if (raw.length === 0) return undefined;
  if (contentType.includes('application/json')) return JSON.parse(raw.toString('utf8'));
  if (contentType.includes('multipart/form-data')) {
    const text = raw.toString('utf8');
    const payload = text.match(/name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/);
    const files = [...text.matchAll(/filename="([^"]+)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)].map(
      (f) => ({ filename: f[1], text: f[2] }),
    );
    return { ...(payload ? JSON.parse(payload[1]) : {}), files };
  }
  return raw.toString('utf8');
}
