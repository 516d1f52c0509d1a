import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf, interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/tickets escalate N [@person]` (staff): to the next tier, to this person or the least loaded one. */
export const name = 'tickets escalate';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const ticketNumber = interaction.options.getInteger('number', true);
    const person = interaction.options.getUser('person');
    const to = person ? actorOf(person, interaction.options.getMember('person')) : undefined;
    const ticket = await ctx.helpdesk.tickets.escalate(interactionActor(interaction), {
      ticketNumber,
      to,
    });
    return tr('answers.escalated', { number: ticketNumber, tier: ticket.tier });
  });
}
