import {
  ApplicationCommandOptionType as OptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord.js';
import { ALL_PERMISSIONS, GUILD_ID, type FakeDiscord, type FakeUser } from './fake-discord';

/**
 * Realistic INTERACTION_CREATE payloads (what Discord sends for a slash command, a button, a
 * select and a modal submit), dispatched through the fake. Each resolves with the interaction id
 * once the bot's first response arrived; `fake.answered(id)` waits for the rest.
 */
const CUSTOMER_PERMISSIONS = '1024'; // View Channel

/** Where an interaction happens and who sends it: the guild, the channel (with the sender's permissions there) and the member. */
export function place(fake: FakeDiscord, user: FakeUser, channelId: string, staff: boolean) {
  const { thread_metadata, ...channel } = fake.channels.get(channelId) ?? {
    id: channelId,
    type: ChannelType.GuildText,
  };
  const permissions = staff ? ALL_PERMISSIONS : CUSTOMER_PERMISSIONS;
  const locale = fake.locales.get(user.id) ?? 'en-US';
  // In a DM Discord sends the user, and no guild or member.
  if (channel.type === ChannelType.DM) return { channel_id: channelId, channel, user, locale };
  return {
    locale,
    guild_id: GUILD_ID,
    channel_id: channelId,
    channel: { ...channel, ...(thread_metadata ? { thread_metadata } : {}), permissions },
    member: fake.member(user, permissions),
  };
}

export type Option = { name: string; type: number; value?: string | number | boolean; options?: Option[] };

export function slashCommand(
  fake: FakeDiscord,
  user: FakeUser,
  name: string,
  channelId: string,
  options: Option[] = [],
  staff = false,
): Promise<string> {
  const resolved: Record<string, unknown> = {};
  const flat = options.flatMap(function all(o: Option): Option[] {
    return [o, ...(o.options ?? []).flatMap(all)];
  });
  const users = flat.filter((o) => o.type === OptionType.User);
  const channels = flat.filter((o) => o.type === OptionType.Channel);
  if (users.length > 0)
    resolved.users = Object.fromEntries(users.map((o) => [o.value, fake.users.get(String(o.value))]));
  if (channels.length > 0) {
    resolved.channels = Object.fromEntries(
      channels.map((o) => {
        const { id, type, name: channelName, parent_id, thread_metadata } = fake.channels.get(String(o.value));
        return [
          o.value,
          {
            id,
            type,
            name: channelName,
            parent_id,
            ...(thread_metadata ? { thread_metadata } : {}),
            permissions: ALL_PERMISSIONS,
          },
        ];
      }),
    );
  }
  return fake.interact({
    type: InteractionType.ApplicationCommand,
    data: {
      id: `cmd-${name}`,
      name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(users.length > 0 || channels.length > 0 ? { resolved } : {}),
    },
    ...place(fake, user, channelId, staff),
  });
}

export const subcommand = (name: string, options: Option[] = []): Option => ({
  name,
  type: OptionType.Subcommand,
  options,
});
export const subcommandGroup = (name: string, options: Option[]): Option => ({
  name,
  type: OptionType.SubcommandGroup,
  options,
});
export const integerOption = (name: string, value: number): Option => ({ name, type: OptionType.Integer, value });
export const stringOption = (name: string, value: string): Option => ({ name, type: OptionType.String, value });
export const userOption = (name: string, user: Pick<FakeUser, 'id'>): Option => ({
  name,
  type: OptionType.User,
  value: user.id,
});
export const channelOption = (name: string, channelId: string): Option => ({
  name,
  type: OptionType.Channel,
  value: channelId,
});

/** A message command (the message's context menu, "Apps") used on `message`. */
export function messageCommand(fake: FakeDiscord, user: FakeUser, name: string, message: any, staff = false) {
  return fake.interact({
    type: InteractionType.ApplicationCommand,
    data: {
      id: `cmd-${name}`,
      name,
      type: ApplicationCommandType.Message,
      target_id: message.id,
      resolved: { messages: { [message.id]: message } },
    },
    ...place(fake, user, message.channel_id, staff),
  });
}

export function pressButton(
  fake: FakeDiscord,
  user: FakeUser,
  message: any,
  customId: string,
  staff = false,
): Promise<string> {
  return fake.interact({
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
    ...place(fake, user, message.channel_id, staff),
  });
}

export function chooseInSelect(
  fake: FakeDiscord,
  user: FakeUser,
  channelId: string,
  customId: string,
  values: string[],
  componentType: ComponentType = ComponentType.StringSelect,
  staff = true,
): Promise<string> {
  const resolved =
    componentType === ComponentType.UserSelect
      ? { users: Object.fromEntries(values.map((v) => [v, fake.users.get(v)])) }
      : undefined;
  const message = {
    id: `ephemeral-${customId}`,
    channel_id: channelId,
    type: MessageType.Default,
    content: '',
    author: fake.bot,
    flags: MessageFlags.Ephemeral,
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
  };
  return fake.interact({
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: componentType, values, ...(resolved ? { resolved } : {}) },
    message,
    ...place(fake, user, channelId, staff),
  });
}

