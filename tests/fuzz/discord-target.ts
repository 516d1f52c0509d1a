import {
  ALL_PERMISSIONS,
  STAFF_CHANNEL_ID,
  SUPPORT_CHANNEL_ID,
  type FakeUser,
} from '../../src/simulator/discord/fake-discord';
import {
  ApplicationCommandOptionType as OptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  MessageType,
} from 'discord.js';
import { modalAnswers, place } from '../../src/simulator/discord/interactions';
import { snowflake } from '../../src/simulator/discord/snowflake';
import { DiscordWorld } from '../fakes/discord/harness';
import { ErrorLog, readFacts, type Answer, type FuzzTarget } from './findings';
import {
  discordCaseMayChange,
  DISCORD_TICKET_OWNERS,
  type DiscordCase,
  type DiscordWho,
  type Option,
  type Where,
} from './discord-cases';

const FOREIGN_GUILD_ID = '900000000000000009';
const UNKNOWN_CHANNEL_ID = '900000000000000010';
const FOREIGN_CHANNEL_ID = '900000000000000011';

/**
 * The real discord.js client against the fake Discord, with seeded tickets and their threads; one
 * for a whole run, cases sent one at a time and each waited on until the bot has settled.
 */
export class DiscordFuzzWorld implements FuzzTarget<DiscordCase> {
  readonly errors = new ErrorLog();
  private world!: DiscordWorld;
  private people!: Record<DiscordWho, FakeUser>;
  private readonly threads = new Map<number, { thread: string; staffThread: string | null }>();
  /** Messages people wrote in tickets' threads (stored as comments), for edits and deletions to point at. */
  private readonly written: Array<{ channelId: string; id: string; author: DiscordWho }> = [];

  get dataSource() {
    return this.world.db.dataSource;
  }

  async start(): Promise<this> {
    // One request at a time: the answers-first gate needs no quiet spell to wait for a burst.
    this.world = await new DiscordWorld({
      logger: this.errors.logger,
      answersFirst: { quietMs: 0, maxWaitMs: 0 },
    }).start();
    const { tina, boss } = await this.world.addStaff();
    const fake = this.world.fake;
    this.people = {
      boss,
      tina,
      cora: fake.user('cora'),
      pia: fake.user('pia'),
      ole: fake.user('ole'),
      robot: { ...fake.user('robot'), bot: true },
    };
    fake.users.set(this.people.robot.id, this.people.robot);
    for (const [number, who] of Object.entries(DISCORD_TICKET_OWNERS)) {
      const opened = await this.world.openTicket(this.people[who], `Seeded ticket ${number}`);
      if (opened.number !== Number(number)) throw new Error(`seeded ticket #${opened.number}, expected #${number}`);
      const row = await this.world.ticket(opened.number);
      this.threads.set(opened.number, {
        thread: opened.threadId,
        staffThread: (row.location.discordStaffThreadId as string | undefined) ?? null,
      });
    }
    for (const [number, who] of Object.entries(DISCORD_TICKET_OWNERS)) {
      const channelId = this.threads.get(Number(number))!.thread;
      const message = fake.say(this.people[who], channelId, 'More details');
      this.written.push({ channelId, id: message.id, author: who });
    }
    await this.settled();
    await this.world.helpdesk.tickets.resolve(this.world.ref(tina), { ticketNumber: 2 });
    await this.world.deliver();
    const seedingErrors = this.errors.take();
    if (seedingErrors.length > 0) throw new Error(`seeding the Discord world failed: ${seedingErrors.join('; ')}`);
    return this;
  }

  async close(): Promise<void> {
    await this.world?.stop();
  }

  async mayChange(c: DiscordCase): Promise<'any' | string[]> {
    const r = c.request;
    const pointed = r.kind === 'edit' ? this.written[r.pick % this.written.length] : null;
    const byId = new Map(Object.entries(this.people).map(([who, user]) => [user.id, who as DiscordWho]));
    const facts = await readFacts(this.dataSource, 'discord', (id) => byId.get(id));
    return discordCaseMayChange(c, facts, { author: pointed?.author ?? null });
  }

  async replay(): Promise<{ answers: Answer[]; strict: boolean }> {
    // Discord does not redeliver an interaction; a gateway event replayed is the same message id, covered by message cases.
    return { answers: [], strict: false };
  }

