import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk away on|off [@person]`: staff for themselves, admins for anyone. */
export const name = 'helpdesk away';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const away = interaction.options.getString('state', true) === 'on';
    const user = interaction.options.getUser('person');
    const person = user ? actorOf(user, interaction.options.getMember('person')) : undefined;
    const updated = await ctx.helpdesk.staff.setAway(actorOf(interaction.user, interaction.member), { away, person });
    const who = person ? updated.displayName || person.displayName : 'You';
    const verb = person ? 'is' : 'are';
    return away
      ? `${who} ${verb} away: no new tickets until back.`
      : `${who} ${verb} back and take${person ? 's' : ''} new tickets again.`;
  });
}
