import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf, interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk staff remove @person` (admins): their open tickets go to others. */
export const name = 'helpdesk staff remove';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const person = actorOf(interaction.options.getUser('person', true), interaction.options.getMember('person'));
    await ctx.helpdesk.staff.remove(interactionActor(interaction), { person });
    return tr('answers.staff.removed', { person: person.displayName ?? '' });
  });
}
