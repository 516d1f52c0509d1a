import { parse as parseQuery } from 'node:querystring';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ReceiverMultipleAckError, type App, type Receiver } from '@slack/bolt';
import { PayloadTooLargeError, readBody, sendJson, type HttpServer } from '../../http/server';
import type { Logger } from '../../log';
import type { AckFirst } from '../ack-first';
import { checkRequestShape } from './request-shape';
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
    private readonly options: {
      http: HttpServer;
      signingSecret: string;
      logger: Logger;
      ackFirst: AckFirst;
      /** Whether a request key is seen for the first time (across instances); false for a replay. */
      firstSight: (key: string) => Promise<boolean>;
      path?: string;
    },
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
    let bytes: Buffer;
    try {
      bytes = await readBody(req);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      return sendJson(res, 413, { error: 'request body too large' });
    }
    if (
      !isSignedBySlack(
        this.options.signingSecret,
        bytes,
        req.headers['x-slack-signature'],
        req.headers['x-slack-request-timestamp'],
      )
    ) {
      this.options.logger.warn(
        { path: new URL(req.url ?? '/', 'http://localhost').pathname },
        'slack request refused: bad signature or stale timestamp',
      );
      return sendJson(res, 401, { error: 'invalid signature' });
    }

    const raw = bytes.toString('utf8');
    let body: Record<string, any>;
    try {
      body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    } catch {
      return sendJson(res, 400, { error: 'unreadable body' });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return sendJson(res, 400, { error: 'unreadable body' });
    if (body.ssl_check) return sendJson(res, 200, {});
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    const shape = checkRequestShape(body);
    if (!shape.ok) {
      this.options.logger.warn(
        { type: typeof body.type === 'string' ? body.type : undefined },
        'slack request malformed',
      );
      return sendJson(res, 400, { error: 'malformed request' });
    }
    if (!this.app) return sendJson(res, 503, { error: 'not ready' });
    // A form submission opens tickets and writes articles: a replay of the same signed request (the
    // same view, its hash and signature) is answered and ignored. A corrected resubmission after
    // inline errors is a new request, with a new timestamp and signature.
    if (body.type === 'view_submission') {
      const key = `${String(body.view?.id)}:${String(body.view?.hash)}:${String(req.headers['x-slack-signature'])}`;
      // Unreachable memory (the database away) lets the request through: storing it needs the database too.
      const first = await this.options.firstSight(key).catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'slack replay memory unreachable; request handled');
        return true;
      });
      if (!first) {
        this.options.logger.warn({ type: body.type }, 'slack request replayed: ignored');
        return sendJson(res, 200, {});
      }
    }

    const ack = answerOnce(res);
    const retryNum = Number(req.headers['x-slack-retry-num']);
    const work = this.app
      .processEvent({
        body,
        ack,
        retryNum: Number.isFinite(retryNum) ? retryNum : undefined,
        retryReason:
          typeof req.headers['x-slack-retry-reason'] === 'string' ? req.headers['x-slack-retry-reason'] : undefined,
      })
      .then(() => {
        // Every listener has finished (Bolt waits for them all), so an unanswered request stays so.
        if (!res.headersSent) {
          this.options.logger.warn(
            { type: body.type ?? body.command },
            'slack request not acknowledged by any listener',
          );
          sendJson(res, 404, { error: 'not handled' });
        }
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

/**
 * Bolt's `ack` for an HTTP request: the first call sends the answer (empty, text, or JSON such as
 * `response_action: errors`), a second is an error. Bolt's own HTTPResponseAck also starts a 3 s
 * timer per request to catch a listener that never acknowledges; here that is known when the
 * listeners have finished (see handle), without a timer: timers were a tenth of the adapter's
 * work per request in a burst.
 */
function answerOnce(res: ServerResponse): (response?: string | Record<string, unknown>) => Promise<void> {
  let answered = false;
  return async (response) => {
    if (answered) throw new ReceiverMultipleAckError();
    answered = true;
    if (!response) res.writeHead(200).end();
    else if (typeof response === 'string') res.writeHead(200).end(response);
    else sendJson(res, 200, response);
  };
}

/** Slash commands come form-encoded, interactions as a form field `payload`, events as JSON. */
function parseBody(raw: string, contentType: string): Record<string, any> {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = parseQuery(raw);
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : (form as Record<string, any>);
  }
  return JSON.parse(raw);
}