  async send(c: DiscordCase): Promise<Answer[]> {
    const fake = this.world.fake;
    const user = this.people[c.who];
    const r = c.request;
    const guild = (payload: Record<string, unknown>) =>
      c.foreignGuild ? { ...payload, guild_id: FOREIGN_GUILD_ID } : payload;
    if (r.kind === 'message' || r.kind === 'edit' || r.kind === 'delete') {
      // A message of another server is in one of its channels (Discord never pairs a server with another's channel).
      if (c.foreignGuild) {
        const payload = { id: snowflake(), channel_id: FOREIGN_CHANNEL_ID, guild_id: FOREIGN_GUILD_ID };
        if (r.kind === 'delete') fake.dispatch('MESSAGE_DELETE', payload);
        else
          fake.dispatch(r.kind === 'message' ? 'MESSAGE_CREATE' : 'MESSAGE_UPDATE', {
            ...payload,
            author: user,
            content: r.text,
            type: MessageType.Default,
            timestamp: new Date().toISOString(),
            edited_timestamp: r.kind === 'edit' ? new Date().toISOString() : null,
            tts: false,
            mention_everyone: false,
            mentions: [],
            mention_roles: [],
            attachments: [],
            embeds: [],
            components: [],
            pinned: false,
            flags: 0,
            member: fake.member(user),
          });
        await this.settled();
        return [];
      }
      if (r.kind === 'message') {
        const channelId = this.channelOf(r.where, r.ticket);
        const message = {
          id: snowflake(),
          channel_id: channelId,
          author: user,
          content: r.text,
          type: MessageType.Default,
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          tts: false,
          mention_everyone: false,
          mentions: [],
          mention_roles: [],
          attachments: [],
          embeds: [],
          components: [],
          pinned: false,
          flags: 0,
        };
        fake.messages.set(channelId, [...fake.messagesIn(channelId), message]);
        fake.dispatch(
          'MESSAGE_CREATE',
          guild({
            ...message,
            guild_id: fake.channels.get(channelId)?.guild_id ?? undefined,
            member: user.bot ? undefined : fake.member(user),
          }),
        );
        const allowed = await this.mayChange(c);
        if (allowed === 'any' && r.where === 'ticket-thread')
          this.written.push({ channelId, id: message.id, author: c.who });
      } else if (r.kind === 'edit') {
        const earlier = this.written[r.pick % this.written.length];
        const stored = fake.messagesIn(earlier.channelId).find((m) => m.id === earlier.id);
        fake.dispatch(
          'MESSAGE_UPDATE',
          guild({
            ...(stored ?? { id: earlier.id, channel_id: earlier.channelId }),
            author: user,
            content: r.text,
            edited_timestamp: new Date().toISOString(),
            guild_id: fake.channels.get(earlier.channelId)?.guild_id,
            member: fake.member(user),
          }),
        );
      } else {
        const earlier = this.written[r.pick % this.written.length];
        const target = r.known ? earlier : { channelId: earlier.channelId, id: snowflake() };
        fake.dispatch(
          'MESSAGE_DELETE',
          guild({
            id: target.id,
            channel_id: target.channelId,
            guild_id: fake.channels.get(target.channelId)?.guild_id,
          }),
        );
      }
      await this.settled();
      return [];
    }

    const channelId = this.channelOf(r.where, r.ticket);
    const staff = c.who === 'boss' || c.who === 'tina';
    const at = place(fake, user, channelId, staff);
    let data: Record<string, unknown>;
    let extra: Record<string, unknown> = {};
    switch (r.kind) {
      case 'command':
        {
          const options = this.withIds(r.options);
          data = {
            id: `cmd-${r.name}`,
            name: r.name,
            type: ApplicationCommandType.ChatInput,
            options,
            ...this.resolved(options),
          };
        }
        break;
      case 'button':
        data = { custom_id: r.customId, component_type: ComponentType.Button };
        extra = { message: this.cardOf(r.ticket, channelId) };
        break;
      case 'select':
        data = {
          custom_id: r.customId,
          component_type: r.userSelect ? ComponentType.UserSelect : ComponentType.StringSelect,
          values: r.values.map((v) => this.idOf(v)),
          ...(r.userSelect
            ? {
                resolved: {
                  users: Object.fromEntries(
                    r.values.flatMap((v) =>
                      fake.users.has(this.idOf(v)) ? [[this.idOf(v), fake.users.get(this.idOf(v))]] : [],
                    ),
                  ),
                },
              }
            : {}),
        };
        extra = { message: this.cardOf(r.ticket, channelId) };
        break;
      case 'modal':
        data = { custom_id: r.customId, components: modalAnswers(r.fields) };
        break;
    }
    const type = {
      command: InteractionType.ApplicationCommand,
      button: InteractionType.MessageComponent,
      select: InteractionType.MessageComponent,
      modal: InteractionType.ModalSubmit,
    }[r.kind];
    const id = fake.sendInteraction(guild({ type, data, ...at, ...extra }));
    await this.settled();
    const sentAt = fake.sentAt.get(id)!;
    const answeredAt = fake.firstAnswerAt.get(id);
    return [
      {
        ms: answeredAt === undefined ? null : answeredAt - sentAt,
        // Another server's interactions are ignored, unanswered: they are not the helpdesk's.
        mustAnswer: !c.foreignGuild,
        what: `${r.kind} ${r.kind === 'command' ? [r.name, ...r.path].join(' ') : r.customId.slice(0, 40)}`,
      },
    ];
  }

