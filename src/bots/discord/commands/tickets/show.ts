import type { ChatInputCommandInteraction } from 'discord.js';
import { ticketCard } from '../../../../core/rules/card';
import { interactionActor } from '../../actor';
import { answerPrivately, readerLanguage } from '../../answer';
import type { DiscordContext } from '../../context';
import { discordPlace } from '../../../../core/location';

/** `/tickets show N`: one ticket the asker may see, privately, with the same fields as its card (SLA and rating included). */
export const name = 'tickets show';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const { ticket, customer, assignee, comments, rating } = await ctx.helpdesk.queries.show(
      interactionActor(interaction),
      { ticketNumber },
    );
    const thread = discordPlace(ticket.location).threadId;
    const card = ticketCard(
      ticket,
      { customer: customer.displayName || tr('answers.show.customer'), assignee: assignee?.displayName || null },
      rating,
      await readerLanguage(interaction, ctx),
    );
    return {
      content: thread ? tr('answers.show.thread', { thread: `<#${thread}>` }) : '',
      embeds: [
        {
          title: card.heading,
          // The core caps descriptions at 3000, under the embed's 4096.
          description: ticket.description,
          fields: [
            ...card.fields.map((f) => ({ ...f, inline: true })),
            {
              name: tr('answers.show.messages'),
              value: tr('answers.show.messageCount', { count: comments.length, number: ticket.number }),
            },
          ],
        },
      ],
    };
  });
}
