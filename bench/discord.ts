import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, EmbedBuilder, Events, GatewayIntentBits, MessageFlags, Partials, Routes, ChannelType, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import { defaultPolicy, loadSettings } from '../src/config';
import { systemClock } from '../src/core/clock';
import { createHelpdesk } from '../src/core/helpdesk';
import { Dispatcher } from '../src/delivery/dispatcher';
import { createLogger } from '../src/log';
import { startDiscordAdapter } from '../src/bots/discord';
import { ticketForm } from '../src/bots/discord/commands/ticket';
import { FakeDiscord, STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID, type FakeUser } from '../tests/fakes/discord/fake-discord';
import { slashCommand, submitTicketForm } from '../tests/fakes/discord/interactions';
import { percentile, round, withBenchDatabase } from './common';

/**
 * Issue 5's figures, through the fake Discord: `customers` people run `/ticket` at once (every
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
 * half-spent rate-limit window in the measured bursts.
 */
export interface DiscordBenchOptions {
  customers?: number;
  log?: (line: string) => void;
}

/** The dispatcher's default concurrency (sends in flight at once); the floor uses the same. */
const DISPATCH_CONCURRENCY = 8;
const TIMEOUT_MS = 120_000;
/** Customers in each side's warm-up burst (not measured). */
const WARM_UP = 20;

interface Probe {
  fake: FakeDiscord;
  /** Interaction id → when the fake wrote it to the gateway. */
  dispatched: Map<string, number>;
  /** Interaction id → when its first answer (the callback) reached the fake. */
  firstAnswer: Map<string, number>;
  /** When each card (a bot message with an embed in a thread of the support channel) was posted. */
  cards: number[];
}

const now = () => performance.now();

/** Puts timestamps on what the fake sees, without changing what it does. */
function probe(fake: FakeDiscord): Probe {
  const p: Probe = { fake, dispatched: new Map(), firstAnswer: new Map(), cards: [] };
  const dispatch = fake.dispatch.bind(fake);
  fake.dispatch = (t: string, d: any) => {
    if (t === 'INTERACTION_CREATE') p.dispatched.set(d.id, now());
    if (t === 'MESSAGE_CREATE' && d.author?.bot && (d.embeds?.length ?? 0) > 0 && fake.channels.get(d.channel_id)?.parent_id === SUPPORT_CHANNEL_ID) p.cards.push(now());
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

const form = (i: number) => ({ title: `Printer ${i} is jammed`, description: `The printer on floor ${i % 7} jams on every second page since this morning.`, type: 'incident' });

function settingsFor(fake: FakeDiscord) {
  return loadSettings({
    ...fake.settingsEnv,
    LOG_LEVEL: 'silent',
  });
}

interface PhaseResult {
  command: number[];
  submit: number[];
  threadsCardsMs: number;
  /** REST calls per route (ids and tokens elided) from the measured bursts until everything was sent. */
  restCalls?: Record<string, number>;
}

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

/** The same two bursts against a bot on `p.fake`, resolving once all their threads and cards exist. */
async function bursts(p: Probe, count: number, log?: (line: string) => void, label = '', prefix = 'customer'): Promise<PhaseResult> {
  const people = customers(p.fake, count, prefix);
  log?.(`discord${label}: ${count} × /ticket at once…`);
  const command = await burst(p, count, (i) => slashCommand(p.fake, people[i], 'ticket', SUPPORT_CHANNEL_ID), '/ticket');
  log?.(`discord${label}: ${count} form submissions at once…`);
  const cardsBefore = p.cards.length;
  const start = now();
  const submit = await burst(p, count, (i) => submitTicketForm(p.fake, people[i], SUPPORT_CHANNEL_ID, 'ticket-form', form(i)), 'submissions');
  await waitUntil(() => p.cards.length - cardsBefore >= count, `${count} threads and cards`);
  const threadsCardsMs = p.cards[cardsBefore + count - 1] - start;
  return { command, submit, threadsCardsMs };
}

/** The floor: a bare discord.js bot that only answers, and makes the thread/card REST calls at the dispatcher's concurrency. */
async function floor(count: number, log?: (line: string) => void): Promise<PhaseResult> {
  const fake = await new FakeDiscord().start();
  const p = probe(fake);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
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
  const threadAndCard = async (job: { number: number; userId: string; title: string; interaction: ModalSubmitInteraction }) => {
    const thread = (await client.rest.post(Routes.threads(SUPPORT_CHANNEL_ID), {
      body: { name: `#${job.number} ${job.title}`.slice(0, 100), type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: 10080 },
    })) as { id: string };
    await client.rest.put(Routes.threadMembers(thread.id, job.userId));
    const embed = new EmbedBuilder().setTitle(`#${job.number} ${job.title}`).addFields(
      { name: 'Type', value: 'incident', inline: true }, { name: 'Status', value: 'open', inline: true }, { name: 'Priority', value: 'P3 normal', inline: true },
      { name: 'Assignee', value: 'nobody yet', inline: true }, { name: 'Tier', value: '1', inline: true },
    );
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      ['claim', 'pending', 'resolve', 'escalate', 'reassign'].map((action) => new ButtonBuilder().setCustomId(`ticket:${action}:${job.number}`).setLabel(action).setStyle(ButtonStyle.Secondary)),
    );
    await client.rest.post(Routes.channelMessages(thread.id), {
      body: {
        content: `Your ticket #${job.number} "${job.title}" is open. Support will answer here; reply here to add anything.`,
        embeds: [embed.toJSON()], components: [buttons.toJSON()], nonce: `${job.number}k`, enforce_nonce: true, allowed_mentions: { parse: [] },
      },
    });
    await job.interaction.editReply({ content: `Your ticket is open in <#${thread.id}>: support answers there, and you can reply there.` });
    const claim = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(`ticket:claim:${job.number}`).setLabel('Claim').setStyle(ButtonStyle.Primary));
    await client.rest.post(Routes.channelMessages(STAFF_CHANNEL_ID), {
      body: { content: `New ticket #${job.number} "${job.title}" is waiting in the queue.`, components: [claim.toJSON()], nonce: `${job.number}q`, enforce_nonce: true, allowed_mentions: { parse: [] } },
    });
  };
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void (async () => {
      if (interaction.isChatInputCommand()) await interaction.showModal(ticketForm('ticket-form'));
      else if (interaction.isModalSubmit()) {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const job = { number: ++number, userId: interaction.user.id, title: interaction.fields.getTextInputValue('title'), interaction };
        await interaction.editReply({ content: `Your ticket #${job.number} "${job.title}" is open. A private thread for it appears in the support channel in a moment.` });
        void limited(() => threadAndCard(job)).catch((error) => log?.(`discord floor: thread/card failed: ${(error as Error).stack}`));
      }
    })().catch((error) => log?.(`discord floor: answer failed: ${(error as Error).message}`));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  const settled = async () => {
    // The last tickets' reply edits and queue posts may still be on their way: let them finish.
    await waitUntil(() => inFlight === 0 && waiting.length === 0, 'the floor bot to finish');
  };
  try {
    await bursts(p, WARM_UP, log, ' floor warm-up', 'warm');
    await settled();
    await pause();
    const requestsBefore = fake.requests.length;
    const result = await bursts(p, count, log, ' floor');
    await settled();
    return { ...result, restCalls: restCallsSince(fake, requestsBefore) };
  } finally {
    await client.destroy();
    await fake.stop();
  }
}

