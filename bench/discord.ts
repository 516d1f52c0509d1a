import { textsFor } from '../src/core/texts';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  Routes,
  ChannelType,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { loadSettings } from '../src/config';
import { systemClock } from '../src/core/clock';
import { createHelpdesk } from '../src/core/helpdesk';
import { Dispatcher } from '../src/delivery/dispatcher';
import { createLogger } from '../src/log';
import { startDiscordAdapter } from '../src/bots/discord';
import { ticketForm } from '../src/bots/discord/commands/ticket';
import { unrelatedTicket } from './unrelated-tickets';
import {
  FakeDiscord,
  STAFF_CHANNEL_ID,
  SUPPORT_CHANNEL_ID,
  type FakeUser,
} from '../src/simulator/discord/fake-discord';
import { slashCommand, submitTicketForm } from '../src/simulator/discord/interactions';
import { percentile, round, withBenchDatabase, type BenchDatabase, BENCH_POLICY } from './common';

/**
 * Discord's figures, through the fake Discord: `customers` people run `/ticket` at once (every
 * INTERACTION_CREATE written to the gateway in one go), then submit the form at once. Per
 * interaction, the first response is the time from the fake dispatching it to the interaction
 * callback reaching the fake (the modal for the command, the deferral for the submission); and the
 * time from the submission burst until every ticket's thread and card exist.
 *
 * The floor, in the same run under the same bursts: a bare discord.js client on its own fake that
 * only answers (showModal; deferReply then the reply with the number), and for threads and cards
 * makes the same REST calls per ticket as the adapter (create the private thread, add the
 * customer, post the card with its text, embed and buttons, edit the private reply to link the
 * thread, post the queue message with Claim in the staff channel) at the dispatcher's concurrency.
 * The bench prints both sides' REST calls per route, so a difference shows.
 *
 * Both sides are warmed up the same way first (a small burst run to the end, then a pause for
 * discord.js's one-second global window to reset), so neither pays for cold code paths or a
 * half-spent rate-limit window in the measured bursts; the order of the bursts is at
 * benchDiscord.
 */
export interface DiscordBenchOptions {
  customers?: number;
  log?: (line: string) => void;
}

/** The dispatcher's default concurrency (sends in flight at once); the floor uses the same. */
const DISPATCH_CONCURRENCY = 8;
const TIMEOUT_MS = 120_000;
/** Customers in each side's warm-up bursts (not measured). */
const WARM_UP = 20;
/** /ticket bursts per side, alternating with the other side's. */
const COMMAND_ROUNDS = 3;
/** Submission bursts per side (each with its threads and cards), alternating with the other side's. */
const SUBMIT_ROUNDS = 2;

interface Probe {
  fake: FakeDiscord;
  /** Interaction id → when the fake wrote it to the gateway. */
  dispatched: Map<string, number>;
  /** Interaction id → when its first answer (the callback) reached the fake. */
  firstAnswer: Map<string, number>;
  /** When each card (a bot message with an embed in a thread of the support channel) was posted. */
  cards: number[];
  /** Beside each of the fake's recorded requests: when it arrived (null for interaction callbacks, which discord.js does not pace). */
  requestTimes: Array<number | null>;
}

const now = () => performance.now();

