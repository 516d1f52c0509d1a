import type { Figures } from './figures';
import {
  allMirrored,
  cardFigures,
  mirrorFigures,
  outOfOrderInThreads,
  refusedUsers,
  submitMany,
  ticketsOnPlatform,
  writeReplies,
  type Reply,
  type Submission,
} from './slack-traffic';
import { World, type Store } from './world';

export interface ScenarioOptions {
  /** The short sizes `npm test` runs; the full ones otherwise. */
  short: boolean;
  store: Store;
  log: (line: string) => void;
}

/** Slack as it answers: 100–200 ms a call. */
const SLACK_LATENCY: [number, number] = [100, 200];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

/** Which submissions became tickets (PostgreSQL read directly). */
async function storedTitles(world: World, submissions: Submission[]): Promise<Set<string>> {
  const rows = await world.query<{ title: string; n: number }>(
    `SELECT title, count(*)::int AS n FROM ticket WHERE title = ANY($1::text[]) GROUP BY title`,
    [submissions.map((s) => s.title)],
  );
  return new Set(rows.map((r) => r.title));
}

/** Submissions' figures: acknowledged, stored, refused, and the two ways a promise breaks. */
async function submissionFigures(world: World, submissions: Submission[]) {
  const stored = await storedTitles(world, submissions);
  const refused = refusedUsers(world);
  let lost = 0;
  let refusedButStored = 0;
  let refusedWithMessage = 0;
  for (const s of submissions) {
    const wasRefused = refused.has(s.user);
    if (wasRefused && stored.has(s.title)) refusedButStored++;
    else if (wasRefused) refusedWithMessage++;
    else if (s.acknowledged && !stored.has(s.title)) lost++;
  }
  return {
    stored,
    acknowledged: submissions.filter((s) => s.acknowledged).length,
    refusedWithMessage,
    refusedButStored,
    lost,
  };
}

/**
 * (a) The database cut for 8 s in the middle of 300 ticket submissions: each is either stored
 * (its card and DM card posted once) or refused with a DM saying so.
 */
export async function databaseCut(options: ScenarioOptions): Promise<Figures> {
  // A claim whose answer the cut lost is ours on the row but unknown to us: it waits out the lease.
  const leaseMs = options.short ? 4000 : 30_000;
  const world = await new World({ store: 'postgres', leaseMs }).start();
  try {
    const count = options.short ? 30 : 300;
    const cutMs = options.short ? 2500 : 8000;
    // Submissions before, during and after the cut: some are stored with their posts in flight when it comes.
    const spreadMs = options.short ? 5000 : 16_000;
    world.api.setConditions({ latencyMs: SLACK_LATENCY });
    const app = await world.startApp();
    const submitting = submitMany([app], 'a', count, spreadMs);
    await sleep(spreadMs / 4);
    options.log(`(a) cutting the database for ${cutMs / 1000} s amid ${count} submissions`);
    await world.proxy!.cut(cutMs);
    const cutEnded = Date.now();
    const submissions = await submitting;
    const drained = await world.drained(180_000);
    await sleep(1000); // refusal DMs still on their way
    const s = await submissionFigures(world, submissions);
    const cards = cardFigures(world, s.stored, submissions);
    const [{ last }] = await world.query<{ last: Date | null }>(`SELECT max(sent_at) AS last FROM delivery`);
    return {
      scenario: 'a: database cut amid submissions',
      store: 'postgres',
      sent: count,
      acknowledged: s.acknowledged,
      stored: s.stored.size,
      refusedWithMessage: s.refusedWithMessage,
      lost: s.lost + cards.lost,
      refusedButStored: s.refusedButStored,
      doubled: cards.doubled,
      outOfOrder: outOfOrderInThreads(world),
      secondsToRecover: drained ? Math.max(0, ((last?.getTime() ?? cutEnded) - cutEnded) / 1000) : -1,
      platformCalls: world.api.calls.length,
      notes: [`cut ${cutMs / 1000} s; delivery lease ${leaseMs / 1000} s; queue drained: ${drained}`, ...cards.notes],
    };
  } finally {
    await world.close();
  }
}