  private settled(): Promise<void> {
    return this.world.settled();
  }

  private channelOf(where: Where, ticket: number): string {
    const threads = this.threads.get(ticket);
    switch (where) {
      case 'ticket-thread':
        return threads?.thread ?? UNKNOWN_CHANNEL_ID;
      case 'staff-thread':
        return threads?.staffThread ?? UNKNOWN_CHANNEL_ID;
      case 'support':
        return SUPPORT_CHANNEL_ID;
      case 'staff':
        return STAFF_CHANNEL_ID;
      case 'unknown-channel':
        return UNKNOWN_CHANNEL_ID;
    }
  }

  /** The ticket's card in its thread (the message a card button is pressed on), or a stand-in elsewhere. */
  private cardOf(ticket: number, channelId: string): Record<string, unknown> {
    const card = this.world.fake.messagesIn(channelId).find((m) => m.author.id === this.world.fake.bot.id);
    return (
      card ?? {
        id: snowflake(),
        channel_id: channelId,
        type: MessageType.Default,
        content: `#${ticket}`,
        author: this.world.fake.bot,
        flags: 0,
        attachments: [],
        embeds: [],
        components: [],
        mentions: [],
        mention_roles: [],
        pinned: false,
        tts: false,
        mention_everyone: false,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
      }
    );
  }

  /** `@cora` → Cora's user id; anything else as it is. */
  private idOf(value: string): string {
    const who = value.startsWith('@') ? this.people[value.slice(1) as DiscordWho] : undefined;
    return who?.id ?? value;
  }

  /** People named by their user ids, and channel options given one of the server's channels (Discord offers only those). */
  private withIds(options: Option[]): Option[] {
    return options.map((o) =>
      o.type === OptionType.Channel
        ? { ...o, value: SUPPORT_CHANNEL_ID }
        : o.type === OptionType.User
          ? { ...o, value: this.idOf(String(o.value)) }
          : o.options
            ? { ...o, options: this.withIds(o.options) }
            : o,
    );
  }

  private resolved(options: Option[]): Record<string, unknown> {
    const flat = (function all(list: Option[]): Option[] {
      return list.flatMap((o) => [o, ...all(o.options ?? [])]);
    })(options);
    const fake = this.world.fake;
    const users = flat.filter((o) => o.type === OptionType.User);
    const channels = flat.filter((o) => o.type === OptionType.Channel);
    if (users.length === 0 && channels.length === 0) return {};
    const resolved: Record<string, unknown> = {};
    if (users.length > 0)
      resolved.users = Object.fromEntries(users.map((o) => [o.value, fake.users.get(String(o.value))]));
    if (channels.length > 0) {
      const { id, type, name } = fake.channels.get(SUPPORT_CHANNEL_ID);
      resolved.channels = { [SUPPORT_CHANNEL_ID]: { id, type, name, permissions: ALL_PERMISSIONS } };
    }
    return { resolved };
  }
}
