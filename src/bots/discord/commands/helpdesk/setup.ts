import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk setup [channel:#channel]` (admins): the support channel, where new tickets get their private thread. */
export const name = 'helpdesk setup';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const named = interaction.options.getChannel('channel');
    // Private threads live in a text channel, so run in a thread (a ticket's), it needs the option.
    if (!named && interaction.channel?.isThread())
      return 'Run this in the support channel itself, or name it: /helpdesk setup channel:#support.';
    const channelId = named?.id ?? interaction.channelId;
    await ctx.helpdesk.settings.set(actorOf(interaction.user, interaction.member), {
      key: 'discord.support_channel',
      value: channelId,
    });
    return `<#${channelId}> is now the support channel: new tickets get their private thread there. Customers need View Channel there, and not Send Messages.`;
  });
}
