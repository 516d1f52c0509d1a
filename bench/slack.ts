import http from 'node:http';
import path from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { loadSettings } from '../src/config';
import { systemClock } from '../src/core/clock';
import { createHelpdesk } from '../src/core/helpdesk';
import { Dispatcher } from '../src/delivery/dispatcher';
import { createMetrics } from '../src/http/metrics';
import { createHttpServer } from '../src/http/server';
import { createLogger } from '../src/log';
import { startSlackAdapter } from '../src/bots/slack';
import { isSignedBySlack } from '../src/bots/slack/signature';
import type { LoadBurst, LoadWorkerMessage } from './slack-load-worker';
import type { WebApiWorkerData, WebApiWorkerMessage, WebApiWorkerRequest } from './slack-web-api-worker';
import { percentile, round, withBenchDatabase, BENCH_POLICY } from './common';

/**
 * Slack's figures: `requests` signed `/ticket` slash commands at once to the app's
 * `POST /slack/events`, then as many `view_submission`s of the form at once: each request's HTTP
 * response time (from sending it to its whole response), p50 and p99; and the time from the
 * submission burst until every ticket's card is posted in the support channel (chat.postMessage
 * recorded by the fake Web API; the dispatcher runs on the system clock and is woken on writes).
 *
 * The floor, in the same run under the same bursts (same signer, same bodies, same client): a bare
 * node:http server on loopback that only reads the body and verifies the `v0` signature and
 * timestamp, then answers 200.
 *
 * Fairness: both servers run side by side and each burst goes to both, back to back, so both meet
 * the same load from the rest of a shared machine; there are two measured rounds, the floor first
 * in one and the app first in the other (ABBA), and each side's percentiles are over both rounds'
 * requests. Each side first gets
 * the same warm-up bursts (other people, same kinds), so neither is measured with cold code paths;
 * the app's warm-up tickets are fully delivered before the measured bursts start. The fake Web
 * API and the load client each run in a worker thread, as Slack is not on the app's event loop.
 */
export interface SlackBenchOptions {
  requests?: number;
  /** Requests of each kind sent to each side before measuring, so neither is measured cold. */
  warmup?: number;
  /** Measured rounds of both bursts, in ABBA order of who goes first (4 by default, 2 with quick). */
  rounds?: number;
  log?: (line: string) => void;
}

const SIGNING_SECRET = 'bench-signing-secret';
/**
 * Both servers keep the client's connections between bursts. With node's default (5 s) a side's
 * connections lapsed or not depending on how long the other side's work took in between (the
 * app's cards take about that long), so one burst opened 200 connections where the next reused
 * them, by chance.
 */
const KEEP_ALIVE_MS = 120_000;
const SUPPORT_CHANNEL = 'CSUPPORT';
const TIMEOUT_MS = 120_000;
/** Wall-clock milliseconds, comparable with the Web API worker's card times. */
const now = () => performance.timeOrigin + performance.now();
/** Warm-up requests come from other people than the measured ones. */
const WARMUP_OFFSET = 100_000;

/** Sends one burst from the load worker and waits for its times. */
function loadClient(worker: Worker) {
  return async (request: LoadBurst): Promise<number[]> => {
    worker.postMessage(request);
    const [message] = (await once(worker, 'message')) as [LoadWorkerMessage];
    if (message.kind === 'failed') throw new Error(message.message);
    return message.times;
  };
}

interface Side {
  endpoint: string;
  /**
   * Resolves once the side has done everything its requests set off (forms opened, tickets stored,
   * cards posted), so the other side's burst never shares the machine with it.
   */
  idle(): Promise<void>;
}

/**
 * The two bursts, each sent to both sides back to back, so both meet the same load on a shared
 * machine; `appFirst` swaps who goes first (the runner measures both orders, ABBA, as going second
 * pays for the garbage and timers the first left behind). Each side's burst starts only once the
 * other's is done with all it set off (the app's stores and cards would otherwise slow the
 * floor's). `first` numbers the people, so no two bursts share one. A form is submitted only once
 * it is open: the submissions follow the forms' views.open.
 */