/** Puts timestamps on what the fake sees, without changing what it does. */
function probe(fake: FakeDiscord): Probe {
  const p: Probe = { fake, dispatched: new Map(), firstAnswer: new Map(), cards: [], requestTimes: [] };
  const record = fake.requests.push.bind(fake.requests);
  fake.requests.push = (...items) => {
    for (const r of items) p.requestTimes.push(r.path.endsWith('/callback') ? null : now());
    return record(...items);
  };
  const dispatch = fake.dispatch.bind(fake);
  fake.dispatch = (t: string, d: any) => {
    if (t === 'INTERACTION_CREATE') p.dispatched.set(d.id, now());
    if (
      t === 'MESSAGE_CREATE' &&
      d.author?.bot &&
      (d.embeds?.length ?? 0) > 0 &&
      fake.channels.get(d.channel_id)?.parent_id === SUPPORT_CHANNEL_ID
    )
      p.cards.push(now());
    dispatch(t, d);
  };
  const answers = fake.answers;
  const set = answers.set.bind(answers);
  answers.set = (id: string, list: any[]) => {
    const push = list.push.bind(list);
    list.push = (...items: any[]) => {
      if (!p.firstAnswer.has(id)) p.firstAnswer.set(id, now());
      return push(...items);
    };
    return set(id, list);
  };
  return p;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const until = now() + timeoutMs;
  while (!check()) {
    if (now() > until) throw new Error(`discord bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Fires `count` interactions at once; resolves with each one's first-response time (ms). */
async function burst(p: Probe, count: number, fire: (i: number) => Promise<string>, what: string): Promise<number[]> {
  const before = new Set(p.dispatched.keys());
  // interact() resolves once answered, or rejects after its 5 s wait; the timestamps are what count.
  const calls = Array.from({ length: count }, (_, i) => fire(i).catch(() => undefined));
  const ids = [...p.dispatched.keys()].filter((id) => !before.has(id));
  await waitUntil(() => ids.every((id) => p.firstAnswer.has(id)), `${what}: first answers`);
  await Promise.all(calls);
  return ids.map((id) => p.firstAnswer.get(id)! - p.dispatched.get(id)!);
}

function customers(fake: FakeDiscord, count: number, prefix: string): FakeUser[] {
  return Array.from({ length: count }, (_, i) => fake.user(`${prefix}${i}`));
}

const form = unrelatedTicket;

function settingsFor(fake: FakeDiscord) {
  return loadSettings({
    ...fake.settingsEnv,
    LOG_LEVEL: 'silent',
  });
}

/** REST calls per route (ids and tokens elided) since request `index` of the fake. */
function restCallsSince(fake: FakeDiscord, index: number): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const r of fake.requests.slice(index)) {
    const key = `${r.method} ${r.path.replace(/\d{15,}/g, ':id').replace(/token-[^/]+/, ':token')}`;
    calls[key] = (calls[key] ?? 0) + 1;
  }
  return calls;
}

/** Lets discord.js's one-second global window (and the machine) settle between phases. */
const pause = () => new Promise((r) => setTimeout(r, 1500));

/** One bot under test on its own fake: the bare floor bot, or our adapter with its helpdesk and dispatcher. */
interface Side {
  name: string;
  p: Probe;
  /** Resolves once everything the bot makes after an answer (threads, cards, reply edits, queue posts) is done. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Everyone in `people` runs /ticket at once; each one's time to the modal. */
function commandBurst(side: Side, people: FakeUser[], log?: (line: string) => void): Promise<number[]> {
  log?.(`discord ${side.name}: ${people.length} × /ticket at once…`);
  return burst(
    side.p,
    people.length,
    (i) => slashCommand(side.p.fake, people[i], 'ticket', SUPPORT_CHANNEL_ID),
    '/ticket',
  );
}

/** Everyone submits the form at once; each one's time to the deferral, and the time until all threads and cards exist. */
async function submitBurst(
  side: Side,
  people: FakeUser[],
  log?: (line: string) => void,
): Promise<{ submit: number[]; threadsCardsMs: number; restCalls: Record<string, number>; perSecond: number[] }> {
  log?.(`discord ${side.name}: ${people.length} form submissions at once…`);
  const { p } = side;
  const requestsBefore = p.fake.requests.length;
  const cardsBefore = p.cards.length;
  const start = now();
  const submit = await burst(
    p,
    people.length,
    (i) => submitTicketForm(p.fake, people[i], SUPPORT_CHANNEL_ID, 'ticket-form', form(i)),
    'submissions',
  );
  await waitUntil(() => p.cards.length - cardsBefore >= people.length, `${people.length} threads and cards`);
  const threadsCardsMs = p.cards[cardsBefore + people.length - 1] - start;
  await side.settled();
  // Requests per second (the interaction callbacks aside): flat at discord.js's 50/s when nothing but its pacing waits.
  const perSecond: number[] = [];
  for (const at of p.requestTimes.slice(requestsBefore)) {
    if (at === null) continue;
    const second = Math.floor((at - start) / 1000);
    if (second >= 0) perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
  return {
    submit,
    threadsCardsMs,
    restCalls: restCallsSince(p.fake, requestsBefore),
    perSecond: Array.from(perSecond, (n) => n ?? 0),
  };
}

/** The floor: a bare discord.js bot that only answers, and makes the thread/card REST calls at the dispatcher's concurrency. */
async function floorSide(log?: (line: string) => void): Promise<Side> {
  const fake = await new FakeDiscord().start();
  const p = probe(fake);
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Message, Partials.Channel],
    // discord.js's defaults: its limiter (50 requests/s globally) queues requests rather than rejecting them.
    rest: { api: fake.apiUrl },
  });
  // At most DISPATCH_CONCURRENCY tickets' REST calls in flight, like the dispatcher's sends.
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  let number = 0;
  const limited = async (job: () => Promise<void>) => {
    if (inFlight >= DISPATCH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
    else inFlight++;
    try {
      await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else inFlight--;
    }
  };
  const threadAndCard = async (job: {
    number: number;
    userId: string;
    title: string;
    interaction: ModalSubmitInteraction;
  }) => {
    const thread = (await client.rest.post(Routes.threads(SUPPORT_CHANNEL_ID), {
      body: {
        name: `#${job.number} ${job.title}`.slice(0, 100),
        type: ChannelType.PrivateThread,
        invitable: false,
        auto_archive_duration: 10080,
      },
    })) as { id: string };
    await client.rest.put(Routes.threadMembers(thread.id, job.userId));
    const embed = new EmbedBuilder()
      .setTitle(`#${job.number} ${job.title}`)
      .addFields(
        { name: 'Type', value: 'incident', inline: true },
        { name: 'Status', value: 'open', inline: true },
        { name: 'Priority', value: 'P3 normal', inline: true },
        { name: 'Assignee', value: 'nobody yet', inline: true },
        { name: 'Tier', value: '1', inline: true },
      );
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      ['claim', 'pending', 'resolve', 'escalate', 'reassign'].map((action) =>
        new ButtonBuilder()
          .setCustomId(`ticket:${action}:${job.number}`)
          .setLabel(action)
          .setStyle(ButtonStyle.Secondary),
      ),
    );
    await client.rest.post(Routes.channelMessages(thread.id), {
      body: {
        content: `Your ticket #${job.number} "${job.title}" is open. Support will answer here; reply here to add anything.`,
        embeds: [embed.toJSON()],
        components: [buttons.toJSON()],
        nonce: `${job.number}k`,
        enforce_nonce: true,
        allowed_mentions: { parse: [] },
      },
    });
    await job.interaction.editReply({
      content: `Your ticket is open in <#${thread.id}>: support answers there, and you can reply there.`,
    });
    const claim = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(`ticket:claim:${job.number}`).setLabel('Claim').setStyle(ButtonStyle.Primary),
    );
    await client.rest.post(Routes.channelMessages(STAFF_CHANNEL_ID), {
      body: {
        content: `New ticket #${job.number} "${job.title}" is waiting in the queue.`,
        components: [claim.toJSON()],
        nonce: `${job.number}q`,
        enforce_nonce: true,
        allowed_mentions: { parse: [] },
      },
    });
  };
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void (async () => {
      if (interaction.isChatInputCommand()) await interaction.showModal(ticketForm('ticket-form', textsFor('en')));
      else if (interaction.isModalSubmit()) {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const job = {
          number: ++number,
          userId: interaction.user.id,
          title: interaction.fields.getTextInputValue('title'),
          interaction,
        };
        await interaction.editReply({
          content: `Your ticket #${job.number} "${job.title}" is open. A private thread for it appears in the support channel in a moment.`,
        });
        void limited(() => threadAndCard(job)).catch((error) =>
          log?.(`discord floor: thread/card failed: ${(error as Error).stack}`),
        );
      }
    })().catch((error) => log?.(`discord floor: answer failed: ${(error as Error).message}`));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  return {
    name: 'floor',
    p,
    // The last tickets' reply edits and queue posts may still be on their way.
    settled: () => waitUntil(() => inFlight === 0 && waiting.length === 0, 'the floor bot to finish'),
    async stop() {
      await client.destroy();
      await fake.stop();
    },
  };
}

