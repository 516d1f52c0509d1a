import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The gateway half of the fake: JSON encoding, no compression (what @discordjs/ws asks for when
 * zlib-sync is not installed: `?v=10&encoding=json`). HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeats ACKed, RESUME answered with an invalid session so the client identifies afresh.
 */
export interface GatewayHooks {
  ready(): Record<string, unknown>;
  guildCreate(): Record<string, unknown>;
  onIdentify?(intents: number): void;
}

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
}

export class FakeGateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  readonly identifies: Array<{ intents: number; query: string }> = [];
  readonly queries: string[] = [];

  constructor(
    server: Server,
    private readonly hooks: GatewayHooks,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => {
      this.queries.push(request.url ?? '');
      const session: Session = { socket, seq: 0, identified: false };
      this.sessions.add(session);
      socket.on('close', () => this.sessions.delete(session));
      socket.on('message', (raw) => this.onMessage(session, raw.toString(), request.url ?? ''));
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    });
  }

  private onMessage(session: Session, raw: string, query: string): void {
    const packet = JSON.parse(raw) as { op: number; d: any };
    switch (packet.op) {
      case 1:
        session.socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        break;
      case 2:
        this.identifies.push({ intents: packet.d.intents, query });
        this.hooks.onIdentify?.(packet.d.intents);
        session.identified = true;
        this.send(session, 'READY', this.hooks.ready());
        this.send(session, 'GUILD_CREATE', this.hooks.guildCreate());
        break;
      case 6:
        // The fake keeps no session to resume: the client must identify again.
        session.socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
        break;
      default:
        break;
    }
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: 0, t, d, s: session.seq }));
  }

  /** Sends a dispatch event to every identified connection (normally the one bot). */
  dispatch(t: string, d: unknown): void {
    for (const session of this.sessions) if (session.identified) this.send(session, t, d);
  }

  get connections(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  /** Drops every connection, as a network cut would. */
  disconnectAll(): void {
    for (const session of this.sessions) session.socket.terminate();
  }

  async close(): Promise<void> {
    this.disconnectAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
