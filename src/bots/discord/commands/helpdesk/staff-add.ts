import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf, interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk staff add @person 1|2|3|admin` (admins). */
export const name = 'helpdesk staff add';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const person = actorOf(interaction.options.getUser('person', true), interaction.options.getMember('person'));
    const role = interaction.options.getString('role', true);
    await ctx.helpdesk.staff.add(interactionActor(interaction), { person, role });
    const who = person.displayName ?? '';
    return role === 'admin'
      ? tr('answers.staff.admin', { person: who })
      : tr('answers.staff.supporter', { person: who, tier: role });
  });
}