/** A modal's answer as Discord sends it: a Label component (numbered `id`) wrapping the input (numbered next). */
function label(id: number, component: Record<string, unknown>) {
  return { type: ComponentType.Label, id, component: { ...component, id: id + 1 } };
}

/** Discord sends a modal's answers as Label components wrapping the inputs. */
export function submitTicketForm(
  fake: FakeDiscord,
  user: FakeUser,
  channelId: string,
  customId: string,
  fields: { title: string; description: string; type?: string; impact?: string; urgency?: string },
): Promise<string> {
  // Impact and urgency are selects like the type; a form without them is an older client's.
  const selects = (['impact', 'urgency'] as const).filter((name) => fields[name] !== undefined);
  return fake.interact({
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: [
        label(1, { type: ComponentType.TextInput, custom_id: 'title', value: fields.title }),
        label(3, { type: ComponentType.TextInput, custom_id: 'description', value: fields.description }),
        label(5, { type: ComponentType.StringSelect, custom_id: 'type', values: fields.type ? [fields.type] : [] }),
        ...selects.map((name, i) =>
          label(7 + 2 * i, { type: ComponentType.StringSelect, custom_id: name, values: [fields[name]] }),
        ),
      ],
    },
    ...place(fake, user, channelId, false),
  });
}

/** A modal's answers as Discord sends them: a string is a text input's value, an array a select's choices. */
export function modalAnswers(fields: Record<string, string | string[]>) {
  return Object.entries(fields).map(([name, value], i) =>
    label(
      2 * i + 1,
      Array.isArray(value)
        ? { type: ComponentType.StringSelect, custom_id: name, values: value }
        : { type: ComponentType.TextInput, custom_id: name, value },
    ),
  );
}

/** Any modal submitted: a string is a text input's value, an array a select's choices (each wrapped in a Label, as Discord sends them). */
export function submitModal(
  fake: FakeDiscord,
  user: FakeUser,
  channelId: string,
  customId: string,
  fields: Record<string, string | string[]>,
  staff = false,
): Promise<string> {
  return fake.interact({
    type: InteractionType.ModalSubmit,
    data: { custom_id: customId, components: modalAnswers(fields) },
    ...place(fake, user, channelId, staff),
  });
}

/** A private reply (its callback's data, or an edit's body) as the message its buttons are pressed on (ephemeral: flags 64). */
export function ephemeralMessage(fake: FakeDiscord, channelId: string, body: any) {
  return {
    id: `ephemeral-${Date.now()}`,
    channel_id: channelId,
    type: MessageType.Default,
    content: body.content ?? '',
    author: fake.bot,
    flags: MessageFlags.Ephemeral,
    attachments: [],
    embeds: [],
    components: body.components ?? [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    tts: false,
    mention_everyone: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

/** All an answer says: its text, then its embeds' (a long list, such as `/helpdesk help`, comes as an embed). */
export function answerText(body: { content?: string; embeds?: Array<{ description?: string }> }): string {
  return [body.content ?? '', ...(body.embeds ?? []).map((e) => e.description ?? '')].join('\n');
}

/** Discord asking for choices while `user` types a command's option (`focused` names which); answered with an autocomplete result. */
export function autocomplete(
  fake: FakeDiscord,
  user: FakeUser,
  name: string,
  channelId: string,
  options: Option[],
  staff = false,
): Promise<string> {
  return fake.interact({
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: `cmd-${name}`, name, type: ApplicationCommandType.ChatInput, options },
    ...place(fake, user, channelId, staff),
  });
}
