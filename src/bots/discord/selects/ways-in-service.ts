import type { StringSelectMenuInteraction } from 'discord.js';
import { parsePageValue, servicePicker } from '../guide';
import type { DiscordContext } from '../context';
import * as waysInOpen from '../buttons/ways-in-open';
import { WAYS_IN_PREFIX, type WaysInButton } from '../ways-in';

/**
 * The guide's service select under a DM's "Open a ticket with this message?": another page of
 * services, or the pick that opens the ticket for that service ("Something else": for none). A
 * service the helpdesk does not cover gets its polite no, and nothing is stored.
 */
export async function run(interaction: StringSelectMenuInteraction, at: WaysInButton, ctx: DiscordContext) {
  const value = interaction.values[0] ?? '';
  const page = parsePageValue(value);
  if (page !== null) {
    const picker = servicePicker(
      ctx.helpdesk.catalog.snapshot(),
      page,
      `${WAYS_IN_PREFIX}:service:${at.channelId}:${at.messageId}`,
    );
    const [, ...rest] = interaction.message.components.map((row) => row.toJSON());
    return void (await interaction.update({ components: [...picker.components, ...rest] as never }));
  }
  const pick = ctx.helpdesk.catalog.pick(value);
  switch (pick.kind) {
    case 'guide':
      return waysInOpen.run(interaction, at, ctx, pick.service.id);
    case 'something-else':
      return waysInOpen.run(interaction, at, ctx, null);
    default:
      await ctx.helpdesk.dmQuestions.forget('discord', interaction.user.id);
      await interaction.update({ content: pick.message, components: [] });
  }
}
