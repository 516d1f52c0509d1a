import { STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID, type FakeDiscord } from '../simulator/discord/fake-discord';
import type { FakeSlackWebApi } from '../simulator/slack/web-api';
import type { Style, Terminal } from './terminal';

/** Someone the demo plays, as the narrator names them. */
export interface Character {
  name: string;
  staff: boolean;
}

/** What a ticket card shows, by field name (both platforms draw the core's card fields). */
type CardFields = Map<string, string>;

const PLACE_WIDTH = 28;
/** Card fields whose changes are told; SLA and customer lines change too often or never. */
const TOLD_FIELDS = ['Status', 'Tier', 'Assignee', 'Priority', 'Type', 'Rating'];

/**
 * Tells what the simulated platforms received from the helpdesk, as it arrives: every message,
 * card, thread and edit is read from the fakes' own records (Discord's REST requests, Slack's Web
 * API calls), never from what the script expects. People's own words are told by the cast as they
 * act (`said`, `did`).
 */
export class Narrator {
  private discordSeen = 0;
  private slackSeen = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly cards = new Map<string, CardFields>();
  private readonly discordPeople = new Map<string, Character>();
  private readonly slackPeople = new Map<string, Character>();
  /** Threads told as archived (Discord archives again after each edit of a resolved ticket's card). */
  private readonly archived = new Set<string>();
  /** The status each customer's DM message of a ticket shows on Slack (`channel:#N`). */
  private readonly dmStatus = new Map<string, string>();

  constructor(
    private readonly term: Terminal,
    private readonly discord: FakeDiscord,
    private readonly slack: FakeSlackWebApi,
    private readonly slackSupportChannel: string,
  ) {}

  knowDiscord(userId: string, who: Character): void {
    this.discordPeople.set(userId, who);
  }

  knowSlack(userId: string, who: Character): void {
    this.slackPeople.set(userId, who);
  }

  start(): void {
    this.timer = setInterval(() => this.flush(), 20);
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }

  /** Everything the platforms received so far, told in order (Discord's, then Slack's). */
  flush(): void {
    const requests = this.discord.requests;
    while (this.discordSeen < requests.length) this.tellDiscord(requests[this.discordSeen++]);
    const calls = this.slack.calls;
    while (this.slackSeen < calls.length) this.tellSlack(calls[this.slackSeen++]);
  }

  /** How much traffic the platforms have seen: the script waits for it to stop changing. */
  get traffic(): number {
    return this.discord.requests.length + this.slack.calls.length;
  }

  // ---- people ----------------------------------------------------------------------------------

  said(place: string, who: Character, text: string): void {
    this.flush();
    this.print(place, this.term.paint(who.name, who.staff ? 'green' : 'yellow', 'bold'), text);
  }

  did(place: string, who: Character, action: string): void {
    this.flush();
    this.print(place, this.term.paint(who.name, who.staff ? 'green' : 'yellow'), action, 'italic');
  }

  /** A private answer only `who` sees (an interaction's reply, an ephemeral message). */
  privately(place: string, who: Character, text: string): void {
    this.print(place, this.term.paint(`helpdesk → ${who.name} only`, 'cyan'), text, 'dim');
  }

  note(text: string): void {
    this.flush();
    this.term.line(this.term.paint(`  ${text}`, 'blue'));
  }

  discordPlace(channelId: string): string {
    if (channelId === SUPPORT_CHANNEL_ID) return 'Discord #support';
    if (channelId === STAFF_CHANNEL_ID) return 'Discord #staff';
    const channel = this.discord.channels.get(channelId);
    if (channel?.type === 1) return `Discord DM ${this.discordName(channel.recipients?.[0]?.id)}`;
    const number = /^#(\d+)/.exec(channel?.name ?? '')?.[1];
    if (channel?.parent_id === STAFF_CHANNEL_ID) return `Discord #staff › #${number ?? '?'} notes`;
    if (channel?.parent_id) return `Discord thread #${number ?? '?'}`;
    return `Discord #${channel?.name ?? channelId}`;
  }

  slackPlace(channel: string, threadTs?: string): string {
    const thread = threadTs ? this.slackThreadNumber(channel, threadTs) : undefined;
    const within = thread ? ` › #${thread}` : threadTs ? ' › thread' : '';
    if (channel === this.slackSupportChannel) return `Slack #support${within}`;
    if (channel.startsWith('D')) return `Slack DM ${this.slackName(channel.slice(1))}${within}`;
    if (channel === 'CGENERAL') return `Slack #general${within}`;
    return `Slack #${channel}${within}`;
  }

  // ---- the platforms' records ------------------------------------------------------------------