/** The real adapter, helpdesk and dispatcher (system clock, started, woken on writes) on PGlite. */
async function app(count: number, log?: (line: string) => void): Promise<PhaseResult> {
  return withBenchDatabase('pglite', { poolSize: 10 }, async (db) => {
    const fake = await new FakeDiscord().start();
    const p = probe(fake);
    const logger = createLogger('silent');
    let dispatcher: Dispatcher | undefined;
    const helpdesk = createHelpdesk({ dataSource: db.dataSource, clock: systemClock, policy: defaultPolicy, onDeliveriesWritten: () => dispatcher?.wake() });
    dispatcher = new Dispatcher({ dataSource: db.dataSource, clock: systemClock, senders: [], instanceId: 'bench-discord', logger, concurrency: DISPATCH_CONCURRENCY });
    const adapter = await startDiscordAdapter({ settings: settingsFor(fake), helpdesk, logger, dispatcher });
    await adapter.caughtUp();
    dispatcher.addSender(adapter.sender);
    dispatcher.start();
    // Everything queued sent (reply edits and queue posts come after the cards), like the floor's settled().
    const settled = () => waitUntil(() => unsent === 0, 'the queue to empty');
    let unsent = 1;
    const counting = setInterval(() => {
      void db.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE status IN ('pending', 'sending')`).then(([row]) => (unsent = row.n));
    }, 100);
    try {
      await bursts(p, WARM_UP, log, ' warm-up', 'warm');
      unsent = 1;
      await settled();
      await pause();
      const requestsBefore = fake.requests.length;
      const result = await bursts(p, count, log);
      unsent = 1;
      await settled();
      log?.(`discord: dispatcher totals ${JSON.stringify(dispatcher.totals)}`);
      return { ...result, restCalls: restCallsSince(fake, requestsBefore) };
    } finally {
      clearInterval(counting);
      await dispatcher.stop();
      await adapter.stop();
      await fake.stop();
    }
  });
}

export async function benchDiscord(opts: DiscordBenchOptions = {}): Promise<Record<string, number>> {
  const count = opts.customers ?? 200;
  const base = await floor(count, opts.log);
  const ours = await app(count, opts.log);
  opts.log?.(`discord floor: REST calls of the measured bursts: ${JSON.stringify(base.restCalls)}`);
  opts.log?.(`discord: REST calls of the measured bursts: ${JSON.stringify(ours.restCalls)}`);
  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  return {
    customers: count,
    command_p50_ms: p(ours.command, 50),
    command_p99_ms: p(ours.command, 99),
    floor_command_p50_ms: p(base.command, 50),
    floor_command_p99_ms: p(base.command, 99),
    command_p99_ratio: round(percentile(ours.command, 99) / percentile(base.command, 99), 2),
    submit_p50_ms: p(ours.submit, 50),
    submit_p99_ms: p(ours.submit, 99),
    floor_submit_p50_ms: p(base.submit, 50),
    floor_submit_p99_ms: p(base.submit, 99),
    submit_p99_ratio: round(percentile(ours.submit, 99) / percentile(base.submit, 99), 2),
    threads_cards_ms: round(ours.threadsCardsMs, 0),
    floor_threads_cards_ms: round(base.threadsCardsMs, 0),
    threads_cards_ratio: round(ours.threadsCardsMs / base.threadsCardsMs, 2),
  };
}
