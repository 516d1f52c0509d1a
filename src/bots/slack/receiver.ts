import { parse as parseQuery } from 'node:querystring';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPResponseAck, type App, type Receiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import { readBody, sendJson, type HttpServer } from '../../http/server';
import type { Logger } from '../../log';
import type { AckFirst } from '../ack-first';
import { isSignedBySlack } from './signature';

/**
 * Slack's HTTP requests on the process's one HTTP server (Bolt's own HTTPReceiver would open a
 * second one). Each request's `v0` signature and timestamp are checked (isSignedBySlack) before
 * anything is parsed: a bad or stale one (over 5 minutes) gets 401 and changes nothing.
 */
export class SlackEventsReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly options: { http: HttpServer; signingSecret: string; logger: Logger; slackLogger: SlackLogger; ackFirst: AckFirst; path?: string },
  ) {
    options.http.route('POST', options.path ?? '/slack/events', (req, res) => this.handle(req, res));
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  /** Lets listeners still running finish (their answer was sent already). */
  async stop(): Promise<void> {
    await this.settled();
  }

  /** Resolves when every request received so far has been fully handled (tests wait on it). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Counted until its answer is out, so follow-up work waits for it (see AckFirst).
    const answered = this.options.ackFirst.received();
    res.once('finish', answered);
    res.once('close', answered);
    const raw = (await readBody(req)).toString('utf8');
    if (!isSignedBySlack(this.options.signingSecret, raw, req.headers['x-slack-signature'], req.headers['x-slack-request-timestamp'])) {
      this.options.logger.warn({ path: req.url }, 'slack request refused: bad signature or stale timestamp');
      return sendJson(res, 401, { error: 'invalid signature' });
    }

    let body: Record<string, any>;
    try {
      body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    } catch {
      return sendJson(res, 400, { error: 'unreadable body' });
    }
    if (body.ssl_check) return sendJson(res, 200, {});
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    if (!this.app) return sendJson(res, 503, { error: 'not ready' });

    const ack = new HTTPResponseAck({ logger: this.options.slackLogger, processBeforeResponse: false, httpRequest: req, httpRequestBody: body, httpResponse: res });
    const retryNum = Number(req.headers['x-slack-retry-num']);
    const work = this.app
      .processEvent({
        body,
        ack: ack.bind(),
        retryNum: Number.isFinite(retryNum) ? retryNum : undefined,
        retryReason: typeof req.headers['x-slack-retry-reason'] === 'string' ? req.headers['x-slack-retry-reason'] : undefined,
      })
      .catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'slack listener failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      });
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }
}

/** Slash commands come form-encoded, interactions as a form field `payload`, events as JSON. */
function parseBody(raw: string, contentType: string): Record<string, any> {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = parseQuery(raw);
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : (form as Record<string, any>);
  }
  return JSON.parse(raw);
}
