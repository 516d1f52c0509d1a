import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { commandFields, eventCallback, interactionPayload } from './signer';

/** What the app sent back for an envelope: `{ envelope_id, payload? }`. */
export interface SocketModeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export const SOCKET_PATH = '/socket-mode/link';

/**
 * Slack's Socket Mode side, served by the fake Web API's HTTP server: `apps.connections.open`
 * hands out a `ws://` URL to it; a connecting client gets `hello`, then the envelopes a test sends
 * (`slash_commands`, `interactive`, `events_api`), and every ack it sends back is recorded.
 */
export class FakeSocketMode {
  /** Every ack received, in order. */
  readonly acks: SocketModeAck[] = [];
  /** Anything else the client sent (it should send only acks). */
  readonly unexpected: unknown[] = [];
  /** The close codes of the connections that ended (1000: the client closed cleanly). */
  readonly closeCodes: number[] = [];
  /** Protocol errors on the server side of a connection. */
  readonly errors: Error[] = [];
  /** How many connections were accepted (one per `apps.connections.open` in the normal case). */
  connectionCount = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: Array<() => void> = [];
  private envelopeCounter = 0;
  private counter = 0;

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connectionCount += 1;
      this.sockets.add(ws);
      ws.on('close', (code) => {
        this.sockets.delete(ws);
        this.closeCodes.push(code);
      });
      ws.on('error', (error) => {
        this.errors.push(error);
      });
      ws.on('message', (data) => {
        let message: unknown;
        try {
          message = JSON.parse(String(data));
        } catch {
          message = String(data);
        }
        if (message && typeof message === 'object' && 'envelope_id' in message)
          this.acks.push(message as SocketModeAck);
        else this.unexpected.push(message);
        this.wake();
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A1' },
          debug_info: { host: 'fake', approximate_connection_time: 18060 },
        }),
      );
      this.wake();
    });
  }

  /** Resolves once a client is connected (and was sent `hello`). */
  async connected(timeoutMs = 5_000): Promise<void> {
    await this.until(() => this.openSockets().length > 0, timeoutMs, 'no Socket Mode connection');
  }

  /** Sends one envelope to the connected client; returns its envelope_id. */
  send(type: EnvelopeType, payload: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const [socket] = this.openSockets();
    if (!socket) throw new Error('no Socket Mode connection to send on');
    const envelopeId = `env-${++this.envelopeCounter}-${Date.now().toString(36)}`;
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...extra,
      }),
    );
    return envelopeId;
  }

  /** `/ticket some text` typed by `user`: the same fields as the HTTP form, as an object. */
  command(command: string, user: { id: string; name: string }, text = '', channel = 'CGENERAL'): string {
    const fields = commandFields(command, user, text, channel, this.counter);
    this.counter += 2;
    return this.send('slash_commands', fields);
  }

  /** A `view_submission`, `block_actions` or `message_action` payload. */
  interaction(payload: Record<string, unknown>): string {
    return this.send('interactive', interactionPayload(payload));
  }

  /** An `event_callback` body (with `retry_attempt` when Slack retries). */
  event(event: Record<string, unknown>, options: { eventId?: string; retryAttempt?: number } = {}): string {
    const eventId = options.eventId ?? `EvSM${String(++this.counter).padStart(6, '0')}`;
    return this.send('events_api', eventCallback(event, eventId), {
      retry_attempt: options.retryAttempt ?? 0,
      retry_reason: options.retryAttempt ? 'timeout' : '',
    });
  }

  acksOf(envelopeId: string): SocketModeAck[] {
    return this.acks.filter((a) => a.envelope_id === envelopeId);
  }

  /** Resolves with the ack of an envelope once the client sent it. */
  async ack(envelopeId: string, timeoutMs = 5_000): Promise<SocketModeAck> {
    await this.until(() => this.acksOf(envelopeId).length > 0, timeoutMs, `no ack for ${envelopeId}`);
    return this.acksOf(envelopeId)[0]!;
  }

  /** Asks the client to reconnect, as Slack does when it recycles a connection. */
  disconnectClients(reason = 'refresh_requested'): void {
    for (const socket of this.openSockets())
      socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
  }

  /**
   * Closes every connection from Slack's side (close frame 1000, answered by the client), and
   * resolves when they are closed. The harness does this before stopping the app: a close begun by
   * the client under Jest drops the TCP connection before its close frame gets out (undici then
   * reports 1006 and leaves a 30 s close-handshake timer behind), which keeps Jest from exiting.
   */
  async hangUp(): Promise<void> {
    await Promise.all(
      this.openSockets().map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('close', () => resolve());
            socket.close(1000, 'test over');
          }),
      ),
    );
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.wake();
  }

  private openSockets(): WebSocket[] {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN);
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private async until(check: () => boolean, timeoutMs: number, message: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${message} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