/**
 * (c) kill -9 of the whole process group while posts are in flight, then a restart: every card
 * arrives once, and the restart answers /healthz at once.
 */
export async function killMidPosts(options: ScenarioOptions): Promise<Figures> {
  const leaseMs = options.short ? 2500 : 30_000;
  const world = await new World({ store: 'postgres', leaseMs }).start();
  try {
    const count = options.short ? 24 : 120;
    world.api.setConditions({ latencyMs: SLACK_LATENCY });
    const first = await world.startApp();
    const submissions = await submitMany([first], 'c', count, 500);
    const posts = () => world.api.callsOf('chat.postMessage').length;
    // Every ticket stored, and its posts half way: many in flight.
    await until(async () => (await storedTitles(world, submissions)).size === count && posts() >= count / 2, 60_000);
    const postsAtKill = posts();
    await world.kill(first);
    const killedAt = Date.now();
    options.log(`(c) killed the app (kill -9 of its group) after ${postsAtKill} posts`);
    const second = await world.startApp();
    const drained = await world.drained(leaseMs + 180_000);
    const metrics = await (await fetch(`http://127.0.0.1:${second.port}/metrics`)).text();
    const resent = Number(/^helpdesk_deliveries_resent_total (\d+)/m.exec(metrics)?.[1] ?? 0);
    const s = await submissionFigures(world, submissions);
    const cards = cardFigures(world, s.stored, submissions);
    const [{ last }] = await world.query<{ last: Date | null }>(`SELECT max(sent_at) AS last FROM delivery`);
    return {
      scenario: 'c: kill -9 mid-posts, then a restart',
      store: 'postgres',
      sent: count,
      acknowledged: s.acknowledged,
      stored: s.stored.size,
      refusedWithMessage: s.refusedWithMessage,
      lost: s.lost + cards.lost,
      refusedButStored: s.refusedButStored,
      doubled: cards.doubled,
      outOfOrder: outOfOrderInThreads(world),
      secondsToRecover: drained ? Math.max(0, ((last?.getTime() ?? killedAt) - killedAt) / 1000) : -1,
      secondsToHealth: second.secondsToHealth,
      resent,
      platformCalls: world.api.calls.length,
      notes: [
        `killed after ${postsAtKill} of ${count * 2} card posts; delivery lease ${leaseMs / 1000} s (claims of the killed process wait it out)`,
        ...cards.notes,
      ],
    };
  } finally {
    await world.close();
  }
}

/** Tickets opened and posted in calm weather, found on the platform for the replies to go to. */
async function openTickets(
  world: World,
  apps: Awaited<ReturnType<World['startApp']>>[],
  prefix: string,
  count: number,
) {
  const submissions = await submitMany(apps, prefix, count, 500);
  await until(() => ticketsOnPlatform(world, submissions).length === count, 60_000);
  return { submissions, tickets: ticketsOnPlatform(world, submissions) };
}

/** Replies' figures: each stored once (PostgreSQL), mirrored once, in order. */
async function replyFigures(world: World, replies: Reply[]) {
  const mirror = mirrorFigures(world, replies);
  let stored: number;
  let doubledStored: number;
  {
    const rows = await world.query<{ body: string; n: number }>(
      `SELECT body, count(*)::int AS n FROM comment WHERE body = ANY($1::text[]) GROUP BY body`,
      [replies.map((r) => r.text)],
    );
    stored = rows.length;
    doubledStored = rows.reduce((sum, r) => sum + r.n - 1, 0);
  }
  return { ...mirror, stored, doubled: mirror.doubled + doubledStored };
}

/**
 * (b) A 30 s storm of 50 % 429 (Retry-After 1) and 25 % 500 from Slack while tickets are opened
 * and 200 replies are mirrored both ways.
 */
