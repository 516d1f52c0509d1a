import type { Server } from 'node:http';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The gateway half of the fake: JSON encoding, no compression (what @discordjs/ws asks for when
 * zlib-sync is not installed: `?v=10&encoding=json`). HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeats ACKed. As on Discord, a session outlives its connection: events dispatched while the
 * connection is down are kept, and a RESUME (session id and last sequence) replays them before
 * RESUMED. A session invalidated meanwhile answers RESUME with INVALID_SESSION (not resumable),
 * and the client identifies afresh.
 */
export interface GatewayHooks {
  ready(): Record<string, unknown>;
  guildCreate(): Record<string, unknown>;
  onIdentify?(intents: number): void;
  /** The privileged intents the application has turned on in the developer portal (all, unless told). */
  privilegedIntents?(): number;
}

/** Intents Discord only grants an application that turned them on in the portal. */
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

interface Session {
  id: string;
  socket: WebSocket | null;
  seq: number;
  /** Every dispatch of the session, for a RESUME to replay what the client missed. */
  sent: Array<{ s: number; packet: string }>;
}

export class FakeGateway {
  private readonly wss: WebSocketServer;
  /** Sessions by id: identified, connected or waiting to be resumed. */
  private readonly sessions = new Map<string, Session>();
  private sessionCounter = 0;
  readonly identifies: Array<{ intents: number; query: string }> = [];
  readonly resumes: Array<{ sessionId: string; seq: number; resumed: boolean }> = [];
  readonly queries: string[] = [];

  constructor(
    server: Server,
    private readonly hooks: GatewayHooks,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => {
      this.queries.push(request.url ?? '');
      let session: Session | undefined;
      socket.on('close', () => {
        if (session?.socket === socket) session.socket = null;
      });
      socket.on('message', (raw) => {
        session = this.onMessage(socket, session, raw.toString(), request.url ?? '');
      });
      socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    });
  }

  private onMessage(socket: WebSocket, session: Session | undefined, raw: string, query: string): Session | undefined {
    const packet = JSON.parse(raw) as { op: number; d: any };
    switch (packet.op) {
      case GatewayOpcodes.Heartbeat:
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
        return session;
      case GatewayOpcodes.Identify: {
        this.identifies.push({ intents: packet.d.intents, query });
        this.hooks.onIdentify?.(packet.d.intents);
        // As Discord does when the bot asks for a privileged intent its portal page has switched off.
        const granted = this.hooks.privilegedIntents?.() ?? PRIVILEGED_INTENTS;
        if (packet.d.intents & PRIVILEGED_INTENTS & ~granted) {
          socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
          return session;
        }
        // One bot, one session: a fresh IDENTIFY ends the sessions left to resume.
        for (const old of this.sessions.values()) old.socket?.terminate();
        this.sessions.clear();
        const fresh: Session = { id: `session-${++this.sessionCounter}`, socket, seq: 0, sent: [] };
        this.sessions.set(fresh.id, fresh);
        this.send(fresh, 'READY', { ...this.hooks.ready(), session_id: fresh.id });
        this.send(fresh, 'GUILD_CREATE', this.hooks.guildCreate());
        return fresh;
      }
      case GatewayOpcodes.Resume: {
        const resumed = this.sessions.get(String(packet.d?.session_id));
        const seq = Number(packet.d?.seq ?? 0);
        this.resumes.push({ sessionId: String(packet.d?.session_id), seq, resumed: Boolean(resumed) });
        if (!resumed) {
          socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
          return session;
        }
        resumed.socket?.terminate();
        resumed.socket = socket;
        for (const missed of resumed.sent) if (missed.s > seq) socket.send(missed.packet);
        this.send(resumed, 'RESUMED', null);
        return resumed;
      }
      default:
        return session;
    }
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const packet = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, d, s: session.seq });
    session.sent.push({ s: session.seq, packet });
    if (session.socket?.readyState === session.socket?.OPEN) session.socket?.send(packet);
  }

  /** Sends a dispatch event to the bot's session; kept for a RESUME while its connection is down. */
  dispatch(t: string, d: unknown): void {
    for (const session of this.sessions.values()) this.send(session, t, d);
  }

  get connections(): number {
    return [...this.sessions.values()].filter((s) => s.socket !== null).length;
  }

  /** Drops every connection, as a network cut would; the sessions can be resumed. */
  disconnectAll(): void {
    for (const session of this.sessions.values()) session.socket?.terminate();
  }

  /** Forgets every session (Discord does after a while): a RESUME then gets INVALID_SESSION. */
  invalidateSessions(): void {
    this.disconnectAll();
    this.sessions.clear();
  }

  async close(): Promise<void> {
    this.invalidateSessions();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