/** The real adapter, helpdesk and dispatcher (system clock, started, woken on writes) on PGlite. */
async function appSide(db: BenchDatabase): Promise<Side & { dispatcher: Dispatcher }> {
  const fake = await new FakeDiscord().start();
  const p = probe(fake);
  const logger = createLogger('silent');
  let dispatcher: Dispatcher | undefined;
  const helpdesk = createHelpdesk({
    dataSource: db.dataSource,
    clock: systemClock,
    policy: BENCH_POLICY,
    onDeliveriesWritten: () => dispatcher?.wake(),
  });
  dispatcher = new Dispatcher({
    dataSource: db.dataSource,
    clock: systemClock,
    senders: [],
    instanceId: 'bench-discord',
    logger,
    concurrency: DISPATCH_CONCURRENCY,
  });
  const adapter = await startDiscordAdapter({ settings: settingsFor(fake), helpdesk, logger, dispatcher });
  await adapter.caughtUp();
  dispatcher.addSender(adapter.sender);
  dispatcher.start();
  const unsent = async () =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE status IN ('pending', 'sending')`))[0]
      .n as number;
  return {
    name: 'ours',
    p,
    dispatcher,
    // Everything queued is sent (reply edits and queue posts come after the cards).
    async settled() {
      const until = now() + TIMEOUT_MS;
      while ((await unsent()) > 0) {
        if (now() > until) throw new Error('discord bench: timed out waiting for the queue to empty');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await dispatcher.stop();
      await adapter.stop();
      await fake.stop();
    },
  };
}

/**
 * Both bots are up at once, each on its own fake, and take turns: after the same warm-up, the
 * /ticket bursts alternate (floor, ours, ours, floor, floor, ours), and so do the submission
 * bursts, each run until its threads, cards and the rest are done (floor, ours, ours, floor), so
 * that a change in the machine's load (other work on a shared machine) falls on both and neither
 * always goes first. Latencies pool every round's answers; threads and cards are each side's mean.
 */
export async function benchDiscord(opts: DiscordBenchOptions = {}): Promise<Record<string, number>> {
  const count = opts.customers ?? 200;
  const log = opts.log;
  return withBenchDatabase('pglite', { poolSize: 10 }, async (db) => {
    const floor = await floorSide(log);
    const ours = await appSide(db);
    try {
      for (const side of [floor, ours]) {
        const warm = customers(side.p.fake, WARM_UP, 'warm');
        await commandBurst(side, warm);
        await submitBurst(side, warm);
        await pause();
      }
      const people = new Map([floor, ours].map((side) => [side, customers(side.p.fake, count, 'customer')]));
      const command = new Map<Side, number[]>([
        [floor, []],
        [ours, []],
      ]);
      for (let round = 0; round < COMMAND_ROUNDS; round++) {
        // Floor first, then ours first, and so on: neither always follows the other's burst.
        for (const side of round % 2 === 0 ? [floor, ours] : [ours, floor]) {
          command.get(side)!.push(...(await commandBurst(side, people.get(side)!, log)));
          await pause();
        }
      }
      type Submitted = Awaited<ReturnType<typeof submitBurst>>;
      const submitted = new Map<Side, Submitted[]>([
        [floor, []],
        [ours, []],
      ]);
      for (let round = 0; round < SUBMIT_ROUNDS; round++) {
        for (const side of round % 2 === 0 ? [floor, ours] : [ours, floor]) {
          const result = await submitBurst(side, people.get(side)!, log);
          submitted.get(side)!.push(result);
          log?.(`discord ${side.name}: REST calls per second: ${result.perSecond.join(' ')}`);
          await pause();
        }
      }
      log?.(`discord: dispatcher totals ${JSON.stringify(ours.dispatcher.totals)}`);
      for (const side of [floor, ours])
        log?.(
          `discord ${side.name}: REST calls after one submission burst: ${JSON.stringify(submitted.get(side)![0].restCalls)}`,
        );
      const [base, mine] = [floor, ours].map((side) => {
        const rounds = submitted.get(side)!;
        return {
          submit: rounds.flatMap((r) => r.submit),
          threadsCardsMs: rounds.reduce((sum, r) => sum + r.threadsCardsMs, 0) / rounds.length,
        };
      });
      const p = (values: number[], q: number) => round(percentile(values, q), 1);
      const [oursCommand, floorCommand] = [command.get(ours)!, command.get(floor)!];
      return {
        customers: count,
        command_rounds: COMMAND_ROUNDS,
        submit_rounds: SUBMIT_ROUNDS,
        command_p50_ms: p(oursCommand, 50),
        command_p99_ms: p(oursCommand, 99),
        floor_command_p50_ms: p(floorCommand, 50),
        floor_command_p99_ms: p(floorCommand, 99),
        command_p99_ratio: round(percentile(oursCommand, 99) / percentile(floorCommand, 99), 2),
        submit_p50_ms: p(mine.submit, 50),
        submit_p99_ms: p(mine.submit, 99),
        floor_submit_p50_ms: p(base.submit, 50),
        floor_submit_p99_ms: p(base.submit, 99),
        submit_p99_ratio: round(percentile(mine.submit, 99) / percentile(base.submit, 99), 2),
        threads_cards_ms: round(mine.threadsCardsMs, 0),
        floor_threads_cards_ms: round(base.threadsCardsMs, 0),
        threads_cards_ratio: round(mine.threadsCardsMs / base.threadsCardsMs, 2),
      };
    } finally {
      await ours.stop();
      await floor.stop();
    }
  });
}
