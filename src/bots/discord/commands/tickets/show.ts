import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets show N`: one ticket the asker may see, privately. */
export const name = 'tickets show';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const { ticket, customer, assignee, comments } = await ctx.helpdesk.queries.show(actorOf(interaction.user, interaction.member), { ticketNumber });
    const thread = ticket.location?.discordThreadId;
    return {
      content: thread ? `Thread: <#${thread}>` : '',
      embeds: [
        {
          title: `#${ticket.number} ${ticket.title}`.slice(0, 256),
          // The core caps descriptions at 3000, under the embed's 4096.
          description: ticket.description,
          fields: [
            { name: 'Status', value: ticket.status, inline: true },
            { name: 'Priority', value: ticket.priority, inline: true },
            { name: 'Type', value: ticket.type, inline: true },
            { name: 'Tier', value: String(ticket.tier), inline: true },
            { name: 'Assignee', value: assignee?.displayName || 'unassigned', inline: true },
            { name: 'Customer', value: customer.displayName || 'unknown', inline: true },
            { name: 'Messages', value: `${comments.length} (the whole conversation: /tickets transcript ${ticket.number})` },
          ],
        },
      ],
    };
  });
}