export async function rateLimitStorm(options: ScenarioOptions): Promise<Figures> {
  const world = await new World({ store: options.store }).start();
  try {
    const stormMs = options.short ? 4000 : 30_000;
    const replyCount = options.short ? 20 : 200;
    world.api.setConditions({ latencyMs: SLACK_LATENCY });
    const app = await world.startApp();
    const { tickets } = await openTickets(world, [app], 'b', options.short ? 3 : 20);
    const callsBefore = world.api.calls.length;
    options.log(`(b) storm for ${stormMs / 1000} s: 50 % 429, 25 % 500`);
    world.api.setConditions({ latencyMs: SLACK_LATENCY, rateLimited: 0.5, serverErrors: 0.25, retryAfterSeconds: 1 });
    const during = submitMany([app], 'bs', options.short ? 3 : 20, stormMs / 2);
    const replies = await writeReplies(world, [app], tickets, replyCount, stormMs * 0.8);
    const openedDuring = await during;
    await sleep(Math.max(0, stormMs - 0.8 * stormMs));
    world.api.setConditions({ latencyMs: SLACK_LATENCY });
    const stormEnded = Date.now();
    const recovered = await until(
      () => allMirrored(world, replies) && ticketsOnPlatform(world, openedDuring).length === openedDuring.length,
      180_000,
    );
    const secondsToRecover = recovered ? (Date.now() - stormEnded) / 1000 : -1;
    if (world.readsWhileRunning) await world.drained(60_000);
    else await world.stopApp(app);
    const r = await replyFigures(world, replies);
    const opened = ticketsOnPlatform(world, openedDuring);
    const storedTitles = new Set(opened.map((t) => t.title));
    const cards = cardFigures(world, storedTitles, openedDuring);
    return {
      scenario: 'b: 429/500 storm while tickets open and replies mirror',
      store: options.store,
      sent: replies.length + openedDuring.length,
      acknowledged: replies.filter((x) => x.acknowledged).length + openedDuring.filter((x) => x.acknowledged).length,
      stored: r.stored + opened.length,
      refusedWithMessage: 0,
      lost: r.lost + (openedDuring.length - opened.length) + cards.lost,
      refusedButStored: 0,
      doubled: r.doubled + cards.doubled,
      outOfOrder: r.outOfOrder + outOfOrderInThreads(world),
      secondsToRecover,
      platformCalls: world.api.calls.length - callsBefore,
      notes: [
        `storm ${stormMs / 1000} s over ${replies.length} replies and ${openedDuring.length} new tickets`,
        ...cards.notes,
      ],
    };
  } finally {
    await world.close();
  }
}

/**
 * (d) Two instances on one database, each reply's event sent to one and Slack's retry of it
 * (`x-slack-retry-num`) to the other at the same time: stored once, mirrored once.
 */
export async function twoInstances(options: ScenarioOptions): Promise<Figures> {
  const world = await new World({ store: 'postgres' }).start();
  try {
    world.api.setConditions({ latencyMs: SLACK_LATENCY });
    const apps = [await world.startApp(), await world.startApp()];
    const { submissions, tickets } = await openTickets(world, apps, 'd', options.short ? 4 : 20);
    const replies = await writeReplies(
      world,
      apps,
      tickets,
      options.short ? 40 : 200,
      options.short ? 4000 : 20_000,
      true,
    );
    const sentAt = Date.now();
    const recovered = await until(() => allMirrored(world, replies), 120_000);
    await world.drained(60_000);
    const r = await replyFigures(world, replies);
    const stored = await storedTitles(world, submissions);
    const cards = cardFigures(world, stored, submissions);
    return {
      scenario: 'd: two instances, Slack retries to the other',
      store: 'postgres',
      sent: replies.length + submissions.length,
      acknowledged: replies.filter((x) => x.acknowledged).length + submissions.filter((x) => x.acknowledged).length,
      stored: r.stored + stored.size,
      refusedWithMessage: 0,
      lost: r.lost + cards.lost + (replies.length - r.stored),
      refusedButStored: 0,
      doubled: r.doubled + cards.doubled,
      outOfOrder: r.outOfOrder + outOfOrderInThreads(world),
      secondsToRecover: recovered ? (Date.now() - sentAt) / 1000 : -1,
      platformCalls: world.api.calls.length,
      notes: [`each of ${replies.length} reply events also retried to the other instance`, ...cards.notes],
    };
  } finally {
    await world.close();
  }
}
