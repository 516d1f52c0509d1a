import type { App } from '../app';
import { SUPPORT_CHANNEL_ID, type FakeDiscord, type FakeUser } from '../simulator/discord/fake-discord';
import {
  chooseInSelect,
  ephemeralMessage,
  pressButton,
  slashCommand,
  submitModal,
  submitTicketForm,
  type Option,
} from '../simulator/discord/interactions';
import {
  buttonIn,
  buttonPress,
  threadMessage,
  ticketFormValues,
  viewSubmission,
} from '../simulator/slack/interactions';
import type { SlackRequestSigner } from '../simulator/slack/signer';
import type { FakeSlackWebApi, StoredMessage } from '../simulator/slack/web-api';
import type { Character, Narrator } from './narrator';
import type { ShiftedClock } from './shifted-clock';

export interface DiscordCharacter extends Character {
  platform: 'discord';
  user: FakeUser;
}

export interface SlackCharacter extends Character {
  platform: 'slack';
  id: string;
}

export const SLACK_SUPPORT_CHANNEL = 'CSUPPORT';

/** How long to wait for something the helpdesk does in answer to a person (it normally takes milliseconds). */
const WAIT_MS = 15_000;

export class DemoError extends Error {}

export class DemoStopped extends Error {
  constructor() {
    super('stopped by Ctrl-C');
  }
}

/**
 * Where the demo plays: the simulated Discord and Slack, the running app, and what each simulated
 * person can do there. Every action is protocol traffic to the real adapters (a Discord gateway
 * event or interaction; a signed Slack request); answers are read back from what the fakes received.
 */
export class Stage {
  app!: App;
  signer!: SlackRequestSigner;

  constructor(
    readonly discord: FakeDiscord,
    readonly slack: FakeSlackWebApi,
    readonly narrator: Narrator,
    readonly clock: ShiftedClock,
    readonly fast: boolean,
    private readonly signal?: AbortSignal,
  ) {}

  /** Between steps: a Ctrl-C while playing ends the play (the caller then stops everything). */
  private checkStopped(): void {
    if (this.signal?.aborted) throw new DemoStopped();
  }

  discordPerson(name: string, staff = false): DiscordCharacter {
    const user = this.discord.user(name.toLowerCase());
    user.global_name = name;
    const who: DiscordCharacter = { platform: 'discord', name, staff, user };
    this.narrator.knowDiscord(user.id, who);
    return who;
  }

  slackPerson(name: string, staff = false): SlackCharacter {
    const who: SlackCharacter = { platform: 'slack', name, staff, id: `U${name.toUpperCase()}` };
    this.narrator.knowSlack(who.id, who);
    return who;
  }

  /** A pause a person can read by; none with --fast. */
  async pause(ms = 1200): Promise<void> {
    this.narrator.flush();
    this.checkStopped();
    if (!this.fast) await sleep(ms);
    this.checkStopped();
  }

