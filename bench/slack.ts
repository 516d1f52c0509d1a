import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { defaultPolicy, loadSettings } from '../src/config';
import { systemClock } from '../src/core/clock';
import { createHelpdesk } from '../src/core/helpdesk';
import { Dispatcher } from '../src/delivery/dispatcher';
import { createMetrics } from '../src/http/metrics';
import { createHttpServer } from '../src/http/server';
import { createLogger } from '../src/log';
import { startSlackAdapter } from '../src/bots/slack';
import { SlackRequestSigner } from '../tests/fakes/slack/signer';
import { FakeSlackWebApi, type SlackCall } from '../tests/fakes/slack/web-api';
import { percentile, round, withBenchDatabase } from './common';

/**
 * Issue 6's figures: `requests` signed `/ticket` slash commands at once to the app's
 * `POST /slack/events`, then as many `view_submission`s of the form at once: each request's HTTP
 * response time (from sending it to its whole response), p50 and p99; and the time from the
 * submission burst until every ticket's card is posted in the support channel (chat.postMessage
 * recorded by the fake Web API; the dispatcher runs on the system clock and is woken on writes).
 *
 * The floor, in the same run under the same bursts (same signer, same bodies, same client): a bare
 * node:http server on loopback that only reads the body and verifies the `v0` signature and
 * timestamp, then answers 200.
 */
export interface SlackBenchOptions {
  requests?: number;
  log?: (line: string) => void;
}

const SIGNING_SECRET = 'bench-signing-secret';
const SUPPORT_CHANNEL = 'CSUPPORT';
const TIMEOUT_MS = 120_000;
const now = () => performance.now();

const user = (i: number) => ({ id: `UBENCH${String(i).padStart(4, '0')}`, name: `customer${i}` });

function submission(i: number) {
  const u = user(i);
  return {
    type: 'view_submission',
    user: { id: u.id, name: u.name, username: u.name, team_id: 'T1' },
    trigger_id: `trigger-submit-${i}`,
    view: {
      id: `VFORM${i}`, type: 'modal', callback_id: 'ticket_form', private_metadata: JSON.stringify({ channel: 'CGENERAL' }), hash: 'h', team_id: 'T1', app_id: 'A1', bot_id: 'BBOT',
      state: {
        values: {
          title: { value: { type: 'plain_text_input', value: `Printer ${i} is jammed` } },
          description: { value: { type: 'plain_text_input', value: `The printer on floor ${i % 7} jams on every second page since this morning.` } },
          type: { value: { type: 'static_select', selected_option: { value: 'incident', text: { type: 'plain_text', text: 'incident' } } } },
        },
      },
    },
  };
}

/** Sends `count` requests at once; each one's time until its whole response arrived (ms). Non-200 answers throw. */
async function burst(count: number, send: (i: number) => Promise<Response>, what: string): Promise<number[]> {
  const times = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const start = now();
      const response = await send(i);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`slack bench: ${what} answered ${response.status}`);
      return now() - start;
    }),
  );
  return times;
}

async function bursts(signer: SlackRequestSigner, count: number, log: ((line: string) => void) | undefined, label: string) {
  log?.(`slack${label}: ${count} × /ticket at once…`);
  const command = await burst(count, (i) => signer.command('/ticket', user(i)), '/ticket');
  log?.(`slack${label}: ${count} view_submissions at once…`);
  const start = now();
  const submit = await burst(count, (i) => signer.interaction(submission(i)), 'view_submission');
  return { command, submit, start };
}

/** A bare server that only checks the signature (as Bolt's helper does: v0 HMAC, timestamp within 5 minutes). */
async function floorServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      const signature = String(req.headers['x-slack-signature'] ?? '');
      const expected = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const fresh = Number.isFinite(timestamp) && Math.abs(Date.now() / 1000 - timestamp) <= 300;
      const valid = fresh && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      res.writeHead(valid ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function benchSlack(opts: SlackBenchOptions = {}): Promise<Record<string, number>> {
  const count = opts.requests ?? 200;
  const log = opts.log;

  const bare = await floorServer();
  let base: Awaited<ReturnType<typeof bursts>>;
  try {
    base = await bursts(new SlackRequestSigner(bare.url, SIGNING_SECRET), count, log, ' floor');
  } finally {
    await bare.close();
  }

  const ours = await withBenchDatabase('pglite', { poolSize: 10 }, async (db) => {
    const logger = createLogger('silent');
    const api = await new FakeSlackWebApi().start();
    // Cards: chat.postMessage to the support channel, not in a thread.
    const cards: number[] = [];
    const push = api.calls.push.bind(api.calls);
    api.calls.push = (...calls: SlackCall[]) => {
      for (const c of calls) if (c.method === 'chat.postMessage' && c.args.channel === SUPPORT_CHANNEL && !c.args.thread_ts) cards.push(now());
      return push(...calls);
    };
    const settings = loadSettings({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL, SLACK_API_URL: api.url, LOG_LEVEL: 'silent' });
    let dispatcher: Dispatcher | undefined;
    const helpdesk = createHelpdesk({ dataSource: db.dataSource, clock: systemClock, policy: defaultPolicy, onDeliveriesWritten: () => dispatcher?.wake() });
    const server = createHttpServer({ logger, metrics: createMetrics({ databaseUp: async () => true }), health: { description: 'bench', ping: async () => true } });
    const slack = await startSlackAdapter({ settings, helpdesk, http: server, logger });
    const port = await server.listen(0, '127.0.0.1');
    dispatcher = new Dispatcher({ dataSource: db.dataSource, clock: systemClock, senders: [slack.sender], instanceId: 'bench-slack', logger });
    dispatcher.start();
    try {
      const callsBefore = api.calls.length;
      const run = await bursts(new SlackRequestSigner(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET), count, log, '');
      const until = Date.now() + TIMEOUT_MS;
      while (cards.length < count) {
        if (Date.now() > until) throw new Error(`slack bench: only ${cards.length} of ${count} cards posted`);
        await new Promise((r) => setTimeout(r, 2));
      }
      const cardsMs = cards[count - 1] - run.start;
      await slack.settled();
      const apiCalls: Record<string, number> = {};
      for (const c of api.calls.slice(callsBefore)) apiCalls[c.method] = (apiCalls[c.method] ?? 0) + 1;
      log?.(`slack: Web API calls during the bursts: ${JSON.stringify(apiCalls)}`);
      return { ...run, cardsMs };
    } finally {
      await dispatcher.stop();
      await slack.stop();
      await server.close();
      await api.stop();
    }
  });

  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  return {
    requests: count,
    command_p50_ms: p(ours.command, 50),
    command_p99_ms: p(ours.command, 99),
    floor_p50_ms: p(base.command, 50),
    floor_p99_ms: p(base.command, 99),
    command_p99_ratio: round(percentile(ours.command, 99) / percentile(base.command, 99), 2),
    submit_p50_ms: p(ours.submit, 50),
    submit_p99_ms: p(ours.submit, 99),
    floor_submit_p50_ms: p(base.submit, 50),
    floor_submit_p99_ms: p(base.submit, 99),
    submit_p99_ratio: round(percentile(ours.submit, 99) / percentile(base.submit, 99), 2),
    cards_ms: round(ours.cardsMs, 0),
  };
}