async function bursts(
  send: (request: LoadBurst) => Promise<number[]>,
  floor: Side,
  app: Side,
  count: number,
  first: number,
  appFirst: boolean,
  log: ((line: string) => void) | undefined,
  label: string,
) {
  const commands = async (side: Side) =>
    send({ endpoint: side.endpoint, signingSecret: SIGNING_SECRET, kind: 'command', count, first });
  const submissions = async (side: Side) =>
    send({ endpoint: side.endpoint, signingSecret: SIGNING_SECRET, kind: 'submission', count, first });
  const order = appFirst ? 'to the app, then to the floor' : 'to the floor, then to the app';
  const sides = appFirst ? (['app', 'floor'] as const) : (['floor', 'app'] as const);
  log?.(`slack ${label}: ${count} × /ticket at once, ${order}…`);
  const command = { floor: [] as number[], app: [] as number[] };
  for (const side of sides) {
    command[side] = await commands(side === 'app' ? app : floor);
    await (side === 'app' ? app : floor).idle();
  }
  log?.(`slack ${label}: ${count} view_submissions at once, ${order}…`);
  const submit = { floor: [] as number[], app: [] as number[] };
  let start = 0;
  for (const side of sides) {
    if (side === 'app') start = now();
    submit[side] = await submissions(side === 'app' ? app : floor);
    // The app's burst set off storing and posting 200 tickets: done before the floor's burst, as after it.
    await (side === 'app' ? app : floor).idle();
  }
  return {
    floor: { command: command.floor, submit: submit.floor },
    app: { command: command.app, submit: submit.app, start },
  };
}

/** A bare server that only checks the signature, with the app's own check (v0 HMAC, timestamp within 5 minutes). */
async function floorServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const valid = isSignedBySlack(
        SIGNING_SECRET,
        body,
        req.headers['x-slack-signature'],
        req.headers['x-slack-request-timestamp'],
      );
      res.writeHead(valid ? 200 : 401).end();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
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