  /** Waits until `check` gives a value (the helpdesk has done something), failing the demo plainly if it never does. */
  async until<T>(
    what: string,
    check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs = WAIT_MS,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      this.checkStopped();
      if (Date.now() > deadline)
        throw new DemoError(`the helpdesk did not do this within ${timeoutMs / 1000} s: ${what}`);
      await sleep(20);
    }
  }

  /** Until the delivery queue is empty and the platforms have seen no new traffic for a moment. */
  async settle(quietMs = this.fast ? 120 : 250): Promise<void> {
    let traffic = -1;
    let quietSince = Date.now();
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      if (this.narrator.traffic !== traffic) {
        traffic = this.narrator.traffic;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs && (await this.queuedDeliveries()) === 0) {
        break;
      }
      this.checkStopped();
      await sleep(25);
    }
    this.narrator.flush();
  }

  /** Until the helpdesk has stored a comment containing `fragment` (what a person just wrote reached it). */
  async commentStored(fragment: string): Promise<void> {
    await this.until(`the message "${fragment}…" stored`, async () => {
      const rows: unknown[] = await this.app.database.dataSource.query(
        `SELECT 1 FROM comment WHERE strpos(body, $1) > 0 LIMIT 1`,
        [fragment],
      );
      return rows.length > 0;
    });
  }

  /**
   * Moves the helpdesk's clock forward and runs the scheduled jobs at once (instead of waiting up to
   * five minutes for their timers); what they did is told from the platforms as it goes out.
   */
  async moveClock(ms: number, shown: string): Promise<void> {
    this.clock.advance(ms);
    this.narrator.note(
      `⏩ The helpdesk's clock moves ${shown} ahead (${this.clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC): ` +
        'the app runs on an injected clock, so no real time passes. The scheduled jobs run now.',
    );
    const results = await this.app.jobs.runDueJobs(this.clock.now());
    this.narrator.note(
      `   jobs: ${results.map((r) => `${r.job} ${r.status}, ${r.rowsAffected} ticket(s)`).join(' · ')}`,
    );
    await this.settle();
  }

  /** Messages due in the delivery queue; when the queue cannot be read, the quiet period alone decides. */
  private async queuedDeliveries(): Promise<number> {
    try {
      const [row] = await this.app.database.dataSource.query(
        `SELECT count(*)::int AS n FROM delivery WHERE status IN ('pending', 'sending') AND not_before <= $1`,
        [this.clock.now()],
      );
      return row.n;
    } catch {
      return 0;
    }
  }

  // ---- Discord -----------------------------------------------------------------------------------

  /** A slash command; its private answers are told. Returns them (after any deferral). */
  async discordCommand(who: DiscordCharacter, typed: string, options: Option[] = [], channelId = SUPPORT_CHANNEL_ID) {
    this.narrator.did(this.narrator.discordPlace(channelId), who, `types ${typed}`);
    const name = typed.slice(1).split(' ')[0];
    const id = await slashCommand(this.discord, who.user, name, channelId, options, who.staff);
    return this.discordAnswers(who, id, channelId);
  }

  /**
   * A button pressed on a message the person sees, found by its label (or its custom id's pattern)
   * on that message. A private message (`ephemeral`) is pressed as Discord sends it: flags 64.
   */
  async discordPress(who: DiscordCharacter, message: any, button: string | RegExp, ephemeral = false) {
    const found = (message.components ?? [])
      .flatMap((row: any) => row.components ?? [])
      .find((c: any) => (typeof button === 'string' ? c.label === button : button.test(String(c.custom_id))));
    if (!found) throw new DemoError(`no "${String(button)}" button on the message ${who.name} looks at`);
    this.narrator.did(this.narrator.discordPlace(message.channel_id), who, `presses "${found.label}"`);
    const pressed = ephemeral ? ephemeralMessage(this.discord, message.channel_id, message) : message;
    const id = await pressButton(this.discord, who.user, pressed, found.custom_id, who.staff);
    return this.discordAnswers(who, id, message.channel_id);
  }

  async discordChoose(who: DiscordCharacter, channelId: string, customId: string, value: string, label: string) {
    this.narrator.did(this.narrator.discordPlace(channelId), who, `picks "${label}"`);
    const id = await chooseInSelect(this.discord, who.user, channelId, customId, [value], 3, who.staff);
    return this.discordAnswers(who, id, channelId);
  }

  async discordForm(
    who: DiscordCharacter,
    channelId: string,
    customId: string,
    fields: Record<string, string | string[]>,
    shown: string,
  ) {
    this.narrator.did(this.narrator.discordPlace(channelId), who, `fills in and sends the form: ${shown}`);
    const id = await submitModal(this.discord, who.user, channelId, customId, fields, who.staff);
    return this.discordAnswers(who, id, channelId);
  }

  discordSay(who: DiscordCharacter, channelId: string, text: string): void {
    this.narrator.said(this.narrator.discordPlace(channelId), who, text);
    this.discord.say(who.user, channelId, text);
  }

  /** `/ticket` and its form: the number from the helpdesk's answer, the thread and card from what Discord received. */
  async discordTicket(
    who: DiscordCharacter,
    fields: { title: string; description: string; type: 'incident' | 'request'; impact?: string; urgency?: string },
  ): Promise<{ number: number; threadId: string }> {
    const [form] = await this.discordCommand(who, '/ticket');
    if (form?.body?.type !== 9) throw new DemoError(`/ticket did not open the ticket form for ${who.name}`);
    this.narrator.did(
      'Discord #support',
      who,
      `fills in the form: "${fields.title}" (${fields.type}) — ${fields.description}`,
    );
    const id = await submitTicketForm(this.discord, who.user, SUPPORT_CHANNEL_ID, form.body.data.custom_id, fields);
    const answers = await this.discordAnswers(who, id, SUPPORT_CHANNEL_ID);
    const number = Number(/#(\d+)/.exec(answers.map((a) => a.body?.content ?? '').join(' '))?.[1]);
    if (!number) throw new DemoError(`the ticket form of ${who.name} was not answered with a ticket number`);
    const thread = await this.until(`the private thread of #${number}`, () =>
      this.discord.threadsIn(SUPPORT_CHANNEL_ID).find((c) => String(c.name).startsWith(`#${number} `)),
    );
    await this.until(`the card of #${number}`, () => this.discordCard(thread.id));
    return { number, threadId: thread.id };
  }

  discordCard(threadId: string): any {
    return this.discord.messagesIn(threadId).find((m) => m.embeds?.length > 0 && m.author.id === this.discord.bot.id);
  }

  /** The answers an interaction got (after any deferral), each told as a private answer. */
  private async discordAnswers(who: DiscordCharacter, id: string, channelId: string) {
    const first = (await this.discord.answered(id, 1, WAIT_MS))[0];
    const deferred = first.via === 'callback' && (first.body?.type === 5 || first.body?.type === 6);
    const answers = deferred ? (await this.discord.answered(id, 2, WAIT_MS)).slice(1) : [first];
    const place = this.narrator.discordPlace(channelId);
    for (const answer of answers) {
      const body = answer.via === 'callback' ? (answer.body?.type === 9 ? null : answer.body?.data) : answer.body;
      if (answer.via === 'callback' && answer.body?.type === 9)
        this.narrator.privately(place, who, `shows the form "${answer.body.data.title}"`);
      else if (body?.content || body?.embeds?.length)
        this.narrator.privately(
          place,
          who,
          [body.content ?? '', ...(body.embeds ?? []).map((e: any) => e.description ?? '')].join('\n').trim() +
            buttonLabels(body.components),
        );
    }
    return answers;
  }

  // ---- Slack ---------------------------------------------------------------------------------------

  /** A slash command; its private answer (the body of Slack's 200) is told. */
  async slackCommand(who: SlackCharacter, command: string, text = '', channel = 'CGENERAL'): Promise<string> {
    // Shown as Slack shows it: a mention as @name.
    const shown = text.replace(/<@\w+\|([^>]+)>/g, '@$1');
    this.narrator.did(this.narrator.slackPlace(channel), who, `types ${command}${shown ? ` ${shown}` : ''}`);
    const res = await this.signer.command(command, { id: who.id, name: who.name }, text, channel);
    if (res.status !== 200) throw new DemoError(`Slack answered ${command} with HTTP ${res.status}`);
    const raw = await res.text();
    const answer = raw ? ((JSON.parse(raw) as { text?: string }).text ?? '') : '';
    if (answer) this.narrator.privately(this.narrator.slackPlace(channel), who, answer);
    return answer;
  }

  /** The form Slack opened for this person after `before` calls of views.open. */
  async slackFormAfter(before: number, what: string): Promise<any> {
    const call = await this.until(what, () => this.slack.callsOf('views.open')[before]);
    return call.args.view;
  }

  async slackSubmit(who: SlackCharacter, view: any, values: Record<string, unknown>, shown: string): Promise<string> {
    this.narrator.did('Slack (a form)', who, `fills in and sends the form: ${shown}`);
    const res = await this.signer.interaction(
      viewSubmission({ id: who.id, name: who.name }, view.callback_id, view.private_metadata, values),
    );
    if (res.status !== 200) throw new DemoError(`Slack answered a form of ${who.name} with HTTP ${res.status}`);
    const raw = await res.text();
    if (raw) this.narrator.privately('Slack (a form)', who, raw);
    return raw;
  }

  async slackPress(who: SlackCharacter, message: StoredMessage, actionId: string, label: string): Promise<void> {
    this.narrator.did(this.narrator.slackPlace(message.channel, message.thread_ts), who, `presses "${label}"`);
    const press = buttonPress(
      { id: who.id, name: who.name },
      buttonIn(message.blocks, actionId),
      message.channel,
      message,
    );
    const res = await this.signer.interaction(press);
    if (res.status !== 200) throw new DemoError(`Slack answered ${who.name}'s "${label}" with HTTP ${res.status}`);
  }

  /** A message in a thread (a card's in #support, or a ticket's in the person's DM with the app), sent as the Events API does. */
  async slackSay(who: SlackCharacter, channel: string, threadTs: string, text: string): Promise<void> {
    this.narrator.said(this.narrator.slackPlace(channel, threadTs), who, text);
    const stored = this.slack.addHumanMessage({ channel, thread_ts: threadTs, text, user: who.id });
    const res = await this.signer.event(threadMessage({ id: who.id }, channel, threadTs, text, stored.ts));
    if (res.status !== 200) throw new DemoError(`Slack's event for ${who.name}'s message got HTTP ${res.status}`);
  }

  /** `/ticket` and its form: the number, the card in #support and the DM thread, all read from what Slack received. */
  async slackTicket(
    who: SlackCharacter,
    fields: { title: string; description: string; type: 'incident' | 'request'; impact?: string; urgency?: string },
  ): Promise<{ number: number; card: StoredMessage; dm: StoredMessage }> {
    const before = this.slack.callsOf('views.open').length;
    await this.slackCommand(who, '/ticket');
    const form = await this.slackFormAfter(before, `the ticket form for ${who.name}`);
    this.narrator.privately('Slack (a form)', who, `shows the form "${form.title?.text ?? 'ticket'}"`);
    await this.slackSubmit(
      who,
      form,
      ticketFormValues(fields),
      `"${fields.title}" (${fields.type}) — ${fields.description}`,
    );
    const dmChannel = `D${who.id}`;
    const dm = await this.until(`the DM telling ${who.name} the ticket's number`, () =>
      this.slack.messages.find(
        (m) => m.channel === dmChannel && !m.thread_ts && /#\d+/.test(m.text ?? '') && m.text!.includes(fields.title),
      ),
    );
    const number = Number(/#(\d+)/.exec(dm.text ?? '')?.[1]);
    const card = await this.until(`the card of #${number} in #support`, () => this.slackCard(number));
    return { number, card, dm };
  }

  slackCard(number: number): StoredMessage | undefined {
    return this.slack.messages.find(
      (m) =>
        m.channel === SLACK_SUPPORT_CHANNEL &&
        !m.thread_ts &&
        new RegExp(`#${number}\\b`).test(m.text ?? '') &&
        JSON.stringify(m.blocks ?? []).includes('ticket_'),
    );
  }
}

function buttonLabels(components: unknown): string {
  const labels = (Array.isArray(components) ? components : [])
    .flatMap((row: any) => row?.components ?? [])
    .map((c: any) => c.label ?? c.placeholder)
    .filter(Boolean);
  return labels.length > 0 ? `\n[${labels.join(' · ')}]` : '';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
