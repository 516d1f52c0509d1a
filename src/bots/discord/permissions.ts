import { PermissionFlagsBits } from 'discord.js';

/**
 * What the bot must be allowed in the server, and why: the one list the invite URL
 * (`npm run register-commands` prints it) and the README's list are made from (a test holds the
 * README to it).
 */
export const BOT_PERMISSIONS = [
  { name: 'View Channels', flag: 'ViewChannel', why: 'see the support and staff channels' },
  { name: 'Send Messages', flag: 'SendMessages', why: 'the queue and alerts in the staff channel' },
  {
    name: 'Create Public Threads',
    flag: 'CreatePublicThreads',
    why: "a ticket's internal notes, in a thread of the staff channel",
  },
  {
    name: 'Create Private Threads',
    flag: 'CreatePrivateThreads',
    why: 'each ticket is a private thread of the support channel',
  },
  {
    name: 'Send Messages in Threads',
    flag: 'SendMessagesInThreads',
    why: 'the ticket card, answers and notifications',
  },
  {
    name: 'Manage Threads',
    flag: 'ManageThreads',
    why: 'add assignees to private ticket threads, archive resolved ones',
  },
  { name: 'Manage Messages', flag: 'ManageMessages', why: '/helpdesk redact deletes the message as written' },
  { name: 'Embed Links', flag: 'EmbedLinks', why: 'cards and lists are embeds' },
  { name: 'Attach Files', flag: 'AttachFiles', why: 'transcripts and exports are files' },
  {
    name: 'Read Message History',
    flag: 'ReadMessageHistory',
    why: 'catch up on messages written while the bot was away',
  },
] as const satisfies ReadonlyArray<{ name: string; flag: keyof typeof PermissionFlagsBits; why: string }>;

/** The permissions as Discord's bit field. */
export function botPermissionBits(): bigint {
  return BOT_PERMISSIONS.reduce((bits, p) => bits | PermissionFlagsBits[p.flag], 0n);
}

/** The link that adds the bot to a server with its commands and exactly these permissions. */
export function inviteUrl(applicationId: string, guildId?: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: botPermissionBits().toString(),
    ...(guildId ? { guild_id: guildId, disable_guild_select: 'true' } : {}),
  });
  return `https://discord.com/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
}