/** The fake Web API in its worker thread: its URL, the cards posted so far, and the calls by method. */
async function startWebApiWorker() {
  const worker = new Worker(path.join(__dirname, 'slack-web-api-worker.js'), {
    workerData: { supportChannel: SUPPORT_CHANNEL } satisfies WebApiWorkerData,
  });
  const cards: number[] = [];
  const replies: WebApiWorkerMessage[] = [];
  worker.on('message', (message: WebApiWorkerMessage) => {
    if (message.kind === 'card') cards.push(message.at);
    else replies.push(message);
  });
  const ask = async <K extends WebApiWorkerMessage['kind']>(request: WebApiWorkerRequest, kind: K) => {
    worker.postMessage(request);
    for (;;) {
      const index = replies.findIndex((r) => r.kind === kind);
      if (index >= 0) return replies.splice(index, 1)[0] as Extract<WebApiWorkerMessage, { kind: K }>;
      await once(worker, 'message');
    }
  };
  const [ready] = (await once(worker, 'message')) as [WebApiWorkerMessage];
  if (ready.kind !== 'ready') throw new Error('slack bench: the fake Web API worker did not start');
  return {
    url: ready.url,
    cards,
    calls: async () => (await ask({ kind: 'calls' }, 'calls')).byMethod,
    stop: async () => {
      await ask({ kind: 'stop' }, 'stopped');
      await worker.terminate();
    },
  };
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  const until = Date.now() + TIMEOUT_MS;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`slack bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function benchSlack(opts: SlackBenchOptions = {}): Promise<Record<string, number>> {
  const count = opts.requests ?? 200;
  const warmup = opts.warmup ?? Math.min(count, 50);
  const rounds = opts.rounds ?? 4;
  const log = opts.log;

  const measured = await withBenchDatabase('pglite', { poolSize: 10 }, async (db) => {
    const logger = createLogger('silent');
    const bare = await floorServer();
    const api = await startWebApiWorker();
    const loadWorker = new Worker(path.join(__dirname, 'slack-load-worker.js'));
    const send = loadClient(loadWorker);
    const settings = loadSettings({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL,
      SLACK_API_URL: api.url,
      LOG_LEVEL: 'silent',
    });
    let dispatcher: Dispatcher | undefined;
    const helpdesk = createHelpdesk({
      dataSource: db.dataSource,
      clock: systemClock,
      policy: BENCH_POLICY,
      onDeliveriesWritten: () => dispatcher?.wake(),
    });
    const server = createHttpServer({
      logger,
      metrics: createMetrics({ databaseUp: async () => true }),
      health: { ping: async () => true },
    });
    const slack = await startSlackAdapter({ settings, helpdesk, http: server, logger });
    server.server.keepAliveTimeout = KEEP_ALIVE_MS;
    const port = await server.listen(0, '127.0.0.1');
    dispatcher = new Dispatcher({
      dataSource: db.dataSource,
      clock: systemClock,
      senders: [slack.sender],
      instanceId: 'bench-slack',
      logger,
    });
    dispatcher.start();
    const queueEmpty = async () =>
      Number(
        (await db.dataSource.query(`SELECT count(*) AS n FROM delivery WHERE status IN ('pending', 'sending')`))[0].n,
      ) === 0;
    try {
      const floor: Side = { endpoint: bare.url, idle: async () => undefined };
      const app: Side = {
        endpoint: `http://127.0.0.1:${port}/slack/events`,
        // Stored, delivered, and the App Home redraws the deliveries asked for, drawn.
        idle: async () => {
          await slack.settled();
          await waitFor('the deliveries', queueEmpty);
          await slack.settled();
        },
      };
      await bursts(send, floor, app, warmup, WARMUP_OFFSET, false, log, 'warm-up');
      // The measured bursts start with nothing left over from the warm-up.
      await waitFor('the warm-up tickets', () => api.cards.length >= warmup);
      await slack.settled();
      await waitFor('the warm-up deliveries', queueEmpty);
      const callsBefore = await api.calls();
      const cardsBefore = api.cards.length;
      // Rounds in ABBA order (A: the floor goes first; B: the app does), each with people of its
      // own; the first round's cards are timed. Each side's percentiles are over all its rounds.
      const run = {
        floor: { command: [] as number[], submit: [] as number[] },
        app: { command: [] as number[], submit: [] as number[] },
      };
      let cardsMs = 0;
      for (let round = 0; round < rounds; round++) {
        const appFirst = round % 4 === 1 || round % 4 === 2;
        const measured = await bursts(
          send,
          floor,
          app,
          count,
          round * count,
          appFirst,
          log,
          `measured, round ${round + 1} of ${rounds}`,
        );
        await waitFor(`${(round + 1) * count} cards`, () => api.cards.length >= cardsBefore + (round + 1) * count);
        if (round === 0) cardsMs = api.cards[cardsBefore + count - 1] - measured.app.start;
        for (const side of ['floor', 'app'] as const) {
          run[side].command.push(...measured[side].command);
          run[side].submit.push(...measured[side].submit);
        }
      }
      const callsAfter = await api.calls();
      const during = Object.fromEntries(
        Object.entries(callsAfter)
          .map(([m, n]) => [m, n - (callsBefore[m] ?? 0)])
          .filter(([, n]) => Number(n) > 0),
      );
      log?.(`slack: Web API calls during the measured bursts: ${JSON.stringify(during)}`);
      return { ...run, cardsMs };
    } finally {
      await dispatcher.stop();
      await slack.stop();
      await server.close();
      await api.stop();
      await loadWorker.terminate();
      await bare.close();
    }
  });
  const ours = { ...measured.app, cardsMs: measured.cardsMs };
  const base = measured.floor;

  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  const ratio = (a: number[], b: number[], q: number) => round(percentile(a, q) / percentile(b, q), 2);
  return {
    requests: count,
    warmup_requests: warmup,
    rounds,
    command_p50_ms: p(ours.command, 50),
    command_p99_ms: p(ours.command, 99),
    floor_p50_ms: p(base.command, 50),
    floor_p99_ms: p(base.command, 99),
    command_p50_ratio: ratio(ours.command, base.command, 50),
    command_p99_ratio: ratio(ours.command, base.command, 99),
    submit_p50_ms: p(ours.submit, 50),
    submit_p99_ms: p(ours.submit, 99),
    floor_submit_p50_ms: p(base.submit, 50),
    floor_submit_p99_ms: p(base.submit, 99),
    submit_p50_ratio: ratio(ours.submit, base.submit, 50),
    submit_p99_ratio: ratio(ours.submit, base.submit, 99),
    cards_ms: round(ours.cardsMs, 0),
  };
}