  private tellDiscord(request: { method: string; path: string; body: any }): void {
    const { method, path, body } = request;
    let m: RegExpMatchArray | null;
    const helpdesk = (place: string, text: string, style: Style = 'cyan') =>
      this.print(place, this.term.paint('helpdesk', 'cyan', 'bold'), text, style);
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/threads$/))) {
      helpdesk(this.discordPlace(m[1]), `▸ opened the private thread "${body?.name}"`, 'magenta');
    } else if (method === 'PUT' && (m = path.match(/^\/channels\/(\d+)\/thread-members\/(\d+)$/))) {
      helpdesk(this.discordPlace(m[1]), `▸ added ${this.discordName(m[2])} to the thread`, 'magenta');
    } else if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const place = this.discordPlace(m[1]);
      if (body?.content) helpdesk(place, this.discordText(body.content) + buttonsOf(body.components));
      const embed = body?.embeds?.[0];
      if (embed?.fields?.length) this.tellCard(place, `discord:${m[1]}`, embed.title ?? '', fieldsOf(embed.fields));
      else if (embed?.description) helpdesk(place, this.discordText(`${embed.title ?? ''}\n${embed.description}`));
    } else if (method === 'PATCH' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const place = this.discordPlace(m[1]);
      const embed = body?.embeds?.[0];
      if (embed?.fields?.length) this.tellCard(place, `discord:${m[1]}`, embed.title ?? '', fieldsOf(embed.fields));
      else if (body?.content) helpdesk(place, `(edited its message) ${this.discordText(body.content)}`, 'dim');
    } else if (method === 'PATCH' && (m = path.match(/^\/channels\/(\d+)$/))) {
      if (body?.archived === true && !this.archived.has(m[1])) {
        this.archived.add(m[1]);
        helpdesk(this.discordPlace(m[1]), '▸ archived the thread', 'magenta');
      }
    } else if (method === 'DELETE' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      helpdesk(this.discordPlace(m[1]), '▸ removed a message', 'magenta');
    }
  }

  private tellSlack(call: { method: string; args: Record<string, any> }): void {
    const { method, args } = call;
    const helpdesk = (place: string, text: string, style: Style = 'cyan') =>
      this.print(place, this.term.paint('helpdesk', 'cyan', 'bold'), text, style);
    if (method === 'chat.postMessage' || method === 'chat.update') {
      // An edit names no thread: the message edited knows whether it is a reply in one.
      const edited = method === 'chat.update' ? this.slackMessage(String(args.channel), args.ts) : undefined;
      const threadTs = args.thread_ts ?? (edited?.thread_ts !== edited?.ts ? edited?.thread_ts : undefined);
      const place = this.slackPlace(String(args.channel), threadTs);
      const card = slackCardFields(args.blocks);
      if (card) {
        this.tellCard(place, `slack:${args.channel}`, String(args.text ?? '').split('\n')[0], card);
        return;
      }
      if (String(args.channel).startsWith('D') && !threadTs) {
        this.tellCustomerMessage(place, args);
        return;
      }
      const text = this.slackText(String(args.text ?? '')) + slackButtonsOf(args.blocks);
      if (method === 'chat.update') helpdesk(place, `(edited its message) ${text}`, 'dim');
      else helpdesk(place, text);
    } else if (method === 'chat.postEphemeral') {
      const who = this.slackPeople.get(String(args.user)) ?? { name: String(args.user), staff: false };
      this.privately(this.slackPlace(String(args.channel), args.thread_ts), who, this.slackText(String(args.text)));
    } else if (method === 'chat.delete') {
      helpdesk(this.slackPlace(String(args.channel)), '▸ removed a message', 'magenta');
    }
  }

  /**
   * The message heading a ticket's thread in a customer's DM shows its status and the customer's
   * buttons; it is redrawn with the card, and told only when what the customer sees changed.
   */
  private tellCustomerMessage(place: string, args: Record<string, any>): void {
    const number = /#(\d+)/.exec(String(args.text ?? ''))?.[1];
    const status = /Status: ([^.]+)\./.exec(JSON.stringify(args.blocks ?? ''))?.[1] ?? '';
    const helpdeskSays = this.term.paint('helpdesk', 'cyan', 'bold');
    // A DM that is no ticket's heading (a staff member's "assigned to you") has no status to follow.
    if (!status)
      return this.print(
        place,
        helpdeskSays,
        `${this.slackText(String(args.text ?? ''))}${slackButtonsOf(args.blocks)}`,
        'cyan',
      );
    const key = `${args.channel}:#${number}`;
    const before = this.dmStatus.get(key);
    this.dmStatus.set(key, status);
    const helpdesk = this.term.paint('helpdesk', 'cyan', 'bold');
    const buttons = slackButtonsOf(args.blocks);
    if (before === undefined)
      this.print(place, helpdesk, `${this.slackText(String(args.text ?? ''))} (status ${status})${buttons}`, 'cyan');
    else if (before !== status)
      this.print(
        place,
        helpdesk,
        `▸ #${number} as the customer sees it: status ${before} → ${status}${buttons}`,
        'magenta',
      );
  }

  /** A card drawn for the first time is told whole; a redrawn one, by what changed. */
  private tellCard(place: string, key: string, heading: string, fields: CardFields): void {
    const cardKey = `${key}:${/#(\d+)/.exec(heading)?.[1] ?? heading}`;
    const before = this.cards.get(cardKey);
    this.cards.set(cardKey, fields);
    const helpdesk = this.term.paint('helpdesk', 'cyan', 'bold');
    if (!before) {
      const facts = TOLD_FIELDS.filter((f) => fields.has(f)).map((f) => `${f}: ${fields.get(f)}`);
      this.print(place, helpdesk, `▸ card ${heading} · ${facts.join(' · ')}`, 'magenta');
      return;
    }
    if (key.startsWith('discord:') && fields.get('Status') && !fields.get('Status')!.startsWith('resolved'))
      this.archived.delete(key.slice('discord:'.length));
    const changes = TOLD_FIELDS.filter((f) => fields.get(f) !== before.get(f) && fields.has(f)).map((f) =>
      describeChange(f, before.get(f), fields.get(f)!),
    );
    if (changes.length > 0)
      this.print(place, helpdesk, `▸ card #${/#(\d+)/.exec(heading)?.[1] ?? ''}: ${changes.join('; ')}`, 'magenta');
  }

  /** One told line (continuation lines indented under it), each painted on its own so colours survive a wrap. */
  private print(place: string, who: string, text: string, ...styles: Style[]): void {
    const lines = text.split('\n').filter((l, i) => i === 0 || l.trim() !== '');
    const head = this.term.paint(place.padEnd(PLACE_WIDTH), 'dim');
    this.term.line(`  ${head} ${who}: ${this.term.paint(lines[0], ...styles)}`);
    const indent = ' '.repeat(PLACE_WIDTH + 4);
    for (const rest of lines.slice(1)) this.term.line(`${indent}${this.term.paint(rest, ...styles)}`);
  }

  private discordName(userId: string | undefined): string {
    if (!userId) return 'someone';
    if (userId === this.discord.bot.id) return 'helpdesk';
    return this.discordPeople.get(userId)?.name ?? this.discord.users.get(userId)?.global_name ?? userId;
  }

  private slackName(userId: string): string {
    return this.slackPeople.get(userId)?.name ?? userId;
  }

  private discordText(text: string): string {
    return text
      .replace(/<@!?(\d+)>/g, (_, id: string) => `@${this.discordName(id)}`)
      .replace(/<#(\d+)>/g, (_, id: string) => this.discordPlace(id));
  }

  private slackText(text: string): string {
    return text.replace(/<@(U[A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => `@${this.slackName(id)}`);
  }

  private slackMessage(channel: string, ts: string | undefined) {
    return ts ? this.slack.messages.find((m) => m.channel === channel && m.ts === ts) : undefined;
  }

  /** The ticket number a Slack thread belongs to: its root message (a card or a DM's first message) names it. */
  private slackThreadNumber(channel: string, ts: string | undefined): string | undefined {
    if (!ts) return undefined;
    return /#(\d+)/.exec(this.slackMessage(channel, ts)?.text ?? '')?.[1];
  }
}

function fieldsOf(fields: Array<{ name: string; value: string }>): CardFields {
  return new Map(fields.map((f) => [f.name, f.value]));
}

function slackCardFields(blocks: unknown): CardFields | null {
  if (!Array.isArray(blocks)) return null;
  const section = blocks.find((b) => b?.type === 'section' && Array.isArray(b.fields));
  if (!section) return null;
  const fields: CardFields = new Map();
  for (const f of section.fields as Array<{ text: string }>) {
    const m = /^\*(.+?)\*\n([\s\S]*)$/.exec(f.text);
    if (m) fields.set(m[1], m[2]);
  }
  return fields.size > 0 ? fields : null;
}

function buttonsOf(components: unknown): string {
  const labels = (Array.isArray(components) ? components : [])
    .flatMap((row: any) => row?.components ?? [])
    .map((c: any) => c.label)
    .filter(Boolean);
  return labels.length > 0 ? `\n[buttons: ${labels.join(' · ')}]` : '';
}

function slackButtonsOf(blocks: unknown): string {
  const labels = (Array.isArray(blocks) ? blocks : [])
    .flatMap((b: any) => [...(b?.elements ?? []), ...(b?.accessory ? [b.accessory] : [])])
    .filter((e: any) => e?.type === 'button')
    .map((e: any) => e.text?.text)
    .filter(Boolean);
  return labels.length > 0 ? `\n[buttons: ${labels.join(' · ')}]` : '';
}

function describeChange(field: string, from: string | undefined, to: string): string {
  if (field === 'Assignee') return `assigned to ${to}`;
  if (from === undefined) return `${field.toLowerCase()} ${to}`;
  if (field === 'Tier') return Number(to) > Number(from) ? `escalated to tier ${to}` : `tier ${from} → ${to}`;
  return `${field.toLowerCase()} ${from} → ${to}`;
}
